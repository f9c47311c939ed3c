using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Shared;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Directory;

public sealed class DirectoryController(
    PortalDbContext db,
    ProgrammeCatalogue catalogue,
    PortalEmails emails,
    TimeProvider time,
    IOptions<PortalOptions> options,
    ILogger<DirectoryController> logger) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [HttpGet("/mentors")]
    public async Task<IActionResult> Index([FromQuery] DirectoryQuery query, CancellationToken cancellationToken)
    {
        var programmes = await catalogue.MenteeChoosesAsync(cancellationToken);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        if (query.Programme is { } chosen && programmeIds.Contains(chosen))
        {
            programmeIds = [chosen];
        }

        var today = Today;
        var mentors = db.Mentors.AsNoTracking()
            .Where(Mentor.ListedOn(today))
            .Where(m => m.Programmes.Any(p => programmeIds.Contains(p.Id)));

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            foreach (var word in query.Q.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                mentors = mentors.Where(m => m.SearchText.Contains(word));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Specialty))
        {
            mentors = mentors.Where(m => m.Specialty == query.Specialty);
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            mentors = mentors.Where(m => m.Region == query.Region);
        }

        if (!string.IsNullOrWhiteSpace(query.Background))
        {
            mentors = mentors.Where(m => m.Background == query.Background);
        }

        if (query.Mode is { } mode && mode != MeetingModes.None)
        {
            mentors = mentors.Where(m => (m.MeetingModes & mode) == mode);
        }

        if (query.Accepting)
        {
            mentors = mentors.Where(Mentor.ContactableOn(today));
        }

        mentors = query.Sort switch
        {
            "name" => mentors.OrderBy(m => m.DisplayName).ThenBy(m => m.Id),
            "places" => mentors.OrderByDescending(m => m.Capacity - m.ActiveMenteeCount).ThenBy(m => m.DisplayName).ThenBy(m => m.Id),
            "newest" => mentors.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id),
            _ => mentors
                .OrderByDescending(m => (m.Status == AvailabilityStatus.Accepting
                        || (m.Status == AvailabilityStatus.Paused && m.PausedUntil <= today))
                    && m.ActiveMenteeCount < m.Capacity)
                .ThenBy(m => m.DisplayName)
                .ThenBy(m => m.Id),
        };

        var total = await mentors.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)DirectoryQuery.PageSize));
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await mentors
            .Skip((page - 1) * DirectoryQuery.PageSize)
            .Take(DirectoryQuery.PageSize)
            .Select(CardRow.Projection)
            .ToListAsync(cancellationToken);

        return View(new DirectoryViewModel(query, rows.ConvertAll(r => r.ToCard(today)), total, page, pageCount, programmes));
    }

    [HttpGet("/mentors/{id:int}")]
    [HttpGet("/mentors/{id:int}/contact")]
    public async Task<IActionResult> Profile(int id, CancellationToken cancellationToken)
    {
        var model = await LoadProfileAsync(id, new ContactForm(), cancellationToken);
        return model is null ? NotFound() : View("Profile", model);
    }

    [HttpPost("/mentors/{id:int}/contact")]
    [Authorize(Policy = Policies.Mentee)]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Contact(int id, ContactForm form, CancellationToken cancellationToken)
    {
        var mentor = await db.Mentors.Include(m => m.Programmes)
            .Where(Mentor.ListedOn(Today))
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mentor is null)
        {
            return NotFound();
        }

        var programme = mentor.Programmes.FirstOrDefault(p => p.Id == form.ProgrammeId && p.MenteesChooseTheirMentor)
            ?? (mentor.Programmes.Count(p => p.MenteesChooseTheirMentor) == 1 ? mentor.Programmes.Single(p => p.MenteesChooseTheirMentor) : null);
        if (programme is null)
        {
            ModelState.AddModelError(nameof(form.ProgrammeId), "Choose the programme you are asking for mentoring in.");
        }

        var userId = User.Id();
        var mentee = await db.Mentees
            .Include(m => m.Programmes)
            .Include(m => m.Requests.Where(r => r.Status == ContactRequestStatus.Pending))
            .Include(m => m.Mentorships.Where(x => x.Status == MentorshipStatus.Active))
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (mentee is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && programme is not null)
        {
            try
            {
                var request = mentee.RequestContact(mentor, programme, form.Message, form.PreferredMode, Now,
                    TimeSpan.FromDays(options.Value.RequestExpiryDays));
                var addresses = await db.EmailsAsync([mentor.UserId], cancellationToken);
                if (addresses.For(mentor.UserId, mentor.DisplayName) is { } to)
                {
                    emails.NewRequest(to, mentee.DisplayName, programme.Name, request.ExpiresAt);
                }

                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = $"Your request has been sent to {mentor.DisplayName}. You will hear by email when they answer.";
                return Redirect("/me");
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddModelError(string.Empty, rule.Message);
            }
            catch (DbUpdateException ex) when (ex.IsConstraintViolation())
            {
                // The same form submitted twice: the first one was saved, so this one is already done.
                logger.LogInformation("Contact request from mentee {MenteeId} to mentor {MentorId} submitted again at the same moment; the first one stands.",
                    mentee.Id, mentor.Id);
                TempData["Success"] = $"Your request has been sent to {mentor.DisplayName}. You will hear by email when they answer.";
                return Redirect("/me");
            }
        }

        var model = await LoadProfileAsync(id, form, cancellationToken);
        return model is null ? NotFound() : View("Profile", model);
    }

    private async Task<MentorProfileViewModel?> LoadProfileAsync(int id, ContactForm form, CancellationToken cancellationToken)
    {
        var programmes = await catalogue.MenteeChoosesAsync(cancellationToken);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        var today = Today;
        var mentor = db.Mentors.AsNoTracking()
            .Where(Mentor.ListedOn(today))
            .Where(m => m.Id == id && m.Programmes.Any(p => programmeIds.Contains(p.Id)));
        var row = await mentor.Select(CardRow.Projection).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var found = await mentor
            .Select(m => new { m.Bio, m.Organisation, ProgrammeIds = m.Programmes.Select(p => p.Id).ToList() })
            .SingleAsync(cancellationToken);
        var card = row.ToCard(today);
        var mentorProgrammes = programmes.Where(p => found.ProgrammeIds.Contains(p.Id)).ToList();
        if (form.ProgrammeId == 0 && mentorProgrammes.Count > 0)
        {
            form.ProgrammeId = mentorProgrammes[0].Id;
        }

        var signedIn = User.Identity?.IsAuthenticated == true;
        var isMentee = signedIn && User.IsInRole(Roles.Mentee);
        string? cannotContact = card.Availability switch
        {
            Availability.Full => $"{card.Name} is at full capacity at the moment. Please contact another mentor.",
            Availability.Paused => $"{card.Name} has paused mentoring until {card.PausedUntil:d MMMM yyyy}. Please contact another mentor.",
            Availability.NotAccepting => $"{card.Name} is not accepting new mentees at the moment. Please contact another mentor.",
            _ => null,
        };

        PendingRequestFact? pending = null;
        if (isMentee)
        {
            var userId = User.Id();
            var mentee = await db.Mentees.AsNoTracking()
                .Where(m => m.UserId == userId)
                .Select(m => new
                {
                    m.ProfileCompletedAt,
                    Pending = m.Requests.Where(r => r.MentorId == id && r.Status == ContactRequestStatus.Pending)
                        .Select(r => new PendingRequestFact(r.CreatedAt, r.ExpiresAt)).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            pending = mentee?.Pending;
            if (cannotContact is null && mentee?.ProfileCompletedAt is null)
            {
                cannotContact = "Complete your profile before contacting a mentor: it tells them who you are and what you hope for.";
            }
        }

        return new MentorProfileViewModel(card, found.Bio, found.Organisation, mentorProgrammes, form, signedIn, isMentee, cannotContact, pending);
    }

    /// <summary>What a directory card needs from the database; availability is worked out after the query.</summary>
    private sealed record CardRow(int Id, string Name, string Specialty, string Grade, string Region, string Background, string Expertise,
        MeetingModes Modes, AvailabilityStatus Status, DateOnly? PausedUntil, int Capacity, int Active)
    {
        public static readonly System.Linq.Expressions.Expression<Func<Mentor, CardRow>> Projection = m =>
            new CardRow(m.Id, m.DisplayName, m.Specialty, m.Grade, m.Region, m.Background, m.Expertise, m.MeetingModes,
                m.Status, m.PausedUntil, m.Capacity, m.ActiveMenteeCount);

        public MentorCard ToCard(DateOnly today)
        {
            var paused = Status == AvailabilityStatus.Paused && PausedUntil > today;
            var availability = paused ? Availability.Paused
                : Status == AvailabilityStatus.NotAccepting ? Availability.NotAccepting
                : Active >= Capacity ? Availability.Full
                : Availability.Accepting;
            return new MentorCard(Id, Name, Specialty, Grade, Region, Background, Expertise, Modes, availability,
                Math.Max(0, Capacity - Active), paused ? PausedUntil : null);
        }
    }
}
