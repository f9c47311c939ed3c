using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Features.TwoFactor;

public sealed class TwoFactorCodeForm
{
    [Display(Name = "Code from your authenticator app")]
    [Required(ErrorMessage = "Enter the 6-digit code your authenticator app shows.")]
    [StringLength(20, ErrorMessage = "Enter the 6-digit code your authenticator app shows.")]
    public string Code { get; set; } = string.Empty;

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    [Display(Name = "Recovery code")]
    [Required(ErrorMessage = "Enter one of your recovery codes.")]
    [StringLength(40, ErrorMessage = "Enter one of your recovery codes, like BC2DF-GH3JK.")]
    public string RecoveryCode { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class PasskeySignInForm
{
    /// <summary>The browser's answer (JSON) to the passkey request, filled in by passkeys.js.</summary>
    public string? Credential { get; set; }

    public string? ReturnUrl { get; set; }
}
