using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.DataRights;

/// <summary>
/// Carries out one erasure: the scheme's records go through <see cref="AccountErasure"/>, the
/// person's name and email are taken out of the audit log and the outbox, the account with its
/// sign-in, roles and keys is deleted, and the erasure itself is audited without a name. One save, made inside the
/// caller's unit (<see cref="WorkUnit.InOneUnitAsync{T}"/>), which loads or builds the request in it.
/// </summary>
public sealed class AccountEraser(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    /// <param name="request">The erasure to carry out; added to the context by the caller if new.</param>
    /// <param name="auditProgrammeId">The programme the audit entry is filed under (the administrator's, when one acts); otherwise one of the person's.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task EraseAsync(ErasureRequest request, int? auditProgrammeId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var userId = request.UserId;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            request.Complete(now);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var mentee = await db.Mentees.Where(m => m.UserId == userId)
            .Include(m => m.Programmes)
            .Include(m => m.Goals)
            .Include(m => m.Requests)
            .Include(m => m.Applications)
            .Include(m => m.Pairings).ThenInclude(p => p.Mentor)
            .Include(m => m.Pairings).ThenInclude(p => p.Meetings).ThenInclude(x => x.Notes)
            .Include(m => m.Pairings).ThenInclude(p => p.ChangeRequests)
            .Include(m => m.Pairings).ThenInclude(p => p.Surveys)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        var mentor = await db.Mentors.Where(m => m.UserId == userId).Include(m => m.Programmes).SingleOrDefaultAsync(cancellationToken);
        var mentoring = new List<Pairing>();
        var incoming = new List<ContactRequest>();
        if (mentor is not null)
        {
            mentoring = await db.Pairings.Where(p => p.MentorId == mentor.Id)
                .Include(p => p.Mentor)
                .Include(p => p.Meetings).ThenInclude(x => x.Notes)
                .Include(p => p.ChangeRequests)
                .Include(p => p.Surveys)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            incoming = await db.ContactRequests.Where(r => r.MentorId == mentor.Id && r.Status == ContactRequestStatus.Pending)
                .ToListAsync(cancellationToken);
        }

        var programmeId = auditProgrammeId
            ?? mentee?.Programmes.Select(p => (int?)p.Id).FirstOrDefault()
            ?? mentor?.Programmes.Select(p => (int?)p.Id).FirstOrDefault();
        var email = user.Email ?? string.Empty;
        var names = new[] { email, user.DisplayName, mentee?.DisplayName, mentor?.DisplayName }
            .OfType<string>().Where(n => n.Length > 0 && n != FormerMember.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var recipient = new Recipient(email, user.DisplayName);

        AccountErasure.Erase(userId, mentee, mentor, mentoring, incoming, now);

        // Both sides of the person's conversations go: replies quote and answer them, so half a thread would still say what they wrote.
        db.PairingMessages.RemoveRange(await db.PairingMessages.Where(m => m.SenderUserId == userId || m.RecipientUserId == userId)
            .ToListAsync(cancellationToken));
        await EraseAgreementsAndRatingsAsync(userId, (mentee?.Pairings ?? []).Concat(mentoring).Select(p => p.Id).ToList(), cancellationToken);
        if (mentor is not null)
        {
            db.IssuedRecords.RemoveRange(await db.IssuedRecords.Where(r => r.MentorId == mentor.Id).ToListAsync(cancellationToken));
        }

        await RedactAuditLogAsync(names, cancellationToken);
        db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.To == email).ToListAsync(cancellationToken));
        db.Users.Remove(user);
        db.AuditEntries.Add(new AuditEntry(request.Reason == ErasureReason.Administrator ? request.RequestedByUserId : null,
            AuditActions.AccountErased, FormerMember.Name, null, Describe(request.Reason), now, programmeId));
        request.Complete(now);
        if (email.Length > 0)
        {
            emails.AccountErased(recipient);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A pairing's agreement is the two members' words together, so it goes with either of them.
    /// The person's meeting ratings go too: kept with their meeting, they could be tied back to the pairing and so to them.
    /// </summary>
    private async Task EraseAgreementsAndRatingsAsync(string userId, IReadOnlyList<int> pairingIds, CancellationToken cancellationToken)
    {
        db.MentoringAgreements.RemoveRange(await db.MentoringAgreements.Where(a => pairingIds.Contains(a.PairingId)).ToListAsync(cancellationToken));
        db.MeetingRatings.RemoveRange(await db.MeetingRatings.Where(r => r.RaterUserId == userId).ToListAsync(cancellationToken));
    }

    private async Task RedactAuditLogAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            var entries = await db.AuditEntries
                .Where(e => e.Subject.Contains(name) || (e.Before != null && e.Before.Contains(name)) || (e.After != null && e.After.Contains(name)))
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                entry.Redact(name, FormerMember.Name);
            }
        }
    }

    private static string Describe(ErasureReason reason) => reason switch
    {
        ErasureReason.Administrator => "Erased by an administrator at the person's request",
        ErasureReason.Inactivity => "Erased after the account was unused for the retention period",
        _ => "Erased at the person's own request, after the waiting period",
    };
}
