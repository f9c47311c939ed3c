using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Web.Features.Requests;

public sealed record GoalLine(GoalHorizon Horizon, string Description);

public sealed record IncomingRequest(
    int Id,
    string MenteeName,
    string? Specialty,
    string? Grade,
    string? Region,
    string? Background,
    string Message,
    MeetingModes PreferredMode,
    DateTime SentAt,
    DateTime ExpiresAt,
    IReadOnlyList<GoalLine> Goals);

public sealed record AnsweredRequest(string MenteeName, ContactRequestStatus Status, DateTime SentAt, DateTime? AnsweredAt);

public sealed record MentorRequestsViewModel(
    IReadOnlyList<IncomingRequest> Pending,
    IReadOnlyList<AnsweredRequest> Answered,
    int Capacity,
    int Active);

public sealed class DeclineForm
{
    [Display(Name = "Why are you declining?")]
    [Required(ErrorMessage = "Choose a reason.")]
    public DeclineReason? Reason { get; set; }

    [Display(Name = "A short note for the trainee (optional unless you chose another reason)")]
    [StringLength(ContactRequest.MaxDeclineNoteLength, ErrorMessage = "Keep the note to 500 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}

public sealed record DeclineViewModel(IncomingRequest Request, DeclineForm Form);
