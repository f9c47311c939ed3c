using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.UnitTests.Matching;

/// <summary>The scheme's ranking of mentors for a mentee: one test per reason and per hard exclusion.</summary>
public sealed class MatchScoringTests
{
    private static readonly MatchingWeights OnlyExpertise = new(expertise: 10, differentBackground: 0, sameRegion: 0, meetingMode: 0, freePlaces: 0);

    private static MatchCandidate Mentor(int id = 1, string name = "Dr Ada Jones", string region = "London", string background = "Hospital medicine",
        string? organisation = "St Elsewhere Hospital", string expertise = "Clinical teaching", MeetingModes modes = MeetingModes.FaceToFace,
        int freePlaces = 2, string? unavailable = null) =>
        new(id, name, "Paediatrics", region, background, organisation, expertise, modes, freePlaces, unavailable);

    private static MenteeNeeds Needs(string? region = "London", string? background = "Hospital medicine", string? organisation = "City Hospital",
        bool avoidOwnOrganisation = false, IReadOnlyList<string>? conflicts = null, MeetingModes modes = MeetingModes.None,
        IReadOnlySet<int>? excluded = null, params HorizonGoal[] goals) =>
        new(goals, region, background, organisation, avoidOwnOrganisation, conflicts ?? [], modes, excluded ?? new HashSet<int>());

    [Fact]
    public void Expertise_MatchingAGoal_ScoresAndSaysWhichGoal()
    {
        var needs = Needs(goals: new HorizonGoal(GoalHorizon.MediumTerm, "Lead a service redesign in my department"));
        var mentor = Mentor(expertise: "Has led a service redesign of outpatient clinics");

        var suggestion = MatchScoring.Score(needs, mentor, OnlyExpertise);

        Assert.Equal(100, suggestion.Score);
        var reason = Assert.Single(suggestion.Reasons, r => r.StartsWith("Experience in", StringComparison.Ordinal));
        Assert.Contains("service", reason, StringComparison.Ordinal);
        Assert.Contains("redesign", reason, StringComparison.Ordinal);
        Assert.EndsWith("matches the medium-term goal", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expertise_MatchingOneOfTwoGoals_ScoresHalf()
    {
        var needs = Needs(goals:
        [
            new HorizonGoal(GoalHorizon.ShortTerm, "Regain confidence in clinical procedures"),
            new HorizonGoal(GoalHorizon.LongTerm, "Become a medical director"),
        ]);

        var suggestion = MatchScoring.Score(needs, Mentor(expertise: "Supporting doctors to regain confidence after leave"), OnlyExpertise);

        Assert.Equal(50, suggestion.Score);
        Assert.Contains(suggestion.Reasons, r => r.EndsWith("short-term goal", StringComparison.Ordinal));
        Assert.DoesNotContain(suggestion.Reasons, r => r.EndsWith("long-term goal", StringComparison.Ordinal));
    }

    [Fact]
    public void Expertise_CommonWordsAlone_DoNotCount()
    {
        var needs = Needs(goals: new HorizonGoal(GoalHorizon.ShortTerm, "I would like to have more time with them"));

        var suggestion = MatchScoring.Score(needs, Mentor(expertise: "Would like more time with them"), OnlyExpertise);

        Assert.Equal(0, suggestion.Score);
    }

    [Fact]
    public void Expertise_WordFormsDiffer_StillMatch()
    {
        var needs = Needs(goals: new HorizonGoal(GoalHorizon.LongTerm, "Develop my leadership of teams"));

        var suggestion = MatchScoring.Score(needs, Mentor(expertise: "Leading clinical team development"), OnlyExpertise);

        Assert.Equal(100, suggestion.Score);
    }

    [Fact]
    public void DifferentBackground_ScoresWithItsReason()
    {
        var weights = new MatchingWeights(0, differentBackground: 5, 0, 0, 0);

        var different = MatchScoring.Score(Needs(background: "Hospital medicine"), Mentor(background: "General practice"), weights);
        var same = MatchScoring.Score(Needs(background: "Hospital medicine"), Mentor(background: "Hospital medicine"), weights);

        Assert.Equal(50, different.Score);
        Assert.Contains("Different background (General practice), often the most powerful choice", different.Reasons);
        Assert.Equal(0, same.Score);
        Assert.DoesNotContain(same.Reasons, r => r.StartsWith("Different background", StringComparison.Ordinal));
    }

    [Fact]
    public void SameRegion_ScoresWithItsReason()
    {
        var weights = new MatchingWeights(0, 0, sameRegion: 3, 0, 0);

        var near = MatchScoring.Score(Needs(region: "London"), Mentor(region: "London"), weights);
        var far = MatchScoring.Score(Needs(region: "London"), Mentor(region: "North West"), weights);

        Assert.Equal(30, near.Score);
        Assert.Contains("Same region (London)", near.Reasons);
        Assert.Equal(0, far.Score);
    }

    [Fact]
    public void MeetingMode_SharedPreference_Scores()
    {
        var weights = new MatchingWeights(0, 0, 0, meetingMode: 2, 0);

        var shared = MatchScoring.Score(Needs(modes: MeetingModes.Video), Mentor(modes: MeetingModes.Video | MeetingModes.Phone), weights);
        var notShared = MatchScoring.Score(Needs(modes: MeetingModes.Video), Mentor(modes: MeetingModes.FaceToFace), weights);
        var noPreference = MatchScoring.Score(Needs(modes: MeetingModes.None), Mentor(modes: MeetingModes.FaceToFace), weights);

        Assert.Equal(20, shared.Score);
        Assert.Contains("Meets the way the mentee prefers (video call)", shared.Reasons);
        Assert.Equal(0, notShared.Score);
        Assert.Equal(20, noPreference.Score);
    }

    [Theory]
    [InlineData(1, 10, "1 place free")]
    [InlineData(2, 20, "2 places free")]
    [InlineData(3, 30, "3 places free")]
    [InlineData(6, 30, "6 places free")]
    public void FreePlaces_CountUpToThree(int freePlaces, int expectedScore, string reason)
    {
        var weights = new MatchingWeights(0, 0, 0, 0, freePlaces: 3);

        var suggestion = MatchScoring.Score(Needs(), Mentor(freePlaces: freePlaces), weights);

        Assert.Equal(expectedScore, suggestion.Score);
        Assert.Contains(reason, suggestion.Reasons);
    }

    [Fact]
    public void Score_MaxScoreIsEveryWeightInFull()
    {
        var suggestion = MatchScoring.Score(Needs(), Mentor(), MatchingWeights.Default);

        Assert.Equal(MatchingWeights.Default.Total * MatchScoring.PointsPerWeight, suggestion.MaxScore);
    }

    [Fact]
    public void Exclusion_UnavailableMentor_IsNeverSuggested()
    {
        var ranking = MatchScoring.Rank(Needs(), [Mentor(id: 1, unavailable: "at full capacity (2 of 2 places used)"), Mentor(id: 2)], MatchingWeights.Default);

        Assert.Equal([2], ranking.Suggestions.Select(s => s.Mentor.MentorId));
        var exclusion = Assert.Single(ranking.Exclusions);
        Assert.Equal(1, exclusion.Mentor.MentorId);
        Assert.Equal("at full capacity (2 of 2 places used)", exclusion.Reason);
    }

    [Fact]
    public void Exclusion_CurrentOrPreviousMentor_IsNeverSuggested()
    {
        var ranking = MatchScoring.Rank(Needs(excluded: new HashSet<int> { 1 }), [Mentor(id: 1), Mentor(id: 2)], MatchingWeights.Default);

        Assert.Equal([2], ranking.Suggestions.Select(s => s.Mentor.MentorId));
        Assert.Equal("the mentee's current or previous mentor", Assert.Single(ranking.Exclusions).Reason);
    }

    [Fact]
    public void Exclusion_OwnOrganisation_OnlyWhenTheMenteeAsked()
    {
        var colleague = Mentor(id: 1, organisation: "  city hospital ");

        var asked = MatchScoring.WhyExcluded(Needs(organisation: "City Hospital", avoidOwnOrganisation: true), colleague);
        var notAsked = MatchScoring.WhyExcluded(Needs(organisation: "City Hospital", avoidOwnOrganisation: false), colleague);

        Assert.Equal("from the mentee's own organisation, which the mentee asked to avoid", asked);
        Assert.Null(notAsked);
    }

    [Fact]
    public void Exclusion_OwnOrganisation_MenteeWithoutOrganisation_ExcludesNobody()
    {
        Assert.Null(MatchScoring.WhyExcluded(Needs(organisation: null, avoidOwnOrganisation: true), Mentor(organisation: null)));
    }

    [Theory]
    [InlineData("Dr Ada Jones")]
    [InlineData("ada jones")]
    [InlineData("St Elsewhere")]
    public void Exclusion_DeclaredConflict_ByNameOrOrganisation(string conflict)
    {
        var whyNot = MatchScoring.WhyExcluded(Needs(conflicts: ["Someone else", conflict]), Mentor(name: "Dr Ada Jones", organisation: "St Elsewhere Hospital"));

        Assert.Equal($"the mentee declared a conflict (\u201c{conflict}\u201d)", whyNot);
    }

    [Fact]
    public void Exclusion_ConflictTooShortToMeanAnyone_IsIgnored()
    {
        Assert.Null(MatchScoring.WhyExcluded(Needs(conflicts: ["Jo"]), Mentor(name: "Dr Jo Jones")));
    }

    [Fact]
    public void Rank_OrdersByScoreThenFreePlacesThenName()
    {
        var needs = Needs(background: "Hospital medicine");
        var candidates = new[]
        {
            Mentor(id: 1, name: "Dr Same Background", background: "Hospital medicine", freePlaces: 3),
            Mentor(id: 2, name: "Dr Zed", background: "General practice", freePlaces: 1),
            Mentor(id: 3, name: "Dr Amy", background: "General practice", freePlaces: 1),
            Mentor(id: 4, name: "Dr Roomy", background: "General practice", freePlaces: 3),
        };

        var ranking = MatchScoring.Rank(needs, candidates, MatchingWeights.Default);

        Assert.Equal([4, 3, 2, 1], ranking.Suggestions.Select(s => s.Mentor.MentorId));
    }

    [Fact]
    public void Rank_SameInputs_SameRanking()
    {
        var needs = Needs(goals: new HorizonGoal(GoalHorizon.ShortTerm, "Clinical teaching"));
        var candidates = Enumerable.Range(1, 20).Select(i => Mentor(id: i, name: $"Dr {i % 7}", freePlaces: i % 4)).ToList();

        var first = MatchScoring.Rank(needs, candidates, MatchingWeights.Default);
        var second = MatchScoring.Rank(needs, candidates.AsEnumerable().Reverse(), MatchingWeights.Default);

        Assert.Equal(first.Suggestions.Select(s => s.Mentor.MentorId), second.Suggestions.Select(s => s.Mentor.MentorId));
    }
}
