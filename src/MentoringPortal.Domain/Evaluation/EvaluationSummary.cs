using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Domain.Evaluation;

/// <summary>
/// The aggregate answers of a programme's sent surveys for a period, with small groups suppressed:
/// any group of fewer than <see cref="MinimumGroupSize"/> responses carries no numbers, and the
/// free text is released only from that many responses. A pure function of the survey facts.
/// </summary>
public sealed class EvaluationSummary
{
    /// <summary>The smallest group whose answers a report may show. The one place this rule lives.</summary>
    public const int MinimumGroupSize = 5;

    /// <summary>What a report says in place of a group's numbers when the group is too small.</summary>
    public const string Suppressed = "fewer than 5 responses — not shown";

    private EvaluationSummary(
        int evaluationResponses,
        int exitResponses,
        IReadOnlyList<RatingMeasure> ratings,
        Breakdown<CountFigures> recommendations,
        CountFigures? exitReasons,
        IReadOnlyList<HorizonProgress> goalProgress,
        FreeText? evaluationText,
        IReadOnlyList<string>? exitText)
    {
        EvaluationResponses = evaluationResponses;
        ExitResponses = exitResponses;
        Ratings = ratings;
        Recommendations = recommendations;
        ExitReasons = exitReasons;
        GoalProgress = goalProgress;
        EvaluationText = evaluationText;
        ExitText = exitText;
    }

    public int EvaluationResponses { get; }

    public int ExitResponses { get; }

    /// <summary>One measure per benefit, then overall satisfaction.</summary>
    public IReadOnlyList<RatingMeasure> Ratings { get; }

    public Breakdown<CountFigures> Recommendations { get; }

    /// <summary>Why pairings ended, from the exit surveys; null when there are too few.</summary>
    public CountFigures? ExitReasons { get; }

    /// <summary>The mentees' goals per horizon: the rating at the start against the rating at the evaluation point.</summary>
    public IReadOnlyList<HorizonProgress> GoalProgress { get; }

    /// <summary>What worked and what could be better, sorted so no answer can be tied to a pairing; null under the minimum.</summary>
    public FreeText? EvaluationText { get; }

    /// <summary>What would have helped, from the exit surveys, sorted; null under the minimum.</summary>
    public IReadOnlyList<string>? ExitText { get; }

    /// <summary>Whether a group of this many responses may be shown.</summary>
    public static bool CanShow(int responses) => responses >= MinimumGroupSize;

    /// <summary>Summarises sent surveys; surveys not sent yet must not be passed.</summary>
    public static EvaluationSummary From(IEnumerable<SurveyFacts> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var all = responses.ToList();
        var evaluations = all.Where(r => r.Kind == SurveyKind.Evaluation).ToList();
        var exits = all.Where(r => r.Kind == SurveyKind.Exit).ToList();

        var ratings = Enum.GetValues<Benefit>()
            .Select(b => Measure(b.Describe(), b, evaluations, r => r.Ratings.TryGetValue(b, out var rating) ? rating : null))
            .Append(Measure("Overall satisfaction", null, evaluations, r => r.Satisfaction))
            .ToList();

        var recommendations = Split(evaluations, group =>
        {
            var answered = group.Where(r => r.WouldRecommend is not null).ToList();
            return CanShow(answered.Count)
                ? new CountFigures(answered.Count, Enum.GetValues<Recommendation>()
                    .Select(value => new LabelledCount(value.Describe(), answered.Count(r => r.WouldRecommend == value))).ToList())
                : null;
        });

        var reasons = exits.Where(r => r.EndingReason is not null).ToList();
        var exitReasons = CanShow(reasons.Count)
            ? new CountFigures(reasons.Count, Enum.GetValues<ExitReason>()
                .Select(value => new LabelledCount(value.Describe(), reasons.Count(r => r.EndingReason == value))).ToList())
            : null;

        var goalProgress = Enum.GetValues<GoalHorizon>().Select(h => Progress(h, evaluations)).ToList();

        var evaluationText = CanShow(evaluations.Count)
            ? new FreeText(Texts(evaluations.Select(r => r.WhatWorked)), Texts(evaluations.Select(r => r.WhatCouldBeBetter)))
            : null;
        var exitText = CanShow(exits.Count) ? Texts(exits.Select(r => r.WhatWouldHaveHelped)) : null;

        return new EvaluationSummary(evaluations.Count, exits.Count, ratings, recommendations, exitReasons, goalProgress, evaluationText,
            exitText);
    }

    private static RatingMeasure Measure(string name, Benefit? benefit, IReadOnlyList<SurveyFacts> evaluations, Func<SurveyFacts, int?> rating) =>
        new(name, benefit, Split(evaluations, group => Figures(group.Select(rating).OfType<int>().ToList())));

    private static RatingFigures? Figures(List<int> ratings)
    {
        if (!CanShow(ratings.Count))
        {
            return null;
        }

        var distribution = Enumerable.Range(SurveyResponse.Lowest, SurveyResponse.Highest - SurveyResponse.Lowest + 1)
            .Select(value => ratings.Count(r => r == value)).ToList();
        return new RatingFigures(ratings.Count, ratings.Average(), distribution);
    }

    /// <summary>
    /// Everyone, then mentees and mentors apart. The parts are shown only when both are large
    /// enough: otherwise the small part could be worked out by taking the large one from the whole.
    /// </summary>
    private static Breakdown<T> Split<T>(IReadOnlyList<SurveyFacts> group, Func<IReadOnlyList<SurveyFacts>, T?> figures)
        where T : class
    {
        var mentees = group.Where(r => r.Respondent == SurveyRespondent.Mentee).ToList();
        var mentors = group.Where(r => r.Respondent == SurveyRespondent.Mentor).ToList();
        var menteeFigures = figures(mentees);
        var mentorFigures = figures(mentors);
        var bothShown = menteeFigures is not null && mentorFigures is not null;
        return new Breakdown<T>(figures(group), bothShown ? menteeFigures : null, bothShown ? mentorFigures : null);
    }

    private static HorizonProgress Progress(GoalHorizon horizon, IReadOnlyList<SurveyFacts> evaluations)
    {
        var answering = evaluations.Where(r => r.Respondent == SurveyRespondent.Mentee && r.Goals.Any(g => g.Horizon == horizon)).ToList();
        if (!CanShow(answering.Count))
        {
            return new HorizonProgress(horizon, null);
        }

        var goals = answering.SelectMany(r => r.Goals).Where(g => g.Horizon == horizon).ToList();
        var withStart = goals.Where(g => g.StartRating is not null).ToList();
        return new HorizonProgress(horizon, new ProgressFigures(
            answering.Count,
            goals.Count,
            withStart.Count == 0 ? null : withStart.Average(g => g.StartRating!.Value),
            goals.Average(g => g.ReviewRating),
            withStart.Count == 0 ? null : withStart.Average(g => g.ReviewRating - g.StartRating!.Value)));
    }

    /// <summary>Answers with words in them, sorted alphabetically: the order says nothing about who wrote them.</summary>
    private static List<string> Texts(IEnumerable<string?> texts) =>
        texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())
            .OrderBy(t => t, StringComparer.OrdinalIgnoreCase).ThenBy(t => t, StringComparer.Ordinal).ToList();
}

/// <summary>A group's figures for everyone, mentees and mentors; null where a group is too small to show.</summary>
public sealed record Breakdown<T>(T? All, T? Mentees, T? Mentors)
    where T : class
{
    /// <summary>The parts are shown together or not at all.</summary>
    public bool IsBrokenDown => Mentees is not null && Mentors is not null;
}

/// <summary>A rating from 1 to 5: its average and how many gave each value (index 0 is the count of 1s).</summary>
public sealed record RatingFigures(int Responses, double Average, IReadOnlyList<int> Distribution);

public sealed record RatingMeasure(string Name, Benefit? Benefit, Breakdown<RatingFigures> Figures);

public sealed record LabelledCount(string Label, int Count);

public sealed record CountFigures(int Responses, IReadOnlyList<LabelledCount> Counts);

public sealed record ProgressFigures(int Responses, int Goals, double? AverageStart, double AverageReview, double? AverageChange);

/// <summary>A horizon's goal progress; null figures when fewer than the minimum of mentees rated goals of it.</summary>
public sealed record HorizonProgress(GoalHorizon Horizon, ProgressFigures? Figures);

public sealed record FreeText(IReadOnlyList<string> WhatWorked, IReadOnlyList<string> WhatCouldBeBetter);
