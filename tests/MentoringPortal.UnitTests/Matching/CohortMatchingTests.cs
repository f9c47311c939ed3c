using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.UnitTests.Matching;

/// <summary>Whole-cohort proposals: exclusions never used, drops never proposed, pins kept, the minimum score respected with a reason.</summary>
public sealed class CohortMatchingTests
{
    private static readonly MatchingWeights Weights = MatchingWeights.Default;

    private static MatchCandidate Mentor(int id, string name, int freePlaces = 1, string organisation = "County Hospital",
        string expertise = "Leadership and service redesign", string region = "London", string background = "International medical graduate") =>
        new(id, name, "Cardiology", region, background, organisation, expertise, MeetingModes.Video, freePlaces, Unavailable: null);

    private static CohortApplicant Applicant(int id, string goal = "Lead a service redesign", string organisation = "St Elsewhere Hospital",
        bool avoidOwnOrganisation = false, IReadOnlyList<string>? conflicts = null, string region = "London") =>
        new(id, $"Applicant {id}", new MenteeNeeds([new HorizonGoal(GoalHorizon.ShortTerm, goal)], region, "UK graduate, continuous training",
            organisation, avoidOwnOrganisation, conflicts ?? [], MeetingModes.None, new HashSet<int>()));

    [Fact]
    public void EveryoneFits_EveryoneIsMatched_WithinCapacity()
    {
        var proposal = CohortMatching.Propose([Applicant(1), Applicant(2), Applicant(3)], [Mentor(10, "Dr A", 2), Mentor(11, "Dr B", 1)],
            Weights, minimumScore: 0, CohortChoices.None);

        Assert.Equal(3, proposal.Pairs.Count);
        Assert.Empty(proposal.Unmatched);
        Assert.Equal(2, proposal.Pairs.Count(p => p.Suggestion.Mentor.MentorId == 10));
        Assert.Equal([1, 2, 3], proposal.Pairs.Select(p => p.Applicant.ApplicationId));
        Assert.Equal(proposal.Pairs.Sum(p => p.Suggestion.Score), proposal.TotalScore);
        Assert.All(proposal.Pairs, p => Assert.NotEmpty(p.Suggestion.Reasons));
    }

    [Fact]
    public void HardExclusions_AreNeverUsed_EvenWhenThatLeavesSomeoneUnmatched()
    {
        var colleague = Mentor(10, "Dr Same Trust", organisation: "St Elsewhere Hospital");
        var conflicted = Mentor(11, "Dr Declared Conflict");
        var applicant = Applicant(1, avoidOwnOrganisation: true, conflicts: ["Declared Conflict"]);

        var proposal = CohortMatching.Propose([applicant], [colleague, conflicted], Weights, minimumScore: 0, CohortChoices.None);

        Assert.Empty(proposal.Pairs);
        var unmatched = Assert.Single(proposal.Unmatched);
        Assert.Contains("No mentor with a free place can be suggested", unmatched.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DroppedPair_IsNeverProposed()
    {
        var proposal = CohortMatching.Propose([Applicant(1)], [Mentor(10, "Dr Best", 3), Mentor(11, "Dr Other", 1, expertise: "Teaching")],
            Weights, minimumScore: 0, new CohortChoices([], [new CohortPairKey(1, 10)]));

        Assert.Equal(11, Assert.Single(proposal.Pairs).Suggestion.Mentor.MentorId);
    }

    [Fact]
    public void PinnedPair_IsKept_AndTakesItsPlace()
    {
        // Without the pin, applicant 2 would get Dr Best (the better fit for both, one place).
        var mentors = new[] { Mentor(10, "Dr Best", 1), Mentor(11, "Dr Other", 1, expertise: "Teaching", region: "Wales") };
        var applicants = new[] { Applicant(1, goal: "Teaching"), Applicant(2) };

        var proposal = CohortMatching.Propose(applicants, mentors, Weights, minimumScore: 0, new CohortChoices([new CohortPairKey(1, 10)], []));

        var pinned = Assert.Single(proposal.Pairs, p => p.Pinned);
        Assert.Equal(new CohortPairKey(1, 10), pinned.Key);
        Assert.Equal(11, Assert.Single(proposal.Pairs, p => p.Applicant.ApplicationId == 2).Suggestion.Mentor.MentorId);
    }

    [Fact]
    public void PinToAnExcludedOrFullMentor_IsRefusedInWords()
    {
        var colleague = Mentor(10, "Dr Same Trust", organisation: "St Elsewhere Hospital");
        var excluded = Assert.Throws<DomainRuleException>(() => CohortMatching.Propose([Applicant(1, avoidOwnOrganisation: true)], [colleague],
            Weights, 0, new CohortChoices([new CohortPairKey(1, 10)], [])));
        Assert.Contains("cannot stay with Dr Same Trust", excluded.Message, StringComparison.Ordinal);

        var full = Assert.Throws<DomainRuleException>(() => CohortMatching.Propose([Applicant(1), Applicant(2)], [Mentor(10, "Dr One Place")],
            Weights, 0, new CohortChoices([new CohortPairKey(1, 10), new CohortPairKey(2, 10)], [])));
        Assert.Contains("no free place left", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimumScore_LeavesSomeoneUnmatched_WithTheReason()
    {
        var mentor = Mentor(10, "Dr Far Away", 2, expertise: "Radiology", region: "Scotland", background: "UK graduate, continuous training");
        var best = MatchScoring.Score(Applicant(1).Needs, mentor, Weights).Score;

        var proposal = CohortMatching.Propose([Applicant(1)], [mentor], Weights, minimumScore: best + 1, CohortChoices.None);

        Assert.Empty(proposal.Pairs);
        Assert.Equal($"No mentor reaches the minimum score of {best + 1} for them (the best would score {best}).",
            Assert.Single(proposal.Unmatched).Reason);
    }

    [Fact]
    public void NotEnoughPlaces_TheOneLeftOutIsToldTheMentorsAreNeeded()
    {
        var proposal = CohortMatching.Propose([Applicant(1), Applicant(2)], [Mentor(10, "Dr Only")], Weights, 0, CohortChoices.None);

        Assert.Single(proposal.Pairs);
        Assert.Contains("needed by other applicants", Assert.Single(proposal.Unmatched).Reason, StringComparison.Ordinal);
    }
}
