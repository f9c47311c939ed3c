using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Surveys;

/// <summary>
/// The evaluation and exit surveys, for the two members of a pairing only, each answering their
/// own: anyone else (administrators included), and a member who has not been invited, gets a 404.
/// Answers can be saved and finished later, and are sent once; a second send changes nothing.
/// </summary>
[Authorize]
[Route("pairings/{id:int}")]
public sealed class SurveysController(PortalDbContext db, TimeProvider time) : Controller
{
    private const string SavedMessage = "Your answers have been saved. You can come back and send them whenever you are ready.";
    private const string SentMessage = "Thank you. Your answers have been sent.";
    private const string AlreadySentMessage = "You have already sent this survey, so nothing has been changed. Thank you.";
    private const string ChangedMessage = "Your answers were changed in another window at the same moment. Check them below and try again.";
    private const string RecommendMessage = "Say whether you would recommend the scheme.";
    private const string ReasonMessage = "Choose why the pairing ended.";
    private const string TextTooLong = "Keep your answer to 2,000 characters or fewer.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("evaluation")]
    public async Task<IActionResult> Evaluation(int id, CancellationToken cancellationToken)
    {
        var (pairing, survey) = await LoadAsync(id, SurveyKind.Evaluation, tracked: false, cancellationToken);
        if (pairing is null || survey is null)
        {
            return NotFound();
        }

        if (survey.IsSubmitted)
        {
            return await AnswersAsync(pairing, survey, cancellationToken);
        }

        var goals = await GoalQuestionsAsync(pairing, survey, cancellationToken);
        return await EvaluationViewAsync(pairing, survey, goals, EvaluationForm.From(survey), cancellationToken);
    }

    [HttpPost("evaluation")]
    public async Task<IActionResult> Evaluation(int id, EvaluationForm form, CancellationToken cancellationToken)
    {
        var (pairing, survey) = await LoadAsync(id, SurveyKind.Evaluation, tracked: true, cancellationToken);
        if (pairing is null || survey is null)
        {
            return NotFound();
        }

        if (survey.IsSubmitted)
        {
            TempData["Success"] = AlreadySentMessage;
            return Redirect(PortalEmails.EvaluationPath(id));
        }

        var send = string.Equals(form.Intent, SurveyIntent.Send, StringComparison.Ordinal);
        var goals = survey.Respondent == SurveyRespondent.Mentee ? await MenteeGoalsAsync(pairing.MenteeId, cancellationToken) : [];
        CheckEvaluation(form, goals, send);
        if (ModelState.IsValid)
        {
            var now = Now;
            var applied = send
                ? ModelState.TryApply(string.Empty, () => survey.Submit(form.Answers(),
                    goals.Select(g => (g, form.GoalRating(g.Id)!.Value)).ToList(), now))
                : ModelState.TryApply(string.Empty, () => survey.Save(form.Answers(), now));
            if (applied)
            {
                return await SaveAsync(id, SurveyKind.Evaluation, send, cancellationToken);
            }
        }

        return await EvaluationViewAsync(pairing, survey, goals.Select(Question).ToList(), form, cancellationToken);
    }

    [HttpGet("exit-survey")]
    public async Task<IActionResult> Exit(int id, CancellationToken cancellationToken)
    {
        var (pairing, survey) = await LoadAsync(id, SurveyKind.Exit, tracked: false, cancellationToken);
        if (pairing is null || survey is null)
        {
            return NotFound();
        }

        return survey.IsSubmitted
            ? await AnswersAsync(pairing, survey, cancellationToken)
            : await ExitViewAsync(pairing, survey, ExitForm.From(survey), cancellationToken);
    }

    [HttpPost("exit-survey")]
    public async Task<IActionResult> Exit(int id, ExitForm form, CancellationToken cancellationToken)
    {
        var (pairing, survey) = await LoadAsync(id, SurveyKind.Exit, tracked: true, cancellationToken);
        if (pairing is null || survey is null)
        {
            return NotFound();
        }

        if (survey.IsSubmitted)
        {
            TempData["Success"] = AlreadySentMessage;
            return Redirect(PortalEmails.ExitSurveyPath(id));
        }

        var send = string.Equals(form.Intent, SurveyIntent.Send, StringComparison.Ordinal);
        CheckExit(form, send);
        if (ModelState.IsValid)
        {
            var now = Now;
            var applied = send
                ? ModelState.TryApply(string.Empty, () => survey.Submit(form.Answers(), now))
                : ModelState.TryApply(string.Empty, () => survey.Save(form.Answers(), now));
            if (applied)
            {
                return await SaveAsync(id, SurveyKind.Exit, send, cancellationToken);
            }
        }

        return await ExitViewAsync(pairing, survey, form, cancellationToken);
    }

    /// <summary>The pairing, for its members only, with the signed-in member's survey of this kind (null when not invited).</summary>
    private async Task<(Pairing? Pairing, SurveyResponse? Survey)> LoadAsync(int id, SurveyKind kind, bool tracked,
        CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var query = db.Pairings.Include(m => m.Surveys.Where(s => s.Kind == kind)).ThenInclude(s => s.GoalProgress).WithMember(id, userId);
        var pairing = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        return (pairing, pairing?.SurveyFor(userId, kind));
    }

    /// <summary>Saves the answers; a double click or a second tab that lost the race changes nothing and says so.</summary>
    private async Task<IActionResult> SaveAsync(int id, SurveyKind kind, bool send, CancellationToken cancellationToken)
    {
        var path = kind == SurveyKind.Evaluation ? PortalEmails.EvaluationPath(id) : PortalEmails.ExitSurveyPath(id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = send ? SentMessage : SavedMessage;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsConstraintViolation())
        {
            db.ChangeTracker.Clear();
            var (_, survey) = await LoadAsync(id, kind, tracked: false, cancellationToken);
            if (survey?.IsSubmitted == true)
            {
                TempData["Success"] = AlreadySentMessage;
            }
            else
            {
                TempData["Problem"] = ChangedMessage;
            }
        }

        return Redirect(path);
    }

    private void CheckEvaluation(EvaluationForm form, IReadOnlyList<Goal> goals, bool send)
    {
        foreach (var benefit in EvaluationForm.Benefits)
        {
            CheckRating(benefit.ToString(), form.Rating(benefit), send, $"Rate {benefit.Describe().ToLowerInvariant()} from 1 to 5.");
        }

        CheckRating(nameof(form.Satisfaction), form.Satisfaction, send, "Rate your overall satisfaction from 1 to 5.");
        if (IsUnreadable(nameof(form.WouldRecommend)) || form.WouldRecommend is { } value && !Enum.IsDefined(value)
            || send && form.WouldRecommend is null)
        {
            ModelState.Remove(nameof(form.WouldRecommend));
            ModelState.AddModelError(nameof(form.WouldRecommend), RecommendMessage);
        }

        CheckText(nameof(form.WhatWorked), form.WhatWorked);
        CheckText(nameof(form.WhatCouldBeBetter), form.WhatCouldBeBetter);

        // Only the mentee's own goals are rated; anything else posted is ignored.
        var posted = form.GoalRatings;
        form.GoalRatings = goals.ToDictionary(g => g.Id, g => posted.TryGetValue(g.Id, out var rating) ? rating : null);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(form.GoalRatings), StringComparison.Ordinal)).ToList())
        {
            var question = goals.Select(Question).FirstOrDefault(q => string.Equals(q.Key, key, StringComparison.Ordinal));
            if (question is null || ModelState[key]!.ValidationState != ModelValidationState.Invalid)
            {
                ModelState.Remove(key);
            }
        }

        foreach (var goal in goals)
        {
            var question = Question(goal);
            CheckRating(question.Key, form.GoalRating(goal.Id), send, $"Rate where you are now with your goal \"{Short(goal.Description)}\", from 1 to 5.");
        }
    }

    private void CheckRating(string key, int? rating, bool required, string message)
    {
        if (IsUnreadable(key) || rating is < SurveyResponse.Lowest or > SurveyResponse.Highest || required && rating is null)
        {
            ModelState.Remove(key);
            ModelState.AddModelError(key, message);
        }
    }

    private void CheckExit(ExitForm form, bool send)
    {
        if (IsUnreadable(nameof(form.Reason)) || form.Reason is { } reason && !Enum.IsDefined(reason) || send && form.Reason is null)
        {
            ModelState.Remove(nameof(form.Reason));
            ModelState.AddModelError(nameof(form.Reason), ReasonMessage);
        }

        CheckText(nameof(form.WhatWouldHaveHelped), form.WhatWouldHaveHelped);
        if (send && form.Reason == ExitReason.Other && string.IsNullOrWhiteSpace(form.WhatWouldHaveHelped)
            && ModelState.GetFieldValidationState(nameof(form.WhatWouldHaveHelped)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(form.WhatWouldHaveHelped), "You chose another reason: tell us a little about why it ended.");
        }
    }

    private void CheckText(string key, string? text)
    {
        if (text is { Length: > SurveyResponse.MaxTextLength })
        {
            ModelState.AddModelError(key, TextTooLong);
        }
    }

    /// <summary>A value that could not be read (a tampered radio) is given the field's own message, not the framework's.</summary>
    private bool IsUnreadable(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid;

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static GoalQuestion Question(Goal goal) => new(goal.Id, goal.Horizon, goal.Description, goal.StartRating);

    /// <summary>The goals the mentee rates at the evaluation: those still open or achieved, not the dropped ones.</summary>
    private async Task<IReadOnlyList<Goal>> MenteeGoalsAsync(int menteeId, CancellationToken cancellationToken, bool tracked = true)
    {
        var goals = tracked ? db.Goals : db.Goals.AsNoTracking();
        return await goals.Include(g => g.Ratings)
            .Where(g => g.MenteeId == menteeId && g.Status != GoalStatus.Dropped)
            .OrderBy(g => g.Horizon).ThenBy(g => g.CreatedAt).ThenBy(g => g.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<GoalQuestion>> GoalQuestionsAsync(Pairing pairing, SurveyResponse survey, CancellationToken cancellationToken) =>
        survey.Respondent == SurveyRespondent.Mentee
            ? (await MenteeGoalsAsync(pairing.MenteeId, cancellationToken, tracked: false)).Select(Question).ToList()
            : [];

    private async Task<IActionResult> EvaluationViewAsync(Pairing pairing, SurveyResponse survey, IReadOnlyList<GoalQuestion> goals,
        EvaluationForm form, CancellationToken cancellationToken) =>
        View("Evaluation", new EvaluationViewModel(pairing.Id, OtherName(pairing, survey), await ProgrammeNameAsync(pairing, cancellationToken),
            survey.Respondent == SurveyRespondent.Mentee, survey.SavedAt, goals, form));

    private async Task<IActionResult> ExitViewAsync(Pairing pairing, SurveyResponse survey, ExitForm form, CancellationToken cancellationToken) =>
        View("Exit", new ExitSurveyViewModel(pairing.Id, OtherName(pairing, survey), await ProgrammeNameAsync(pairing, cancellationToken),
            survey.Respondent == SurveyRespondent.Mentee, survey.SavedAt, form));

    private async Task<IActionResult> AnswersAsync(Pairing pairing, SurveyResponse survey, CancellationToken cancellationToken) =>
        View("Answers", SurveyAnswersViewModel.From(survey, OtherName(pairing, survey), await ProgrammeNameAsync(pairing, cancellationToken)));

    private async Task<string> ProgrammeNameAsync(Pairing pairing, CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().Where(p => p.Id == pairing.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);

    private static string OtherName(Pairing pairing, SurveyResponse survey) =>
        survey.Respondent == SurveyRespondent.Mentee ? pairing.Mentor!.DisplayName : pairing.Mentee!.DisplayName;
}
