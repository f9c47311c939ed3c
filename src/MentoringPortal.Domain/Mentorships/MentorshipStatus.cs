namespace MentoringPortal.Domain.Mentorships;

public enum MentorshipStatus
{
    Active = 0,
    Ended = 1,
}
