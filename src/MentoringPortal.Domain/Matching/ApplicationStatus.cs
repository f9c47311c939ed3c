namespace MentoringPortal.Domain.Matching;

public enum ApplicationStatus
{
    Waiting = 0,
    Matched = 1,
    Declined = 2,
    Withdrawn = 3,
}

public static class ApplicationStatusText
{
    public static string Describe(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Waiting => "Waiting to be matched",
        ApplicationStatus.Matched => "Matched with a mentor",
        ApplicationStatus.Declined => "Declined",
        _ => "Withdrawn",
    };
}
