using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Admin.Applications;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Requests;

/// <summary>Loads a waiting proposal addressed to this mentor, with what answering it reads and changes.</summary>
internal static class ProposalLoading
{
    public static Task<MentorProposal?> WaitingForMentorAsync(this PortalDbContext db, int proposalId, string mentorUserId,
        CancellationToken cancellationToken) =>
        db.MentorProposals
            .Include(p => p.Mentor).ThenInclude(m => m!.Programmes)
            .Include(p => p.Application).ThenInclude(a => a!.Programme)
            .Include(p => p.Application).ThenInclude(a => a!.Mentee).ThenInclude(m => m!.Pairings.Where(x => x.Status == PairingStatus.Active))
            .Include(p => p.Application).ThenInclude(a => a!.Mentee).ThenInclude(m => m!.Requests.Where(r => r.Status == ContactRequestStatus.Pending))
            .ThenInclude(r => r.Mentor)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.Mentor!.UserId == mentorUserId && p.Status == ProposalStatus.Waiting, cancellationToken);
}

/// <summary>
/// A mentor accepts the applicant the scheme proposed: the pairing starts in the place the proposal held, the
/// applicant's other requests are withdrawn, both are emailed the next steps and the audit log records it, in one unit.
/// </summary>
public sealed class AcceptProposal(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<RequestAnswer> RunAsync(int proposalId, string mentorUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => AcceptAsync(proposalId, mentorUserId, unit), cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.IsConstraintViolation())
        {
            db.ChangeTracker.Clear();
            return new RequestAnswer.Refused("This proposal changed at the same moment (it lapsed, or the applicant withdrew or was paired). "
                + "See your requests below.");
        }
    }

    private async Task<RequestAnswer> AcceptAsync(int proposalId, string mentorUserId, CancellationToken cancellationToken)
    {
        if (await db.WaitingForMentorAsync(proposalId, mentorUserId, cancellationToken) is not { Application: { } application } proposal)
        {
            return new RequestAnswer.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        Acceptance acceptance;
        try
        {
            acceptance = application.AcceptProposal(proposal, application.Programme!, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new RequestAnswer.Refused(rule.Message);
        }

        // Added now, not found at the save, so the emails saved with it can link to the pairing.
        await db.Pairings.AddAsync(acceptance.Pairing, cancellationToken);
        await MatchAnnouncement.AcceptedAsync(db, emails, mentorUserId, application, proposal.Mentor!, application.Programme!, acceptance, now,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RequestAnswer.Answered();
    }
}

/// <summary>
/// A mentor declines the applicant the scheme proposed, with a reason: the held place is freed, the applicant
/// returns to the queue with this mentor excluded, the applicant is told kindly (never the reason), the
/// programme's administrators are told, and the audit log records the reason, in one unit.
/// </summary>
public sealed class DeclineProposal(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<RequestAnswer> RunAsync(int proposalId, string mentorUserId, DeclineReason reason, string? note,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => DeclineAsync(proposalId, mentorUserId, reason, note, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new RequestAnswer.Refused("This proposal changed at the same moment (it lapsed, or the applicant withdrew). Nothing was declined.");
        }
    }

    private async Task<RequestAnswer> DeclineAsync(int proposalId, string mentorUserId, DeclineReason reason, string? note,
        CancellationToken cancellationToken)
    {
        if (await db.WaitingForMentorAsync(proposalId, mentorUserId, cancellationToken) is not { Application: { } application } proposal)
        {
            return new RequestAnswer.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            application.DeclineProposal(proposal, reason, note, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new RequestAnswer.Refused(rule.Message);
        }

        await MatchAnnouncement.ReturnedAsync(db, emails, mentorUserId, application, proposal, application.Programme!.Name, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RequestAnswer.Answered();
    }
}
