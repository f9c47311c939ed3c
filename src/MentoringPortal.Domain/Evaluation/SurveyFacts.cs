using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Domain.Evaluation;

/// <summary>
/// What a report may read of one sent survey: who answered (mentee or mentor, never which one),
/// the ratings, the choices and the free text. Nothing here identifies a person or a pairing.
/// </summary>
public sealed record SurveyFacts(
    SurveyKind Kind,
    SurveyRespondent Respondent,
    IReadOnlyDictionary<Benefit, int> Ratings,
    int? Satisfaction,
    Recommendation? WouldRecommend,
    ExitReason? EndingReason,
    IReadOnlyList<GoalProgressFact> Goals,
    string? WhatWorked = null,
    string? WhatCouldBeBetter = null,
    string? WhatWouldHaveHelped = null)
{
    public static SurveyFacts From(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var ratings = new Dictionary<Benefit, int>();
        foreach (var benefit in Enum.GetValues<Benefit>())
        {
            if (response.Rating(benefit) is { } rating)
            {
                ratings[benefit] = rating;
            }
        }

        return new SurveyFacts(response.Kind, response.Respondent, ratings, response.Satisfaction, response.WouldRecommend,
            response.EndingReason, response.GoalProgress.Select(g => new GoalProgressFact(g.Horizon, g.StartRating, g.ReviewRating)).ToList(),
            response.WhatWorked, response.WhatCouldBeBetter, response.WhatWouldHaveHelped);
    }
}

/// <summary>One goal's self-rating at the start and at the evaluation point, without the goal's words.</summary>
public sealed record GoalProgressFact(GoalHorizon Horizon, int? StartRating, int ReviewRating);
