using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>A mentee asks a listed mentor for mentoring: the request and the mentor's email, in one unit.</summary>
public sealed class ContactMentor(
    PortalDbContext db,
    PortalEmails emails,
    TimeProvider time,
    IOptions<PortalOptions> options,
    ILogger<ContactMentor> logger)
{
    public async Task<MentorContact> RunAsync(int mentorId, int programmeId, string message, MeetingModes preferredMode, string menteeUserId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => ContactAsync(mentorId, programmeId, message, preferredMode, menteeUserId, unit),
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsConstraintViolation())
        {
            // The same form submitted twice: the first one was saved, so this one is already done.
            logger.LogInformation("Contact request from mentee {MenteeUserId} to mentor {MentorId} submitted again at the same moment; the first one stands.",
                menteeUserId, mentorId);
            db.ChangeTracker.Clear();
            return new MentorContact.Sent(await db.Mentors.Where(m => m.Id == mentorId).Select(m => m.DisplayName).SingleAsync(cancellationToken));
        }
    }

    private async Task<MentorContact> ContactAsync(int mentorId, int programmeId, string message, MeetingModes preferredMode,
        string menteeUserId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mentor = await db.Mentors.Include(m => m.Programmes)
            .Where(Mentor.ListedOn(DateOnly.FromDateTime(now)))
            .SingleOrDefaultAsync(m => m.Id == mentorId, cancellationToken);
        var mentee = mentor is null ? null : await db.Mentees
            .Include(m => m.Programmes)
            .Include(m => m.Requests.Where(r => r.Status == ContactRequestStatus.Pending))
            .Include(m => m.Pairings.Where(x => x.Status == PairingStatus.Active))
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.UserId == menteeUserId, cancellationToken);
        if (mentor is null || mentee is null)
        {
            return new MentorContact.NotFound();
        }

        var choosing = mentor.Programmes.Where(p => p.MenteesChooseTheirMentor).ToList();
        var programme = choosing.FirstOrDefault(p => p.Id == programmeId) ?? (choosing.Count == 1 ? choosing[0] : null);
        if (programme is null)
        {
            return new MentorContact.NoProgramme();
        }

        ContactRequest request;
        try
        {
            request = mentee.RequestContact(mentor, programme, message, preferredMode, now, TimeSpan.FromDays(options.Value.RequestExpiryDays));
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MentorContact.Refused(rule.Message);
        }

        var addresses = await db.EmailsAsync([mentor.UserId, mentee.UserId], cancellationToken);
        if (addresses.For(mentor.UserId, mentor.DisplayName) is { } to)
        {
            emails.NewRequest(to, mentee.DisplayName, programme.Name, request.ExpiresAt);
        }

        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } self)
        {
            emails.RequestSent(self, mentor.DisplayName, programme.Name, request.ExpiresAt);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MentorContact.Sent(mentor.DisplayName);
    }
}

/// <summary>What asking a mentor for mentoring came to, for the controller to show.</summary>
public abstract record MentorContact
{
    private MentorContact()
    {
    }

    /// <summary>The mentor is not listed, or the caller has no mentee record: a 404.</summary>
    public sealed record NotFound : MentorContact;

    /// <summary>The programme chosen is not one of the mentor's where mentees choose, and there is no single one to assume.</summary>
    public sealed record NoProgramme : MentorContact;

    /// <summary>A rule of the scheme refused the request (the mentor is full, a request is already pending…); nothing changed.</summary>
    public sealed record Refused(string Reason) : MentorContact;

    public sealed record Sent(string MentorName) : MentorContact;
}
