using MentoringPortal.Domain.Mentees;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Goals;

/// <summary>
/// A mentee's goals by horizon, with self-ratings kept over time. Only the mentee edits them; the
/// mentor of an active pairing reads them; anyone else gets a 404.
/// </summary>
[Authorize]
public sealed class GoalsController(PortalDbContext db, TimeProvider time) : Controller
{
    private const string HorizonMessage = "Choose when you hope to reach the goal.";
    private const string RatingMessage = "Choose where you stand now, from 1 to 5.";
    private const string StatusMessage = "Choose whether the goal is open, achieved or dropped.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("/me/goals")]
    [Authorize(Policy = Policies.Mentee)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var menteeId = await MyMenteeIdAsync(cancellationToken);
        return menteeId is null ? NotFound() : View(new MyGoalsViewModel(await GoalListAsync(menteeId.Value, canEdit: true, cancellationToken), new AddGoalForm()));
    }

    [HttpPost("/me/goals")]
    [Authorize(Policy = Policies.Mentee)]
    public async Task<IActionResult> Index(AddGoalForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var mentee = await db.Mentees.Include(m => m.Goals).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (mentee is null)
        {
            return NotFound();
        }

        ReplaceBindingError(nameof(form.Horizon), HorizonMessage);
        ReplaceBindingError(nameof(form.StartRating), RatingMessage);
        if (form.Horizon is { } chosen && !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError(nameof(form.Horizon), HorizonMessage);
        }

        if (ModelState.IsValid)
        {
            var description = form.Description!.Trim();

            // A double-clicked form posts twice: the same open goal in the same horizon is added once.
            var alreadyAdded = mentee.Goals.Any(g => g.Horizon == form.Horizon && g.Status == GoalStatus.Open
                && string.Equals(g.Description, description, StringComparison.Ordinal));
            if (alreadyAdded || ModelState.TryApply(nameof(form.Description),
                    () => mentee.AddGoal(form.Horizon!.Value, description, form.StartRating!.Value, Now)))
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = "Your goal has been added.";
                return Redirect("/me/goals");
            }
        }

        return View(new MyGoalsViewModel(await GoalListAsync(mentee.Id, canEdit: true, cancellationToken), form));
    }

    [HttpGet("/me/goals/{id:int}/edit")]
    [Authorize(Policy = Policies.Mentee)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var goal = await MyGoalAsync(id, cancellationToken);
        if (goal is null)
        {
            return NotFound();
        }

        var form = new EditGoalForm { Description = goal.Description, Status = goal.Status, Rating = goal.CurrentRating };
        return View(new EditGoalViewModel(goal.Id, goal.Horizon, goal.Ratings, form));
    }

    [HttpPost("/me/goals/{id:int}/edit")]
    [Authorize(Policy = Policies.Mentee)]
    public async Task<IActionResult> Edit(int id, EditGoalForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var mentee = await db.Mentees.Include(m => m.Goals.Where(g => g.Id == id))
            .SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        var goal = mentee?.Goals.SingleOrDefault(g => g.Id == id);
        if (mentee is null || goal is null)
        {
            return NotFound();
        }

        ReplaceBindingError(nameof(form.Status), StatusMessage);
        ReplaceBindingError(nameof(form.Rating), RatingMessage);
        if (form.Status is { } status && !Enum.IsDefined(status))
        {
            ModelState.AddModelError(nameof(form.Status), StatusMessage);
        }

        if (ModelState.IsValid
            && ModelState.TryApply(nameof(form.Description), () => mentee.UpdateGoal(id, form.Description!, form.Status!.Value, form.Rating, Now)))
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = "Your goal has been saved.";
            return Redirect("/me/goals");
        }

        var history = goal.Ratings.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Select(r => new RatingRow(r.RecordedAt, r.Rating)).ToList();
        return View(new EditGoalViewModel(goal.Id, goal.Horizon, history, form));
    }

    /// <summary>The mentee's goals, read-only, for the two members of an active pairing only.</summary>
    [HttpGet("/pairings/{id:int}/goals")]
    public async Task<IActionResult> Pairing(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var pairing = await db.Pairings.AsNoTracking().WithMember(id, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null || !pairing.IsActive)
        {
            return NotFound();
        }

        var viewerIsMentee = string.Equals(pairing.Mentee!.UserId, userId, StringComparison.Ordinal);
        return View(new PairingGoalsViewModel(pairing.Mentee.DisplayName, pairing.Mentor!.DisplayName, viewerIsMentee,
            await GoalListAsync(pairing.MenteeId, canEdit: false, cancellationToken)));
    }

    private async Task<int?> MyMenteeIdAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return await db.Mentees.Where(m => m.UserId == userId).Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<GoalRow?> MyGoalAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var rows = await Rows(db.Goals.Where(g => g.Id == id && db.Mentees.Any(m => m.Id == g.MenteeId && m.UserId == userId)))
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    private async Task<GoalListViewModel> GoalListAsync(int menteeId, bool canEdit, CancellationToken cancellationToken)
    {
        var goals = await Rows(db.Goals.Where(g => g.MenteeId == menteeId)).ToListAsync(cancellationToken);
        return new GoalListViewModel(goals, canEdit);
    }

    private static IQueryable<GoalRow> Rows(IQueryable<Goal> goals) => goals.AsNoTracking()
        .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id)
        .Select(g => new GoalRow(g.Id, g.Horizon, g.Description, g.Status,
            g.Ratings.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Select(r => new RatingRow(r.RecordedAt, r.Rating)).ToList()));

    /// <summary>A value that could not be bound (a tampered radio) gets the field's own message, not the framework's.</summary>
    private void ReplaceBindingError(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }
}
