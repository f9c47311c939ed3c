namespace MentoringPortal.Domain.Pairings;

/// <summary>
/// A private message between the two members of a pairing. Only they read it: not the scheme, not
/// an administrator. Erasing its author's account deletes it (see <see cref="Privacy.AccountErasure"/>).
/// </summary>
public sealed class PairingMessage
{
    public const int MaxTextLength = 4000;

    public const string ClosedReason = "This pairing has ended, so no new messages can be sent. Your messages stay here for you both to read.";

    private PairingMessage()
    {
        SenderUserId = RecipientUserId = Text = string.Empty;
    }

    private PairingMessage(int pairingId, string senderUserId, string recipientUserId, string text, DateTime sentAt)
    {
        PairingId = pairingId;
        SenderUserId = senderUserId;
        RecipientUserId = recipientUserId;
        Text = text;
        SentAt = sentAt;
    }

    public int Id { get; private set; }

    public int PairingId { get; private set; }

    public string SenderUserId { get; private set; }

    public string RecipientUserId { get; private set; }

    public string Text { get; private set; }

    public DateTime SentAt { get; private set; }

    /// <summary>When the recipient first saw it; null while unread.</summary>
    public DateTime? ReadAt { get; private set; }

    /// <summary>Whether the recipient was emailed that this message is waiting.</summary>
    public bool RecipientEmailed { get; private set; }

    public bool IsUnread => ReadAt is null;

    /// <summary>
    /// A member writes to the other member. Only the two members of an active pairing may write;
    /// once it has ended the thread is read-only. Load both members of the pairing first.
    /// </summary>
    public static PairingMessage Write(Pairing pairing, string senderUserId, string? text, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var mentorUserId = pairing.Mentor?.UserId;
        var menteeUserId = pairing.Mentee?.UserId;
        if (pairing.Mentor is null || pairing.Mentee is null)
        {
            throw new InvalidOperationException("Load both members before writing a message.");
        }

        if (string.IsNullOrEmpty(senderUserId) || !pairing.Involves(senderUserId))
        {
            throw new DomainRuleException("Only the mentee and the mentor of a pairing can send its messages.");
        }

        if (!pairing.IsActive)
        {
            throw new DomainRuleException(ClosedReason);
        }

        var recipient = string.Equals(mentorUserId, senderUserId, StringComparison.Ordinal) ? menteeUserId : mentorUserId;
        if (recipient is null)
        {
            throw new DomainRuleException(ClosedReason);
        }

        var checkedText = Guard.Text(text, "your message", MaxTextLength);
        return new PairingMessage(pairing.Id, senderUserId, recipient, checkedText, Guard.Utc(now));
    }

    /// <summary>
    /// Whether to email the recipient about this message: not while a message of this pairing that they
    /// were already emailed about is still unread, so a burst of messages makes one email, not one each.
    /// </summary>
    public bool NeedsEmail(IEnumerable<PairingMessage> earlierMessages)
    {
        ArgumentNullException.ThrowIfNull(earlierMessages);
        return !earlierMessages.Any(m => m != this && m.PairingId == PairingId
            && string.Equals(m.RecipientUserId, RecipientUserId, StringComparison.Ordinal)
            && m.IsUnread && m.RecipientEmailed);
    }

    public void RecordEmailed() => RecipientEmailed = true;

    /// <summary>The recipient has seen it. Only the recipient's own viewing marks it read.</summary>
    public void MarkReadBy(string userId, DateTime now)
    {
        if (string.Equals(userId, RecipientUserId, StringComparison.Ordinal))
        {
            ReadAt ??= Guard.Utc(now);
        }
    }
}
