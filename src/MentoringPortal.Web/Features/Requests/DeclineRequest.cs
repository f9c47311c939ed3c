using MentoringPortal.Domain;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Directory;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Requests;

/// <summary>A mentor declines a request: the request is answered and the mentee emailed, with other mentors to try, in one unit.</summary>
public sealed class DeclineRequest(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<RequestAnswer> RunAsync(int requestId, string mentorUserId, DeclineReason reason, string? note,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => DeclineAsync(requestId, mentorUserId, reason, note, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RequestAnswer.Refused("This request was answered at the same moment. Please check it again.");
        }
    }

    private async Task<RequestAnswer> DeclineAsync(int requestId, string mentorUserId, DeclineReason reason, string? note,
        CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests
            .Include(r => r.Mentor)
            .Include(r => r.Mentee)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.Mentor!.UserId == mentorUserId, cancellationToken);
        if (request is null)
        {
            return new RequestAnswer.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            request.Decline(reason, note, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new RequestAnswer.Refused(rule.Message);
        }

        var mentee = request.Mentee!;
        var alternatives = await AlternativeMentors.FindAsync(db, request.ProgrammeId, mentee.Id, mentee.Specialty,
            DateOnly.FromDateTime(now), cancellationToken);
        var addresses = await db.EmailsAsync([mentee.UserId], cancellationToken);
        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } to)
        {
            emails.RequestDeclined(to, request.Mentor!.DisplayName, reason, request.DeclineNote, alternatives);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RequestAnswer.Answered();
    }
}
