using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Messages;
using MentoringPortal.Web.Features.Pairings;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Me;

[Authorize]
public sealed class MeController(PortalDbContext db, TimeProvider time) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/me")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return View(new MeViewModel(name, await MenteeHomeAsync(userId, cancellationToken), await MentorHomeAsync(userId, cancellationToken),
            User.IsInRole(Roles.Administrator)));
    }

    [HttpGet("/me/profile")]
    [Authorize(Policy = Policies.Mentee)]
    public async Task<IActionResult> Profile(CancellationToken cancellationToken)
    {
        var mentee = await FindMenteeAsync(cancellationToken);
        if (mentee is null)
        {
            return NotFound();
        }

        var form = MenteeProfileForm.From(mentee);
        form.PhoneNumber = await SharedPhoneNumber.ReadAsync(db, User.Id(), cancellationToken);
        return View(await ProfileViewModelAsync(form, cancellationToken));
    }

    [HttpPost("/me/profile")]
    [Authorize(Policy = Policies.Mentee)]
    public async Task<IActionResult> Profile(MenteeProfileForm form, CancellationToken cancellationToken)
    {
        var mentee = await FindMenteeAsync(cancellationToken);
        if (mentee is null)
        {
            return NotFound();
        }

        // No programme is required here: someone may only want a programme where the scheme matches, which they apply to.
        var choosable = await db.Programmes.Where(p => p.MatchingMode == MatchingMode.MenteeChooses).ToListAsync(cancellationToken);

        if (ModelState.IsValid)
        {
            var now = Now;
            var applied = ModelState.TryApply(string.Empty, () => mentee.UpdateProfile(form.ToProfile(), now))
                && ModelState.TryApply(nameof(form.ShortTermGoal), () => mentee.SetGoal(GoalHorizon.ShortTerm, form.ShortTermGoal, now))
                && ModelState.TryApply(nameof(form.MediumTermGoal), () => mentee.SetGoal(GoalHorizon.MediumTerm, form.MediumTermGoal, now))
                && ModelState.TryApply(nameof(form.LongTermGoal), () => mentee.SetGoal(GoalHorizon.LongTerm, form.LongTermGoal, now))
                && ModelState.TryApply(nameof(form.ProgrammeIds), () => ChooseProgrammes(mentee, choosable, form.ProgrammeIds))
                && await SharedPhoneNumber.TryApplyAsync(db, ModelState, User.Id(), form.PhoneNumber, cancellationToken);
            if (applied)
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = "Your profile has been saved.";
                return Redirect("/me");
            }
        }

        return View(await ProfileViewModelAsync(form, cancellationToken));
    }

    [HttpPost("/me/requests/{id:int}/cancel")]
    [Authorize(Policy = Policies.Mentee)]
    public async Task<IActionResult> CancelRequest(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var request = await db.ContactRequests.Include(r => r.Mentor)
            .SingleOrDefaultAsync(r => r.Id == id && r.Mentee!.UserId == userId, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (ModelState.TryApply(string.Empty, () => request.Cancel(Now)))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = $"Your request to {request.Mentor!.DisplayName} has been cancelled.";
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Problem"] = $"{request.Mentor!.DisplayName} answered your request at the same moment. See its state below.";
            }
        }
        else
        {
            TempData["Problem"] = ModelState[string.Empty]!.Errors[0].ErrorMessage;
        }

        return Redirect("/me");
    }

    private async Task<MenteeHome?> MenteeHomeAsync(string userId, CancellationToken cancellationToken)
    {
        var mentee = await db.Mentees.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.Id, Complete = m.ProfileCompletedAt != null, Goals = m.Goals.Select(g => new { g.Horizon, g.Description }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (mentee is null)
        {
            return null;
        }

        var pairings = await PairingsAsync(db.Pairings.Where(p => p.MenteeId == mentee.Id), mentee: true, cancellationToken);
        var requests = await db.ContactRequests.AsNoTracking()
            .Where(r => r.MenteeId == mentee.Id)
            .OrderByDescending(r => r.CreatedAt)
            .Take(20)
            .Select(r => new MyRequest(r.Id, r.MentorId, r.Mentor!.DisplayName, r.Status, r.CreatedAt, r.ExpiresAt, r.AnsweredAt,
                r.DeclineReason, r.DeclineNote))
            .ToListAsync(cancellationToken);
        var openApplications = await db.MenteeApplications.AsNoTracking()
            .Where(a => a.MenteeId == mentee.Id && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.Proposed))
            .Select(a => a.Status)
            .ToListAsync(cancellationToken);
        return new MenteeHome(mentee.Complete, pairings, requests,
            mentee.Goals.OrderBy(g => g.Horizon).Select(g => (g.Horizon, g.Description)).ToList(), openApplications);
    }

    private async Task<MentorHome?> MentorHomeAsync(string userId, CancellationToken cancellationToken)
    {
        var mentor = await db.Mentors.AsNoTracking().Where(m => m.UserId == userId && m.IsApproved)
            .Select(m => new
            {
                m.Id,
                m.Capacity,
                m.Status,
                m.PausedUntil,
                Pending = db.ContactRequests.Count(r => r.MentorId == m.Id && r.Status == ContactRequestStatus.Pending),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (mentor is null)
        {
            return null;
        }

        var mentees = await PairingsAsync(db.Pairings.Where(p => p.MentorId == mentor.Id), mentee: false, cancellationToken);
        var availability = mentor.Status switch
        {
            AvailabilityStatus.Accepting => "accepting new mentees",
            AvailabilityStatus.Paused => $"paused until {mentor.PausedUntil:d MMMM yyyy}",
            _ => "not accepting new mentees",
        };
        return new MentorHome(mentees, mentor.Pending, mentor.Capacity, availability);
    }

    private async Task<List<PairingSummary>> PairingsAsync(IQueryable<Pairing> pairings, bool mentee, CancellationToken cancellationToken)
    {
        var now = Now;
        var userId = User.Id();
        var rows = await pairings.AsNoTracking()
            .Where(p => p.Status == PairingStatus.Active)
            .OrderBy(p => p.StartedAt)
            .Select(p => new
            {
                p.Id,
                Other = mentee ? p.Mentor!.DisplayName : p.Mentee!.DisplayName,
                Programme = db.Programmes.Where(x => x.Id == p.ProgrammeId).Select(x => new { x.Name, x.MeetingCadenceWeeks }).First(),
                p.StartedAt,
                Next = p.Meetings.Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= now)
                    .OrderBy(m => m.StartsAt).Select(m => (DateTime?)m.StartsAt).FirstOrDefault(),
                LastHeld = p.Meetings.Where(m => m.Status == MeetingStatus.Held)
                    .OrderByDescending(m => m.StartsAt).Select(m => (DateTime?)m.StartsAt).FirstOrDefault(),
                Passed = p.Meetings.Where(m => m.Status == MeetingStatus.Planned && m.StartsAt < now)
                    .OrderBy(m => m.StartsAt).Select(m => new { m.Id, m.StartsAt, m.DurationMinutes }).ToList(),
                ChangeRequestedAt = p.ChangeRequests.Where(c => c.Status == ChangeRequestStatus.Open && c.RequestedByUserId == userId)
                    .Select(c => (DateTime?)c.CreatedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return rows.ConvertAll(r => new PairingSummary(r.Id, r.Other, r.Programme.Name, r.StartedAt, r.Next, r.LastHeld,
            Pairing.IsOverdue(r.StartedAt, r.LastHeld, now, r.Programme.MeetingCadenceWeeks),
            r.Programme.MeetingCadenceWeeks, r.ChangeRequestedAt,
            r.Passed.Where(m => m.StartsAt.AddMinutes(m.DurationMinutes) <= now)
                .Select(m => new UnansweredMeeting(m.Id, UkTime.Describe(m.StartsAt, m.StartsAt.AddMinutes(m.DurationMinutes)))).ToList()));
    }

    private Task<Mentee?> FindMenteeAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return db.Mentees.Include(m => m.Programmes).Include(m => m.Goals)
            .Include(m => m.Pairings.Where(x => x.Status == PairingStatus.Active))
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
    }

    private async Task<MenteeProfileViewModel> ProfileViewModelAsync(MenteeProfileForm form, CancellationToken cancellationToken)
    {
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.MatchingMode == MatchingMode.MenteeChooses)
            .OrderBy(p => p.Name)
            .Select(p => new ProgrammeChoice(p.Id, p.Name, p.Summary))
            .ToListAsync(cancellationToken);
        return new MenteeProfileViewModel(form, programmes);
    }

    /// <summary>The mentee is in the programmes they ticked among those whose mentees choose, and in no other of those.</summary>
    private static void ChooseProgrammes(Mentee mentee, IEnumerable<Programme> choosable, ICollection<int> chosenIds)
    {
        foreach (var programme in choosable)
        {
            if (chosenIds.Contains(programme.Id))
            {
                mentee.JoinProgramme(programme);
            }
            else if (mentee.Programmes.Contains(programme))
            {
                mentee.LeaveProgramme(programme);
            }
        }
    }
}
