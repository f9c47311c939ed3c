namespace MentoringPortal.Domain.Mentors;

/// <summary>Where a listed mentor stands today for a trainee who wants to contact them.</summary>
public enum MentorAvailability
{
    Accepting,
    Full,
    Paused,
    NotAccepting,
}
