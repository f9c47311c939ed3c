using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Features.Invitations;

public sealed class InvitationForm
{
    [Required]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string Token { get; set; } = string.Empty;

    [Display(Name = "Password")]
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(128, MinimumLength = 12, ErrorMessage = "Your password must be at least 12 characters long.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Confirm password")]
    [Required(ErrorMessage = "Enter your password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>The invitation page: the form to choose a password, for the address the invitation went to.</summary>
public sealed record InvitationViewModel(string Email, InvitationForm Form);

/// <summary>A link that cannot be used any more, and what the person can do about it.</summary>
public sealed record InvitationClosedViewModel(InvitationState State, string Id, string Token);
