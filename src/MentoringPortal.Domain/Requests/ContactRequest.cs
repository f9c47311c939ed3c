using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.Domain.Requests;

/// <summary>A trainee's request to be mentored by a mentor of their choice.</summary>
public sealed class ContactRequest
{
    public const int MaxMessageLength = 2000;
    public const int MaxDeclineNoteLength = 500;

    private ContactRequest()
    {
        Message = string.Empty;
    }

    internal ContactRequest(Mentee mentee, Mentor mentor, int programmeId, string message, MeetingModes preferredMode,
        DateTime now, TimeSpan expiresAfter)
    {
        Mentee = mentee;
        MenteeId = mentee.Id;
        Mentor = mentor;
        MentorId = mentor.Id;
        ProgrammeId = programmeId;
        Message = Guard.Text(message, "a message to the mentor", MaxMessageLength);
        PreferredMode = preferredMode;
        CreatedAt = Guard.Utc(now);
        ExpiresAt = now + expiresAfter;
        Status = ContactRequestStatus.Pending;
    }

    public int Id { get; private set; }

    public int MenteeId { get; private set; }

    public Mentee? Mentee { get; private set; }

    public int MentorId { get; private set; }

    public Mentor? Mentor { get; private set; }

    public int ProgrammeId { get; private set; }

    public string Message { get; private set; }

    public MeetingModes PreferredMode { get; private set; }

    public ContactRequestStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public DeclineReason? DeclineReason { get; private set; }

    public string? DeclineNote { get; private set; }

    public int Version { get; private set; }

    public bool IsPending => Status == ContactRequestStatus.Pending;

    public bool IsOverdue(DateTime now) => IsPending && now >= ExpiresAt;

    public void Decline(DeclineReason reason, string? note, DateTime now)
    {
        EnsurePending();
        var checkedNote = Guard.Text(note, "a note for the trainee", MaxDeclineNoteLength, required: reason == Requests.DeclineReason.Other);
        AnsweredAt = Guard.Utc(now);
        Status = ContactRequestStatus.Declined;
        DeclineReason = reason;
        DeclineNote = checkedNote.Length == 0 ? null : checkedNote;
        Version++;
    }

    public void Cancel(DateTime now)
    {
        EnsurePending();
        AnsweredAt = Guard.Utc(now);
        Status = ContactRequestStatus.Cancelled;
        Version++;
    }

    /// <summary>Expires the request if its time has passed; returns whether it did.</summary>
    public bool ExpireIfDue(DateTime now)
    {
        if (Status != ContactRequestStatus.Pending || now < ExpiresAt)
        {
            return false;
        }

        AnsweredAt = Guard.Utc(now);
        Status = ContactRequestStatus.Expired;
        Version++;
        return true;
    }

    /// <summary>Closes the request because one of the two is leaving the portal.</summary>
    public void CloseBecauseMemberLeft(DateTime now)
    {
        if (IsPending)
        {
            Withdraw(now);
        }
    }

    /// <summary>Erases the words exchanged, when the trainee's account is erased; the request's dates and outcome stay.</summary>
    public void EraseMessages()
    {
        Message = string.Empty;
        DeclineNote = null;
        Version++;
    }

    internal void MarkAccepted(DateTime now)
    {
        EnsurePending();
        AnsweredAt = Guard.Utc(now);
        Status = ContactRequestStatus.Accepted;
        Version++;
    }

    internal void Withdraw(DateTime now)
    {
        EnsurePending();
        AnsweredAt = Guard.Utc(now);
        Status = ContactRequestStatus.Withdrawn;
        Version++;
    }

    private void EnsurePending()
    {
        if (Status != ContactRequestStatus.Pending)
        {
            throw new DomainRuleException($"This request has already been {Status.Describe()}.");
        }
    }
}
