using MentoringPortal.Domain.Notifications;

namespace MentoringPortal.Web.Data;

/// <summary>
/// An email its recipient chose to get in their daily digest: its subject as the line to show and the portal page it
/// pointed to. Kept until a digest includes it (<see cref="DigestDay"/> set), so nothing waiting is lost.
/// </summary>
public sealed class DigestItem
{
    private DigestItem()
    {
        UserId = Summary = Link = string.Empty;
    }

    public DigestItem(string userId, EmailKind kind, string summary, string link, DateTime now)
    {
        UserId = userId;
        Kind = kind;
        Summary = summary;
        Link = link;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public EmailKind Kind { get; private set; }

    public string Summary { get; private set; }

    public string Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The UK day of the digest that included it; null while it waits.</summary>
    public DateOnly? DigestDay { get; private set; }

    public void IncludeIn(DateOnly day) => DigestDay = day;
}

/// <summary>
/// One person's digest for one UK day. The person and the day are unique together, so when two runs or two instances
/// build the same digest, only the first insert commits; the other's unit, outbox row included, rolls back.
/// </summary>
public sealed class SentDigest
{
    private SentDigest()
    {
        UserId = string.Empty;
    }

    public SentDigest(string userId, DateOnly day, int itemCount, DateTime now)
    {
        UserId = userId;
        Day = day;
        ItemCount = itemCount;
        SentAt = now;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public DateOnly Day { get; private set; }

    public int ItemCount { get; private set; }

    public DateTime SentAt { get; private set; }
}

/// <summary>A message an administrator sent to the members of a programme, as sent: shown in the programme's list.</summary>
public sealed class Broadcast
{
    private Broadcast()
    {
        SentByUserId = Subject = Body = string.Empty;
    }

    public Broadcast(Guid previewId, int programmeId, string sentByUserId, BroadcastAudience audience, string subject, string body,
        int recipientCount, DateTime now)
    {
        PreviewId = previewId;
        ProgrammeId = programmeId;
        SentByUserId = sentByUserId;
        Audience = audience;
        Subject = subject;
        Body = body;
        RecipientCount = recipientCount;
        SentAt = now;
    }

    public long Id { get; private set; }

    /// <summary>Given when the administrator previews the message; unique, so a double-clicked confirm sends it once.</summary>
    public Guid PreviewId { get; private set; }

    public int ProgrammeId { get; private set; }

    /// <summary>Not a foreign key, like the audit log's actor: the record stays when the account is erased.</summary>
    public string SentByUserId { get; private set; }

    public BroadcastAudience Audience { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public int RecipientCount { get; private set; }

    public DateTime SentAt { get; private set; }
}
