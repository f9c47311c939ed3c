using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>The page that asks someone to prove an existing account is theirs before their organisation sign-in is linked.</summary>
public sealed record LinkViewModel(string ProviderName, string Email, bool HasPassword, bool UsesTwoFactor, LinkWithPasswordForm Form);

public sealed class LinkWithPasswordForm
{
    [Display(Name = "Your mentoring portal password")]
    [Required(ErrorMessage = "Enter your mentoring portal password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    /// <summary>Asked for when the account has two-factor sign-in: an authenticator code or a recovery code.</summary>
    [Display(Name = "Code from your authenticator app, or a recovery code")]
    [StringLength(40, ErrorMessage = "Enter the 6-digit code from your authenticator app, or one of your recovery codes.")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The page an emailed link opens: what will be linked, and a button to do it.</summary>
public sealed record ConfirmLinkViewModel(string ProviderName, string IdentityName, string Token);

public sealed record OrganisationSignInRow(string LoginProvider, string ProviderKey, string Name);

public sealed record OrganisationSignInsViewModel(IReadOnlyList<OrganisationSignInRow> SignIns, IReadOnlyList<string> Available);
