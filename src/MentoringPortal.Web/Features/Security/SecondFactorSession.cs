using System.Security.Claims;

namespace MentoringPortal.Web.Features.Security;

/// <summary>Whether the current sign-in was made with a second factor, from the claims Identity puts in the cookie.</summary>
public static class SecondFactorSession
{
    /// <summary>Identity's claim after an authenticator or recovery code (RFC 8176 "mfa").</summary>
    public const string AmrClaim = "amr";
    public const string MultiFactor = "mfa";
    public const string Passkey = "passkey";

    public static bool IsMethodClaim(Claim claim) =>
        claim.Type is AmrClaim or ClaimTypes.AuthenticationMethod;

    public static bool UsedSecondFactor(ClaimsPrincipal user) =>
        user.HasClaim(AmrClaim, MultiFactor)
        || user.HasClaim(AmrClaim, Passkey)
        || user.HasClaim(ClaimTypes.AuthenticationMethod, Passkey);
}
