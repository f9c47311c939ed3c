using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Mentoring agreement emails, to the other member only: the agreement is ready for them to read and
/// confirm, and it has been agreed. They link to the agreement and never quote its words.
/// </summary>
public sealed partial class PortalEmails
{
    public const string AgreementToConfirmSubject = "Your mentoring agreement is ready for you to read";
    public const string AgreementAgreedSubject = "Your mentoring agreement is agreed";

    /// <summary>To the member who did not write the change: read it and say "I agree".</summary>
    public void AgreementToConfirm(Recipient to, string otherName, bool firstVersion, int pairingId) =>
        Add(to, new AgreementToConfirmModel(otherName, firstVersion, pairingId));

    /// <summary>To the member who confirmed first, when the other confirms too.</summary>
    public void AgreementAgreed(Recipient to, string otherName, DateOnly agreedOn, int pairingId) =>
        Add(to, new AgreementAgreedModel(otherName, agreedOn, pairingId));

    public static string AgreementPath(int pairingId) => $"/pairings/{pairingId}/agreement";
}
