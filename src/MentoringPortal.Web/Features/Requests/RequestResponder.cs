using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Directory;
using MentoringPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Requests;

/// <summary>The result of a mentor answering a request: done, not theirs (404), or refused with a message for them.</summary>
public sealed record AnswerOutcome(bool Found, string? Refusal)
{
    public static AnswerOutcome Done { get; } = new(true, null);

    public static AnswerOutcome NotFound { get; } = new(false, null);

    public static AnswerOutcome Refused(string message) => new(true, message);
}

/// <summary>A mentor accepts or declines a request; the emails go into the outbox in the same transaction.</summary>
public sealed class RequestResponder(PortalDbContext db, PortalEmails emails, TimeProvider time, ILogger<RequestResponder> logger)
{
    private const int Attempts = 3;

    public async Task<AnswerOutcome> AcceptAsync(int requestId, string mentorUserId, CancellationToken cancellationToken)
    {
        // Two acceptances racing for the last place collide on the mentor's concurrency token: the
        // loser reloads and the domain then says, in words, that the mentor is full.
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var request = await db.ContactRequests
                .Include(r => r.Mentor)
                .Include(r => r.Mentee).ThenInclude(m => m!.Requests.Where(x => x.Status == ContactRequestStatus.Pending))
                .Include(r => r.Mentee).ThenInclude(m => m!.Mentorships.Where(x => x.Status == MentorshipStatus.Active))
                .AsSplitQuery()
                .SingleOrDefaultAsync(r => r.Id == requestId && r.Mentor!.UserId == mentorUserId, cancellationToken);
            if (request is null)
            {
                return AnswerOutcome.NotFound;
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
                return AnswerOutcome.Refused(rule.Message);
            }

            await QueueAcceptanceEmailsAsync(acceptance, mentor.UserId, mentor.DisplayName, mentee.UserId, mentee.DisplayName, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Request {RequestId} accepted; pairing {MentorshipId} started.", requestId, acceptance.Mentorship.Id);
                return AnswerOutcome.Done;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                logger.LogInformation("Request {RequestId}: concurrent change, deciding again.", requestId);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Request {RequestId}: still changing at the same moment after {Attempts} attempts; the mentor is asked to try again.",
                    requestId, Attempts);
                return AnswerOutcome.Refused("Someone else changed this at the same moment. Please try again.");
            }
            catch (DbUpdateException ex) when (ex.IsConstraintViolation())
            {
                logger.LogInformation("Request {RequestId}: not accepted, the mentee was paired or the mentor's last place taken at the same moment.",
                    requestId);
                return AnswerOutcome.Refused($"{mentee.DisplayName} has just been paired with another mentor, or your last place has just been taken.");
            }
        }
    }

    public async Task<AnswerOutcome> DeclineAsync(int requestId, string mentorUserId, DeclineReason reason, string? note,
        CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests
            .Include(r => r.Mentor)
            .Include(r => r.Mentee)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.Mentor!.UserId == mentorUserId, cancellationToken);
        if (request is null)
        {
            return AnswerOutcome.NotFound;
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            request.Decline(reason, note, now);
        }
        catch (DomainRuleException rule)
        {
            return AnswerOutcome.Refused(rule.Message);
        }

        var mentee = request.Mentee!;
        var alternatives = await AlternativeMentors.FindAsync(db, request.ProgrammeId, mentee.Id, mentee.Specialty,
            DateOnly.FromDateTime(now), cancellationToken);
        var addresses = await db.EmailsAsync([mentee.UserId], cancellationToken);
        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } to)
        {
            emails.RequestDeclined(to, request.Mentor!.DisplayName, reason, request.DeclineNote, alternatives);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return AnswerOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AnswerOutcome.Refused("This request was answered at the same moment. Please check it again.");
        }
    }

    private async Task QueueAcceptanceEmailsAsync(Acceptance acceptance, string? mentorUserId, string mentorName,
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
