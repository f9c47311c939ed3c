using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
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

/// <summary>An applicant the scheme proposed to this mentor: the facts and goals they gave to be matched, and the deadline.</summary>
public sealed record IncomingProposal(
    int Id,
    string MenteeName,
    string ProgrammeName,
    string? Specialty,
    string? Grade,
    string? Region,
    string? Background,
    MeetingModes PreferredModes,
    string Statement,
    DateTime ProposedAt,
    DateTime AnswerBy,
    IReadOnlyList<GoalLine> Goals);

/// <summary>Places taken counts the proposals waiting (each holds a place), so <see cref="Active"/> leaves them out.</summary>
public sealed record MentorRequestsViewModel(
    IReadOnlyList<IncomingRequest> Pending,
    IReadOnlyList<AnsweredRequest> Answered,
    int Capacity,
    int Active,
    IReadOnlyList<IncomingProposal> Proposals);

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

public sealed class DeclineProposalForm
{
    [Display(Name = "Why are you declining?")]
    [Required(ErrorMessage = "Choose a reason.")]
    public DeclineReason? Reason { get; set; }

    [Display(Name = "A short note for the scheme (optional unless you chose another reason)")]
    [StringLength(MentorProposal.MaxDeclineNoteLength, ErrorMessage = "Keep the note to 500 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}

public sealed record DeclineProposalViewModel(IncomingProposal Proposal, DeclineProposalForm Form);
