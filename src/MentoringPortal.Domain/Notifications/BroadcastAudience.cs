namespace MentoringPortal.Domain.Notifications;

/// <summary>Who in a programme an administrator's message goes to.</summary>
public enum BroadcastAudience
{
    Everyone = 0,
    Mentors = 1,
    Mentees = 2,
}
