using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Web.Features.Surveys;

/// <summary>What the two buttons of a survey form ask for.</summary>
public static class SurveyIntent
{
    public const string Save = "save";
    public const string Send = "send";
}

/// <summary>One 1–5 question: radio buttons labelled 1 to 5, with words for the two ends.</summary>
public sealed record ScaleQuestion(string Name, string Legend, int? Selected, string LowWord, string HighWord, string? Hint = null)
{
    public static IReadOnlyList<int> Values { get; } = [1, 2, 3, 4, 5];

    public string Label(int value) => value switch
    {
        SurveyResponse.Lowest => $"{value} — {LowWord}",
        SurveyResponse.Highest => $"{value} — {HighWord}",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One of the mentee's goals as the evaluation shows it: its words and its rating at the start.</summary>
public sealed record GoalQuestion(int Id, GoalHorizon Horizon, string Description, int? StartRating)
{
    public string Key => $"{nameof(EvaluationForm.GoalRatings)}[{Id.ToString(CultureInfo.InvariantCulture)}]";
}

public sealed record EvaluationViewModel(
    int PairingId,
    string OtherName,
    string Programme,
    bool ViewerIsMentee,
    DateTime? SavedAt,
    IReadOnlyList<GoalQuestion> Goals,
    EvaluationForm Form)
{
    public IEnumerable<ScaleQuestion> BenefitQuestions =>
        EvaluationForm.Benefits.Select(b => new ScaleQuestion(b.ToString(), b.Describe(), Form.Rating(b), "not at all", "a great deal",
            ViewerIsMentee ? null : "How much has your mentee gained?"));

    public ScaleQuestion SatisfactionQuestion =>
        new(nameof(EvaluationForm.Satisfaction), "Overall, how satisfied are you with the mentoring?", Form.Satisfaction,
            "not at all satisfied", "very satisfied");
}

public sealed record ExitSurveyViewModel(int PairingId, string OtherName, string Programme, bool ViewerIsMentee, DateTime? SavedAt,
    ExitForm Form);

/// <summary>One question and the viewer's own answer, read-only after sending.</summary>
public sealed record AnswerRow(string Question, string Answer);

public sealed record SurveyAnswersViewModel(
    int PairingId,
    SurveyKind Kind,
    string OtherName,
    string Programme,
    DateTime SubmittedAt,
    IReadOnlyList<AnswerRow> Answers,
    IReadOnlyList<AnswerRow> GoalAnswers)
{
    public static SurveyAnswersViewModel From(SurveyResponse survey, string otherName, string programme)
    {
        var answers = new List<AnswerRow>();
        var goals = new List<AnswerRow>();
        if (survey.Kind == SurveyKind.Evaluation)
        {
            answers.AddRange(EvaluationForm.Benefits.Select(b => new AnswerRow(b.Describe(), Scale(survey.Rating(b)))));
            answers.Add(new AnswerRow("Overall satisfaction", Scale(survey.Satisfaction)));
            answers.Add(new AnswerRow("Would you recommend the scheme?", survey.WouldRecommend?.Describe() ?? "Not answered"));
            answers.Add(new AnswerRow("What worked?", survey.WhatWorked ?? "Not answered"));
            answers.Add(new AnswerRow("What could be better?", survey.WhatCouldBeBetter ?? "Not answered"));
            goals.AddRange(survey.GoalProgress.OrderBy(g => g.Horizon).Select(g => new AnswerRow(
                $"Your goal: {g.Horizon.Describe()}",
                g.StartRating is int start ? $"{start} at the start, {g.ReviewRating} at the evaluation" : $"{g.ReviewRating} at the evaluation")));
        }
        else
        {
            answers.Add(new AnswerRow("Why did the pairing end?", survey.EndingReason?.Describe() ?? "Not answered"));
            answers.Add(new AnswerRow("What would have helped?", survey.WhatWouldHaveHelped ?? "Not answered"));
        }

        return new SurveyAnswersViewModel(survey.PairingId, survey.Kind, otherName, programme, survey.SubmittedAt!.Value, answers, goals);
    }

    private static string Scale(int? rating) => rating is int value
        ? $"{value.ToString(CultureInfo.InvariantCulture)} out of {SurveyResponse.Highest.ToString(CultureInfo.InvariantCulture)}"
        : "Not answered";
}

public sealed class EvaluationForm
{
    public static IReadOnlyList<Benefit> Benefits { get; } =
        [Benefit.Knowledge, Benefit.Performance, Benefit.ProblemSolving, Benefit.Confidence, Benefit.Leadership, Benefit.Network];

    public static IReadOnlyList<Recommendation> Recommendations { get; } = [Recommendation.Yes, Recommendation.NotSure, Recommendation.No];

    public int? Knowledge { get; set; }

    public int? Performance { get; set; }

    public int? ProblemSolving { get; set; }

    public int? Confidence { get; set; }

    public int? Leadership { get; set; }

    public int? Network { get; set; }

    public int? Satisfaction { get; set; }

    public Recommendation? WouldRecommend { get; set; }

    [DataType(DataType.MultilineText)]
    public string? WhatWorked { get; set; }

    [DataType(DataType.MultilineText)]
    public string? WhatCouldBeBetter { get; set; }

    /// <summary>The mentee's "where are you now?" rating per goal id.</summary>
    public IDictionary<int, int?> GoalRatings { get; set; } = new Dictionary<int, int?>();

    public string? Intent { get; set; }

    public static EvaluationForm From(SurveyResponse survey) => new()
    {
        Knowledge = survey.Knowledge,
        Performance = survey.Performance,
        ProblemSolving = survey.ProblemSolving,
        Confidence = survey.Confidence,
        Leadership = survey.Leadership,
        Network = survey.Network,
        Satisfaction = survey.Satisfaction,
        WouldRecommend = survey.WouldRecommend,
        WhatWorked = survey.WhatWorked,
        WhatCouldBeBetter = survey.WhatCouldBeBetter,
    };

    public int? Rating(Benefit benefit) => benefit switch
    {
        Benefit.Knowledge => Knowledge,
        Benefit.Performance => Performance,
        Benefit.ProblemSolving => ProblemSolving,
        Benefit.Confidence => Confidence,
        Benefit.Leadership => Leadership,
        _ => Network,
    };

    public int? GoalRating(int goalId) => GoalRatings.TryGetValue(goalId, out var rating) ? rating : null;

    public EvaluationAnswers Answers() =>
        new(Knowledge, Performance, ProblemSolving, Confidence, Leadership, Network, Satisfaction, WouldRecommend, WhatWorked, WhatCouldBeBetter);
}

public sealed class ExitForm
{
    public static IReadOnlyList<ExitReason> Reasons { get; } =
        [ExitReason.GoalsMet, ExitReason.NotWorkingWell, ExitReason.HardToFindTime, ExitReason.CircumstancesChanged, ExitReason.Other];

    public ExitReason? Reason { get; set; }

    [DataType(DataType.MultilineText)]
    public string? WhatWouldHaveHelped { get; set; }

    public string? Intent { get; set; }

    public static ExitForm From(SurveyResponse survey) => new() { Reason = survey.EndingReason, WhatWouldHaveHelped = survey.WhatWouldHaveHelped };

    public ExitAnswers Answers() => new(Reason, WhatWouldHaveHelped);
}

/// <summary>A survey waiting for the signed-in member, on /me and on the pairing page.</summary>
public sealed record WaitingSurvey(int PairingId, SurveyKind Kind, string Programme, string OtherName, DateTime InvitedAt, DateTime? SavedAt)
{
    public string Path => Kind == SurveyKind.Evaluation ? Email.PortalEmails.EvaluationPath(PairingId) : Email.PortalEmails.ExitSurveyPath(PairingId);

    public string Title => Kind == SurveyKind.Evaluation ? "Evaluation survey" : "Exit survey";
}
