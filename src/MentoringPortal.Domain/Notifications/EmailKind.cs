namespace MentoringPortal.Domain.Notifications;

/// <summary>
/// The kinds of email a person chooses how to receive. Security and account emails have no kind: they always go at once.
/// </summary>
public enum EmailKind
{
    /// <summary>Contact requests, applications, proposals and matches, and the administrators' queues of them.</summary>
    Requests = 0,

    /// <summary>A message or an agreement waiting in a pairing.</summary>
    Messages = 1,

    /// <summary>Meetings planned, changed, cancelled or recorded, overdue meetings, training about to expire.</summary>
    Meetings = 2,

    /// <summary>Administrators' messages to a programme and survey invitations.</summary>
    SchemeNews = 3,
}

/// <summary>How a person wants the emails of one kind.</summary>
public enum EmailDelivery
{
    AtOnce = 0,
    Digest = 1,
    Off = 2,
}
