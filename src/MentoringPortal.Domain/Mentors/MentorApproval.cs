namespace MentoringPortal.Domain.Mentors;

public enum MentorApproval
{
    /// <summary>Signed up; waiting for the scheme to approve.</summary>
    Waiting = 0,
    Approved = 1,
    Declined = 2,
}
