using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Domain.Matching;

/// <summary>
/// The scheme asks a mentor to take on an applicant it matched: the mentor has until <see cref="AnswerBy"/>
/// to accept or decline. While it waits, it holds one of the mentor's places, so two proposals (or a
/// proposal and a directory request) cannot overfill the mentor. Changed only through its application.
/// </summary>
public sealed class MentorProposal
{
    public const int MaxDeclineNoteLength = 500;

    private MentorProposal()
    {
    }

    internal MentorProposal(MenteeApplication application, Mentor mentor, DateTime now, int answerDays)
    {
        Application = application;
        ApplicationId = application.Id;
        Mentor = mentor;
        MentorId = mentor.Id;
        ProgrammeId = application.ProgrammeId;
        ProposedAt = Guard.Utc(now);
        AnswerBy = ProposedAt.AddDays(answerDays);
        Status = ProposalStatus.Waiting;
    }

    public int Id { get; private set; }

    public int ApplicationId { get; private set; }

    public MenteeApplication? Application { get; private set; }

    public int MentorId { get; private set; }

    public Mentor? Mentor { get; private set; }

    public int ProgrammeId { get; private set; }

    public ProposalStatus Status { get; private set; }

    public DateTime ProposedAt { get; private set; }

    /// <summary>When an unanswered proposal lapses and the applicant returns to the queue.</summary>
    public DateTime AnswerBy { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    /// <summary>The mentor's reason for declining; for the administrators, never shown to the applicant.</summary>
    public DeclineReason? DeclineReason { get; private set; }

    public string? DeclineNote { get; private set; }

    public int Version { get; private set; }

    public bool IsWaiting => Status == ProposalStatus.Waiting;

    /// <summary>The mentor passed on this applicant (declined, or let the time run out): never proposed to them again for it.</summary>
    public bool PassedOver => Status is ProposalStatus.Declined or ProposalStatus.Expired;

    public bool IsDue(DateTime now) => IsWaiting && now >= AnswerBy;

    internal void Close(ProposalStatus status, DateTime now)
    {
        if (!IsWaiting)
        {
            throw new DomainRuleException($"This proposal has already been answered ({Status.Describe().ToLowerInvariant()}).");
        }

        Status = status;
        AnsweredAt = Guard.Utc(now);
        Version++;
    }

    internal void Decline(DeclineReason reason, string? note, DateTime now)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainRuleException("Choose why you are declining.");
        }

        var checkedNote = Guard.Text(note, "a short note for the scheme", MaxDeclineNoteLength, required: reason == Requests.DeclineReason.Other);
        Close(ProposalStatus.Declined, now);
        DeclineReason = reason;
        DeclineNote = checkedNote.Length == 0 ? null : checkedNote;
    }

    /// <summary>Erases what the mentor wrote when either person's account is erased; the fact of the proposal stays.</summary>
    internal void EraseNote()
    {
        DeclineNote = null;
        Version++;
    }
}

public enum ProposalStatus
{
    Waiting = 0,
    Accepted = 1,
    Declined = 2,
    Expired = 3,
    Withdrawn = 4,
}

public static class ProposalStatusText
{
    public static string Describe(this ProposalStatus status) => status switch
    {
        ProposalStatus.Waiting => "Waiting for the mentor's answer",
        ProposalStatus.Accepted => "Accepted",
        ProposalStatus.Declined => "Declined by the mentor",
        ProposalStatus.Expired => "Not answered in time",
        _ => "Withdrawn by the applicant",
    };
}
