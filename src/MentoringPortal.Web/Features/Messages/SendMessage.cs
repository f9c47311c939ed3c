using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Messages;

/// <summary>
/// A member writes to the other member of their pairing: the message is saved and, unless an earlier
/// message they were emailed about is still unread, the other member is emailed that one is waiting,
/// without its text. One unit.
/// </summary>
public sealed class SendMessage(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    /// <summary>A form sent twice (a double click, a resend) within this time is one message.</summary>
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(2);

    public async Task<MessageSending> RunAsync(int pairingId, string userId, string? text, CancellationToken cancellationToken) =>
        await db.InOneUnitAsync(unit => SendAsync(pairingId, userId, text, unit), cancellationToken);

    private async Task<MessageSending> SendAsync(int pairingId, string userId, string? text, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.Include(p => p.Mentor).Include(p => p.Mentee)
            .Where(p => p.Id == pairingId && (p.Mentor!.UserId == userId || p.Mentee!.UserId == userId))
            .SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return new MessageSending.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        PairingMessage message;
        try
        {
            message = PairingMessage.Write(pairing, userId, text, now);
        }
        catch (DomainRuleException rule)
        {
            return new MessageSending.Refused(rule.Message);
        }

        var since = now - RepeatWindow;
        if (await db.PairingMessages.AnyAsync(
                m => m.PairingId == pairingId && m.SenderUserId == userId && m.SentAt >= since && m.Text == message.Text, cancellationToken))
        {
            return new MessageSending.Sent();
        }

        var emailedAndUnread = await db.PairingMessages
            .Where(m => m.PairingId == pairingId && m.RecipientUserId == message.RecipientUserId && m.ReadAt == null && m.RecipientEmailed)
            .ToListAsync(cancellationToken);
        if (message.NeedsEmail(emailedAndUnread))
        {
            var senderIsMentor = string.Equals(pairing.Mentor!.UserId, userId, StringComparison.Ordinal);
            var (senderName, recipientName) = senderIsMentor
                ? (pairing.Mentor.DisplayName, pairing.Mentee!.DisplayName)
                : (pairing.Mentee!.DisplayName, pairing.Mentor.DisplayName);
            var addresses = await db.EmailsAsync([message.RecipientUserId], cancellationToken);
            if (addresses.For(message.RecipientUserId, recipientName) is { } to)
            {
                emails.MessageWaiting(to, senderName, pairingId);
                message.RecordEmailed();
            }
        }

        await db.PairingMessages.AddAsync(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new MessageSending.Sent();
    }
}

/// <summary>What sending a message came to, for the controller to show.</summary>
public abstract record MessageSending
{
    private MessageSending()
    {
    }

    /// <summary>No pairing with this id of which the user is a member: a 404.</summary>
    public sealed record NotFound : MessageSending;

    /// <summary>A rule refused it (empty, too long, the pairing has ended); nothing was saved.</summary>
    public sealed record Refused(string Reason) : MessageSending;

    /// <summary>The message is saved (now or by an earlier send of the same form).</summary>
    public sealed record Sent : MessageSending;
}
