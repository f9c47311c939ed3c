using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Evaluation;

/// <summary>The evaluation report's aggregates: averages, distributions, and the suppression of every group under five responses.</summary>
public sealed class EvaluationSummaryTests
{
    [Fact]
    public void Ratings_AverageAndDistribution_PerBenefitAndSatisfaction()
    {
        var responses = new[] { 1, 3, 3, 4, 5 }.Select(r => Evaluation(SurveyRespondent.Mentee, rating: r)).ToList();

        var summary = EvaluationSummary.From(responses);

        Assert.Equal(7, summary.Ratings.Count);
        Assert.Equal("Overall satisfaction", summary.Ratings[^1].Name);
        var confidence = summary.Ratings.Single(m => m.Benefit == Benefit.Confidence).Figures.All!;
        Assert.Equal(5, confidence.Responses);
        Assert.Equal(3.2, confidence.Average, 6);
        Assert.Equal([1, 0, 2, 1, 1], confidence.Distribution);
        Assert.Equal(3.2, summary.Ratings[^1].Figures.All!.Average, 6);
        Assert.Equal(5, summary.EvaluationResponses);
    }

    [Fact]
    public void Ratings_FourResponses_NotShown_FiveShown()
    {
        var four = EvaluationSummary.From(Many(4, SurveyRespondent.Mentee));
        var five = EvaluationSummary.From(Many(5, SurveyRespondent.Mentee));

        Assert.All(four.Ratings, m => Assert.Null(m.Figures.All));
        Assert.All(five.Ratings, m => Assert.NotNull(m.Figures.All));
        Assert.Equal(5, EvaluationSummary.MinimumGroupSize);
        Assert.False(EvaluationSummary.CanShow(4));
        Assert.True(EvaluationSummary.CanShow(5));
    }

    [Fact]
    public void Breakdown_ShownOnlyWhenMenteesAndMentorsBothReachFive()
    {
        var fiveAndFour = EvaluationSummary.From([.. Many(5, SurveyRespondent.Mentee), .. Many(4, SurveyRespondent.Mentor)]);
        var fourAndFive = EvaluationSummary.From([.. Many(4, SurveyRespondent.Mentee), .. Many(5, SurveyRespondent.Mentor)]);
        var fiveAndFive = EvaluationSummary.From([.. Many(5, SurveyRespondent.Mentee, 2), .. Many(5, SurveyRespondent.Mentor, 4)]);

        foreach (var summary in new[] { fiveAndFour, fourAndFive })
        {
            // The whole is shown, but neither part: the small one could be worked out from the large one.
            Assert.All(summary.Ratings, m => Assert.NotNull(m.Figures.All));
            Assert.All(summary.Ratings, m => Assert.Null(m.Figures.Mentees));
            Assert.All(summary.Ratings, m => Assert.Null(m.Figures.Mentors));
            Assert.NotNull(summary.Recommendations.All);
            Assert.False(summary.Recommendations.IsBrokenDown);
        }

        var knowledge = fiveAndFive.Ratings[0].Figures;
        Assert.True(knowledge.IsBrokenDown);
        Assert.Equal(2, knowledge.Mentees!.Average);
        Assert.Equal(4, knowledge.Mentors!.Average);
        Assert.Equal(3, knowledge.All!.Average);
        Assert.Equal([0, 5, 0, 5, 0], knowledge.All.Distribution);
    }

    [Fact]
    public void Recommendations_CountedPerAnswer_AndSuppressedUnderFive()
    {
        var answers = new[] { Recommendation.Yes, Recommendation.Yes, Recommendation.Yes, Recommendation.NotSure, Recommendation.No };
        var summary = EvaluationSummary.From(answers.Select(a => Evaluation(SurveyRespondent.Mentor, recommend: a)));

        var counts = summary.Recommendations.All!;
        Assert.Equal(5, counts.Responses);
        Assert.Equal([("Yes", 3), ("Not sure", 1), ("No", 1)], counts.Counts.Select(c => (c.Label, c.Count)));

        var four = EvaluationSummary.From(answers.Take(4).Select(a => Evaluation(SurveyRespondent.Mentor, recommend: a)));
        Assert.Null(four.Recommendations.All);
    }

    [Fact]
    public void ExitReasons_CountedFromFive_AndExitSurveysDoNotCountAsEvaluations()
    {
        var reasons = new[] { ExitReason.GoalsMet, ExitReason.GoalsMet, ExitReason.HardToFindTime, ExitReason.CircumstancesChanged };
        var four = EvaluationSummary.From(reasons.Select(Exit));
        var five = EvaluationSummary.From(reasons.Append(ExitReason.GoalsMet).Select(Exit));

        Assert.Null(four.ExitReasons);
        Assert.Equal(3, five.ExitReasons!.Counts.Single(c => c.Label == ExitReason.GoalsMet.Describe()).Count);
        Assert.Equal(0, five.ExitReasons.Counts.Single(c => c.Label == ExitReason.NotWorkingWell.Describe()).Count);
        Assert.Equal(5, five.ExitResponses);
        Assert.Equal(0, five.EvaluationResponses);
        Assert.All(five.Ratings, m => Assert.Null(m.Figures.All));
    }

    [Fact]
    public void FreeText_ReleasedFromFiveResponsesOfItsSurvey_SortedWithoutBlanks()
    {
        string?[] worked = ["Regular meetings", "a listening ear", null, "  ", "Being challenged kindly"];
        var five = EvaluationSummary.From(worked.Select(w => Evaluation(SurveyRespondent.Mentee, worked: w)));
        var four = EvaluationSummary.From(worked.Take(4).Select(w => Evaluation(SurveyRespondent.Mentee, worked: w)));

        Assert.Equal(["a listening ear", "Being challenged kindly", "Regular meetings"], five.EvaluationText!.WhatWorked);
        Assert.Null(four.EvaluationText);
        Assert.Null(five.ExitText);

        var exits = Enumerable.Range(1, 4).Select(i => Exit(ExitReason.GoalsMet) with { WhatWouldHaveHelped = $"Answer {i}" }).ToList();
        Assert.Null(EvaluationSummary.From(exits).ExitText);
        Assert.Equal(5, EvaluationSummary.From([.. exits, Exit(ExitReason.Other) with { WhatWouldHaveHelped = "Answer 0" }]).ExitText!.Count);
    }

    [Fact]
    public void GoalProgress_PerHorizon_StartReviewAndChange_SuppressedUnderFiveMentees()
    {
        var responses = Enumerable.Range(0, 5).Select(i => Evaluation(SurveyRespondent.Mentee) with
        {
            Goals =
            [
                new GoalProgressFact(GoalHorizon.ShortTerm, 2, 4),
                new GoalProgressFact(GoalHorizon.ShortTerm, i == 0 ? null : 1, 3),
                .. i < 4 ? new[] { new GoalProgressFact(GoalHorizon.MediumTerm, 1, 2) } : [],
            ],
        }).ToList();

        var summary = EvaluationSummary.From([.. responses, .. Many(5, SurveyRespondent.Mentor)]);

        var shortTerm = summary.GoalProgress.Single(h => h.Horizon == GoalHorizon.ShortTerm).Figures!;
        Assert.Equal(5, shortTerm.Responses);
        Assert.Equal(10, shortTerm.Goals);
        Assert.Equal((5 * 2 + 4 * 1) / 9.0, shortTerm.AverageStart!.Value, 6);
        Assert.Equal(3.5, shortTerm.AverageReview, 6);
        Assert.Equal((5 * 2 + 4 * 2) / 9.0, shortTerm.AverageChange!.Value, 6);
        Assert.Null(summary.GoalProgress.Single(h => h.Horizon == GoalHorizon.MediumTerm).Figures);
        Assert.Null(summary.GoalProgress.Single(h => h.Horizon == GoalHorizon.LongTerm).Figures);
    }

    [Fact]
    public void FromSurveyResponse_ReadsTheAnswersOfASentSurvey()
    {
        var facts = SurveyFacts.From(SentEvaluation());

        Assert.Equal(SurveyKind.Evaluation, facts.Kind);
        Assert.Equal(4, facts.Ratings[Benefit.Leadership]);
        Assert.Equal(6, facts.Ratings.Count);
        Assert.Equal(5, facts.Satisfaction);
        Assert.Equal(Recommendation.Yes, facts.WouldRecommend);
        Assert.Equal("Honest feedback", facts.WhatWorked);
    }

    [Fact]
    public void Spread_MedianAndAverage()
    {
        Assert.Equal(new Spread(0, null, null), Spread.Of([]));
        Assert.Equal(new Spread(3, 4, 5), Spread.Of([10, 1, 4]));
        Assert.Equal(2.5, Spread.Of([1, 2, 3, 4]).Median);
    }

    private static SurveyResponse SentEvaluation()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        var start = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var pairing = mentee.PairWith(mentor, programme, start).Pairing;
        pairing.InviteToEvaluation(start.AddMonths(6), 6);
        var survey = pairing.Surveys.Single(s => s.Respondent == SurveyRespondent.Mentor);
        survey.Submit(new EvaluationAnswers(3, 3, 3, 3, 4, 3, 5, Recommendation.Yes, "Honest feedback", null), [], start.AddMonths(6));
        return survey;
    }

    private static List<SurveyFacts> Many(int count, SurveyRespondent respondent, int rating = 3) =>
        Enumerable.Range(0, count).Select(_ => Evaluation(respondent, rating)).ToList();

    private static SurveyFacts Evaluation(SurveyRespondent respondent, int rating = 3, Recommendation recommend = Recommendation.Yes,
        string? worked = null) =>
        new(SurveyKind.Evaluation, respondent, Enum.GetValues<Benefit>().ToDictionary(b => b, _ => rating), rating, recommend, null, [],
            worked);

    private static SurveyFacts Exit(ExitReason reason) =>
        new(SurveyKind.Exit, SurveyRespondent.Mentee, new Dictionary<Benefit, int>(), null, null, reason, []);
}
