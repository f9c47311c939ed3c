using MentoringPortal.Domain.Mentorships;

namespace MentoringPortal.Domain.Meetings;

public sealed class Meeting
{
    private Meeting()
    {
    }

    internal Meeting(Mentorship mentorship, DateTime startsAt, int durationMinutes, MeetingModes mode, string? location, bool isInitial)
    {
        if (durationMinutes is < 15 or > 480)
        {
            throw new DomainRuleException("A meeting lasts between 15 minutes and 8 hours.");
        }

        if (mode is not (MeetingModes.FaceToFace or MeetingModes.Video or MeetingModes.Phone))
        {
            throw new DomainRuleException("Choose how you will meet.");
        }

        Mentorship = mentorship;
        MentorshipId = mentorship.Id;
        StartsAt = Guard.Utc(startsAt);
        DurationMinutes = durationMinutes;
        Mode = mode;
        Location = Guard.Text(location, "the place or link", 300, required: false);
        IsInitial = isInitial;
    }

    public int Id { get; private set; }

    public int MentorshipId { get; private set; }

    public Mentorship? Mentorship { get; private set; }

    public DateTime StartsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public MeetingModes Mode { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The first meeting of a pairing, expected to be face to face.</summary>
    public bool IsInitial { get; private set; }

    public DateTime? HeldAt { get; private set; }

    public bool WasHeld => HeldAt is not null;

    public void MarkHeld(DateTime now)
    {
        if (now < StartsAt)
        {
            throw new DomainRuleException("A meeting can be logged as held only after it has started.");
        }

        HeldAt = Guard.Utc(now);
    }
}
