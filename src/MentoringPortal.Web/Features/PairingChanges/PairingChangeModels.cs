using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Pairings;

namespace MentoringPortal.Web.Features.PairingChanges;

public sealed class EndPairingForm
{
    [Required(ErrorMessage = "Choose why the pairing is ending.")]
    public EndReason? Reason { get; set; }

    [StringLength(1000, ErrorMessage = "Keep it to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}

public sealed class ChangeRequestForm
{
    [Required(ErrorMessage = "Tell the scheme, in a few words, what is not working.")]
    [StringLength(ChangeRequest.MaxReasonLength, ErrorMessage = "Keep it to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }
}

public sealed record PairingHeader(int Id, string OtherPerson, string Programme, DateTime StartedAt, bool IsMentee);

public sealed record EndPairingViewModel(PairingHeader Pairing, EndPairingForm Form);

public sealed record ChangeRequestViewModel(PairingHeader Pairing, ChangeRequestForm Form, DateTime? AlreadyAskedAt);
