using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Pairings;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Messages;

/// <summary>
/// A pairing's messages and contact details, read by one of its two members; null for anyone else,
/// administrators included. Reading marks the other member's messages to the reader as read.
/// </summary>
public sealed class MessageThread(PortalDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<MessageThreadViewModel?> ReadAsync(int pairingId, string userId, int? before, MessageForm form,
        CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.AsNoTracking()
            .Where(p => p.Id == pairingId && (p.Mentor!.UserId == userId || p.Mentee!.UserId == userId))
            .Select(p => new
            {
                p.Status,
                MentorUserId = p.Mentor!.UserId,
                MentorName = p.Mentor.DisplayName,
                MenteeUserId = p.Mentee!.UserId,
                MenteeName = p.Mentee.DisplayName,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return null;
        }

        var viewerIsMentor = string.Equals(pairing.MentorUserId, userId, StringComparison.Ordinal);
        var (myName, otherName, otherUserId) = viewerIsMentor
            ? (pairing.MentorName, pairing.MenteeName, pairing.MenteeUserId)
            : (pairing.MenteeName, pairing.MentorName, pairing.MentorUserId);
        var isActive = pairing.Status == PairingStatus.Active;

        var page = await db.PairingMessages.AsNoTracking()
            .Where(m => m.PairingId == pairingId && (before == null || m.Id < before))
            .OrderByDescending(m => m.Id)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var hasEarlier = page.Count > PageSize;
        var shown = page.Take(PageSize).Reverse().ToList();

        await MarkReadAsync(pairingId, userId, cancellationToken);

        var rows = shown.Select(m =>
        {
            var fromMe = string.Equals(m.SenderUserId, userId, StringComparison.Ordinal);
            return new MessageRow(m.Id, fromMe ? myName : otherName, fromMe, m.SentAt, UkTime.DescribeMoment(m.SentAt), m.Text,
                IsNew: !fromMe && m.IsUnread);
        }).ToList();

        return new MessageThreadViewModel(pairingId, otherName, viewerIsMentor, isActive,
            isActive ? await ContactsAsync(userId, myName, otherUserId, otherName, cancellationToken) : [],
            rows, hasEarlier ? shown[0].Id : null, IsLatest: before is null, form);
    }

    private async Task MarkReadAsync(int pairingId, string userId, CancellationToken cancellationToken)
    {
        var unread = await db.PairingMessages.Where(m => m.PairingId == pairingId && m.RecipientUserId == userId && m.ReadAt == null)
            .ToListAsync(cancellationToken);
        if (unread.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var message in unread)
        {
            message.MarkReadBy(userId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The other member's details first, then the viewer's own, so they see what the other member sees of them.</summary>
    private async Task<IReadOnlyList<ContactRow>> ContactsAsync(string userId, string myName, string? otherUserId, string otherName,
        CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.Id == userId || u.Id == otherUserId)
            .Select(u => new { u.Id, u.Email, u.PhoneNumber })
            .ToListAsync(cancellationToken);
        var other = users.Find(u => string.Equals(u.Id, otherUserId, StringComparison.Ordinal));
        var me = users.Find(u => string.Equals(u.Id, userId, StringComparison.Ordinal));
        return
        [
            new ContactRow(otherName, IsYou: false, other?.Email, other?.PhoneNumber),
            new ContactRow(myName, IsYou: true, me?.Email, me?.PhoneNumber),
        ];
    }
}
