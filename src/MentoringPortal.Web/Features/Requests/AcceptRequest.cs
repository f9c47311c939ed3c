using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Requests;

/// <summary>
/// A mentor accepts a request: the pairing starts, the mentee's other requests are withdrawn, and the mentee, the mentor
/// and the mentors whose requests were withdrawn are emailed, in one unit.
/// </summary>
public sealed class AcceptRequest(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<AcceptRequest> logger)
{
    private const int Attempts = 3;

    public async Task<RequestAnswer> RunAsync(int requestId, string mentorUserId, CancellationToken cancellationToken)
    {
        // Two acceptances racing for the last place collide on the mentor's concurrency token: the
        // loser runs the unit again and the domain then says, in words, that the mentor is full.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InOneUnitAsync(unit => AcceptAsync(requestId, mentorUserId, unit), cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                logger.LogInformation("Request {RequestId}: concurrent change, deciding again.", requestId);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Request {RequestId}: still changing at the same moment after {Attempts} attempts; the mentor is asked to try again.",
                    requestId, Attempts);
                return new RequestAnswer.Refused("Someone else changed this at the same moment. Please try again.");
            }
            catch (DbUpdateException ex) when (ex.IsConstraintViolation())
            {
                logger.LogInformation("Request {RequestId}: not accepted, the mentee was paired or the mentor's last place taken at the same moment.",
                    requestId);
                db.ChangeTracker.Clear();
                var menteeName = await db.ContactRequests.Where(r => r.Id == requestId).Select(r => r.Mentee!.DisplayName)
                    .SingleAsync(cancellationToken);
                return new RequestAnswer.Refused($"{menteeName} has just been paired with another mentor, or your last place has just been taken.");
            }
        }
    }

    private async Task<RequestAnswer> AcceptAsync(int requestId, string mentorUserId, CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests
            .Include(r => r.Mentor)
            .Include(r => r.Mentee).ThenInclude(m => m!.Requests.Where(x => x.Status == ContactRequestStatus.Pending))
            .Include(r => r.Mentee).ThenInclude(m => m!.Pairings.Where(x => x.Status == PairingStatus.Active))
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId && r.Mentor!.UserId == mentorUserId, cancellationToken);
        if (request is null)
        {
            return new RequestAnswer.NotFound();
        }

        var mentor = request.Mentor!;
        var mentee = request.Mentee!;
        Acceptance acceptance;
        try
        {
            acceptance = mentor.Accept(request, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new RequestAnswer.Refused(rule.Message);
        }

        // Added now, not found at the save, so its id comes without a blocking call.
        await db.Pairings.AddAsync(acceptance.Pairing, cancellationToken);
        await QueueEmailsAsync(acceptance, mentor.UserId, mentor.DisplayName, mentee.UserId, mentee.DisplayName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Request {RequestId} accepted; pairing {PairingId} started.", requestId, acceptance.Pairing.Id);
        return new RequestAnswer.Answered();
    }

    private async Task QueueEmailsAsync(Acceptance acceptance, string? mentorUserId, string mentorName,
        string? menteeUserId, string menteeName, CancellationToken cancellationToken)
    {
        var withdrawnMentorIds = acceptance.Withdrawn.Select(r => r.MentorId).ToList();
        var withdrawnMentors = await db.Mentors.Where(m => withdrawnMentorIds.Contains(m.Id))
            .Select(m => new { m.UserId, m.DisplayName })
            .ToListAsync(cancellationToken);
        var addresses = await db.EmailsAsync(withdrawnMentors.Select(m => m.UserId).Append(mentorUserId).Append(menteeUserId),
            cancellationToken);

        var mentor = addresses.For(mentorUserId, mentorName);
        var mentee = addresses.For(menteeUserId, menteeName);
        if (mentee is not null && mentor is not null)
        {
            emails.RequestAccepted(mentee, mentorName, mentor.Email);
            emails.PairingStarted(mentor, menteeName, mentee.Email);
        }

        foreach (var other in withdrawnMentors)
        {
            if (addresses.For(other.UserId, other.DisplayName) is { } to)
            {
                emails.RequestWithdrawn(to, menteeName);
            }
        }
    }
}

/// <summary>What a mentor's answer to a request came to, for the controller to show.</summary>
public abstract record RequestAnswer
{
    private RequestAnswer()
    {
    }

    /// <summary>No such request addressed to this mentor: a 404.</summary>
    public sealed record NotFound : RequestAnswer;

    /// <summary>A rule refused the answer, or the request changed at the same moment; nothing changed.</summary>
    public sealed record Refused(string Reason) : RequestAnswer;

    public sealed record Answered : RequestAnswer;
}
