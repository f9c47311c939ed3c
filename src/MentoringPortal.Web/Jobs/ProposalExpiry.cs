using MentoringPortal.Domain.Matching;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Admin.Applications;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Jobs;

/// <summary>
/// Lapses proposals no mentor answered in time: the applicant returns to the queue with that mentor excluded,
/// and the applicant and the programme's administrators are told. Each proposal in a unit of its own; a
/// proposal answered or lapsed by another instance at the same moment is left as it is (the concurrency
/// tokens of the application and the proposal), so running on several instances tells nobody twice.
/// </summary>
public sealed class ProposalExpiry(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<ProposalExpiry> logger)
{
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueIds = await db.MentorProposals
            .Where(p => p.Status == ProposalStatus.Waiting && p.AnswerBy <= now)
            .OrderBy(p => p.AnswerBy)
            .Select(p => p.Id)
            .Take(200)
            .ToListAsync(cancellationToken);

        var expired = 0;
        foreach (var id in dueIds)
        {
            try
            {
                if (await db.InOneUnitAsync(unit => ExpireOneAsync(id, now, unit), cancellationToken))
                {
                    expired++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Proposal {ProposalId} changed while lapsing; left as it is.", id);
            }

            db.ChangeTracker.Clear();
        }

        if (expired > 0)
        {
            logger.LogInformation("{Count} unanswered proposals lapsed.", expired);
        }

        return expired;
    }

    private async Task<bool> ExpireOneAsync(int proposalId, DateTime now, CancellationToken cancellationToken)
    {
        var proposal = await db.MentorProposals
            .Include(p => p.Mentor)
            .Include(p => p.Application).ThenInclude(a => a!.Mentee)
            .Include(p => p.Application).ThenInclude(a => a!.Programme)
            .SingleAsync(p => p.Id == proposalId, cancellationToken);
        var application = proposal.Application!;
        if (!application.ExpireProposalIfDue(proposal, now))
        {
            return false;
        }

        await MatchAnnouncement.ReturnedAsync(db, emails, actorUserId: null, application, proposal, application.Programme!.Name, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
