using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.Domain.Mentorships;

/// <summary>A pairing of one mentor and one mentee within a programme.</summary>
public sealed class Mentorship
{
    private readonly List<Meeting> _meetings = [];

    private Mentorship()
    {
    }

    internal Mentorship(Mentor mentor, Mentee mentee, int programmeId, DateTime startedAt, int? contactRequestId)
    {
        Mentor = mentor;
        MentorId = mentor.Id;
        Mentee = mentee;
        MenteeId = mentee.Id;
        ProgrammeId = programmeId;
        StartedAt = Guard.Utc(startedAt);
        ContactRequestId = contactRequestId;
        Status = MentorshipStatus.Active;
    }

    public int Id { get; private set; }

    public int MentorId { get; private set; }

    public Mentor? Mentor { get; private set; }

    public int MenteeId { get; private set; }

    public Mentee? Mentee { get; private set; }

    public int ProgrammeId { get; private set; }

    public int? ContactRequestId { get; private set; }

    public MentorshipStatus Status { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    public IReadOnlyCollection<Meeting> Meetings => _meetings;

    public bool IsActive => Status == MentorshipStatus.Active;

    /// <summary>Plans a meeting; the first meeting of a pairing is the initial one, expected face to face.</summary>
    public Meeting PlanMeeting(DateTime startsAt, int durationMinutes, MeetingModes mode, string? location)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This pairing has ended, so no more meetings can be planned.");
        }

        var meeting = new Meeting(this, startsAt, durationMinutes, mode, location, isInitial: _meetings.Count == 0);
        _meetings.Add(meeting);
        return meeting;
    }

    /// <summary>Ends the pairing and frees the mentor's place at once. The mentor must be loaded.</summary>
    public void End(DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This pairing has already ended.");
        }

        var mentor = Mentor ?? throw new InvalidOperationException("Load the mentor before ending a pairing.");
        Status = MentorshipStatus.Ended;
        EndedAt = Guard.Utc(now);
        mentor.ReleasePlace();
    }
}
