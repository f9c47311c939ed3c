namespace MentoringPortal.TestIdentityProvider;

/// <summary>A person the test provider can sign in: the claims its identity token carries.</summary>
/// <param name="Subject">The provider's stable id for the person (the <c>sub</c> claim).</param>
/// <param name="Name">The person's name (<c>name</c>).</param>
/// <param name="Email">Their address (<c>email</c>).</param>
/// <param name="EmailVerified">Sent as <c>email_verified</c>; null leaves the claim out, as Entra ID often does.</param>
/// <param name="MultiFactor">Adds <c>amr: ["pwd", "mfa"]</c>, as a provider does after a second factor.</param>
public sealed record TestUser(string Subject, string Name, string Email, bool? EmailVerified = true, bool MultiFactor = false);

/// <summary>Ways the provider can be told to misbehave, so the portal's refusal is tested against real tokens.</summary>
public enum Misbehaviour
{
    None,

    /// <summary>The identity token is issued for another client (its <c>aud</c> is not the portal's client id).</summary>
    WrongAudience,

    /// <summary>The identity token carries a nonce that is not the one the portal sent.</summary>
    WrongNonce,
}
