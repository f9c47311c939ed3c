namespace MentoringPortal.Web.Data;

/// <summary>
/// An email waiting to be sent. It is written in the same transaction as the change it reports,
/// so no email is lost and none is sent for a change that did not happen.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        To = Subject = TextBody = HtmlBody = string.Empty;
    }

    public OutboxMessage(string to, string subject, string textBody, string htmlBody, DateTime now)
    {
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }

    /// <summary>One optional text attachment (an .ics invitation): file name, content type and content.</summary>
    public string? AttachmentName { get; private set; }

    public string? AttachmentContentType { get; private set; }

    public string? AttachmentContent { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public OutboxMessage WithAttachment(string name, string contentType, string content)
    {
        AttachmentName = name;
        AttachmentContentType = contentType;
        AttachmentContent = content;
        return this;
    }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>Which dispatcher instance holds the message, until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>When sending was given up (the server refused it for good, or too many attempts); null while it is still tried.</summary>
    public DateTime? ParkedAt { get; private set; }

    /// <summary>Why it was parked, for the administrators' list of parked emails.</summary>
    public string? ParkedReason { get; private set; }
}
