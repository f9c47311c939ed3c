namespace MentoringPortal.Domain.Matching;

public enum ApplicationStatus
{
    Waiting = 0,
    Matched = 1,
    Declined = 2,
    Withdrawn = 3,

    /// <summary>The scheme proposed a mentor, who has not answered yet.</summary>
    Proposed = 4,
}

public static class ApplicationStatusText
{
    public static string Describe(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Waiting => "Waiting to be matched",
        ApplicationStatus.Matched => "Matched with a mentor",
        ApplicationStatus.Declined => "Declined",
        ApplicationStatus.Proposed => "Waiting for a mentor's answer",
        _ => "Withdrawn",
    };
}
