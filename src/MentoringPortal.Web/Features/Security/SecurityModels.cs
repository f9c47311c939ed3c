using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Features.Security;

public sealed record SecurityViewModel(
    bool AuthenticatorOn,
    int RecoveryCodesLeft,
    IReadOnlyList<PasskeyRow> Passkeys,
    bool IsAdministrator,
    bool SessionUsedSecondFactor,
    string? ReturnUrl)
{
    public bool HasSecondFactor => AuthenticatorOn || Passkeys.Count > 0;

    public PasskeyForm NewPasskey { get; } = new();
}

/// <summary>A passkey on the security page; <paramref name="Id"/> is its credential id in base64url.</summary>
public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

public sealed record AuthenticatorSetupViewModel(string GroupedKey, AuthenticatorCodeForm Form);

public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes, bool JustTurnedOn);

public sealed class AuthenticatorCodeForm
{
    [Display(Name = "Code from the app")]
    [Required(ErrorMessage = "Enter the 6-digit code your authenticator app shows.")]
    [StringLength(20, ErrorMessage = "Enter the 6-digit code your authenticator app shows.")]
    public string Code { get; set; } = string.Empty;
}

public sealed class PasskeyForm
{
    [Display(Name = "Name for this passkey")]
    [Required(ErrorMessage = "Give the passkey a name, such as the device it is on.")]
    [StringLength(60, ErrorMessage = "Keep the name to 60 characters or fewer.")]
    [RegularExpression(@"^[^\p{C}]*$", ErrorMessage = "The name cannot contain control characters.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The browser's answer (JSON) to the passkey request, filled in by passkeys.js.</summary>
    public string? Credential { get; set; }
}

public sealed record PasskeyRenameViewModel(string Id, PasskeyForm Form);

public sealed record PasskeyRemoveViewModel(string Id, string Name);
