using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>The page that asks someone to prove an existing account is theirs before their organisation sign-in is linked.</summary>
public sealed record LinkViewModel(string ProviderName, string Email, bool HasPassword, LinkWithPasswordForm Form);

public sealed class LinkWithPasswordForm
{
    [Display(Name = "Your mentoring portal password")]
    [Required(ErrorMessage = "Enter your mentoring portal password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

/// <summary>The page an emailed link opens: what will be linked, and a button to do it.</summary>
public sealed record ConfirmLinkViewModel(string ProviderName, string IdentityName, string Token);

public sealed record OrganisationSignInRow(string LoginProvider, string ProviderKey, string Name);

public sealed record OrganisationSignInsViewModel(IReadOnlyList<OrganisationSignInRow> SignIns, IReadOnlyList<string> Available);
