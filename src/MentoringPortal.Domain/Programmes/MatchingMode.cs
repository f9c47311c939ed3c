namespace MentoringPortal.Domain.Programmes;

public enum MatchingMode
{
    /// <summary>Mentees browse the directory and contact the mentor of their choice.</summary>
    MenteeChooses = 0,

    /// <summary>Mentees apply and the scheme's administrators match them.</summary>
    SchemeMatches = 1,
}
