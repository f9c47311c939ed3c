namespace MentoringPortal.Domain.Mentors;

public enum AvailabilityStatus
{
    Accepting = 0,
    NotAccepting = 1,
    Paused = 2,
}
