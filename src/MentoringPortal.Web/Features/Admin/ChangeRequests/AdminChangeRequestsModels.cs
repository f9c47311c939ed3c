using System.ComponentModel.DataAnnotations;
using MentoringPortal.Web.Features.Admin.Pairings;

namespace MentoringPortal.Web.Features.Admin.ChangeRequests;

/// <summary>A waiting change request with its pairing's facts; the reason is for administrators' eyes only.</summary>
public sealed record ChangeRequestQueueRow(int Id, PairingRow Pairing, string RequestedBy, DateTime RequestedAt, string Reason);

public sealed record ChangeRequestQueueViewModel(IReadOnlyList<ChangeRequestQueueRow> Requests);

public sealed class DeclineChangeRequestForm
{
    [Required(ErrorMessage = "Write a message to the person who asked: it tells them why the pairing stays as it is.")]
    [StringLength(2000, ErrorMessage = "Keep the message to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }
}

public sealed record DeclineChangeRequestViewModel(
    int Id,
    int PairingId,
    string Mentee,
    string Mentor,
    string Programme,
    string RequestedBy,
    string RequesterName,
    DateTime RequestedAt,
    string Reason,
    DeclineChangeRequestForm Form);
