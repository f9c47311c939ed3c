namespace MentoringPortal.Domain.Requests;

public enum ContactRequestStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>Withdrawn by the portal because another mentor accepted the trainee first.</summary>
    Withdrawn = 3,

    /// <summary>Not answered within the expiry period.</summary>
    Expired = 4,

    /// <summary>Cancelled by the trainee.</summary>
    Cancelled = 5,
}

public static class ContactRequestStatusText
{
    public static string Describe(this ContactRequestStatus status) => status switch
    {
        ContactRequestStatus.Pending => "waiting for an answer",
        ContactRequestStatus.Accepted => "accepted",
        ContactRequestStatus.Declined => "declined",
        ContactRequestStatus.Withdrawn => "withdrawn",
        ContactRequestStatus.Expired => "expired",
        ContactRequestStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };
}
