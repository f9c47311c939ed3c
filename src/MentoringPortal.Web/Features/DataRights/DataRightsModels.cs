using System.ComponentModel.DataAnnotations;
using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.DataRights;

/// <summary>The latest "download my data" request, if any, and whether its file can be downloaded now.</summary>
public sealed record DataExportViewModel(Guid? Id, DataExportStatus? Status, DateTime? RequestedAt, DateTime? ExpiresAt, bool Available)
{
    public bool InProgress => Status == DataExportStatus.Queued;
}

public sealed class DeleteAccountForm
{
    [Required(ErrorMessage = "Enter your password to confirm that you want your account deleted.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}

public sealed record DeleteAccountViewModel(DateTime? DueAt, DeleteAccountForm Form);

public sealed class AdminErasureForm
{
    [Required(ErrorMessage = "Enter the email address of the account to erase.")]
    [EmailAddress(ErrorMessage = "Enter an email address, like name@example.org.")]
    [StringLength(256, ErrorMessage = "Keep the email address to 256 characters or fewer.")]
    public string? Email { get; set; }

    /// <summary>Set by the confirmation step, so nothing is erased from the first form by mistake.</summary>
    public bool Confirmed { get; set; }
}

public sealed record ErasureCandidate(string UserId, string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Programmes,
    DateTime CreatedAt, DateTime? LastSignedInAt, DateTime? PendingDueAt);

public sealed record AdminErasureViewModel(AdminErasureForm Form, ErasureCandidate? Candidate);
