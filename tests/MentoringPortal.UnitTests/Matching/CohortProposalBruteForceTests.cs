using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.UnitTests.Matching;

/// <summary>
/// A whole proposal against brute force over the public scoring: with the real scores, exclusions
/// and minimum score, no assignment matches more applicants, or the same number for a higher total.
/// </summary>
public sealed class CohortProposalBruteForceTests
{
    private static readonly string[] Words =
        ["leadership", "teaching", "research", "redesign", "service", "finance", "coaching", "governance", "digital", "policy"];

    private static readonly string[] Regions = ["London", "North", "Wales"];

    private static readonly string[] Backgrounds = ["Hospital medicine", "General practice", "Surgery"];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void RandomSmallCohorts_AreOptimal(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 100; round++)
        {
            var mentors = Enumerable.Range(1, random.Next(1, 5)).Select(id => new MatchCandidate(id, $"Mentor {id}", "Paediatrics",
                Pick(random, Regions), Pick(random, Backgrounds), $"Trust {random.Next(3)}", Text(random, 4), MeetingModes.Video,
                random.Next(0, 3), random.Next(6) == 0 ? "paused" : null)).ToList();
            var applicants = Enumerable.Range(1, random.Next(0, 6)).Select(id => new CohortApplicant(id, $"Applicant {id}", new MenteeNeeds(
                [new HorizonGoal(GoalHorizon.ShortTerm, Text(random, 2)), new HorizonGoal(GoalHorizon.LongTerm, Text(random, 2))],
                Pick(random, Regions), Pick(random, Backgrounds), $"Trust {random.Next(3)}", random.Next(2) == 0,
                random.Next(4) == 0 ? ["Mentor 1"] : [], MeetingModes.None, new HashSet<int>()))).ToList();
            var minimum = random.Next(0, 90);

            var proposal = CohortMatching.Propose(applicants, mentors, MatchingWeights.Default, minimum, CohortChoices.None);

            var best = BruteForce(applicants, mentors, minimum);
            Assert.Equal(best, (proposal.Pairs.Count, proposal.TotalScore));
            Assert.Equal(applicants.Count, proposal.ApplicantCount);
            Assert.All(proposal.Pairs, p => Assert.True(p.Suggestion.Score >= minimum));
            Assert.All(proposal.Pairs, p => Assert.Null(MatchScoring.WhyExcluded(p.Applicant.Needs, p.Suggestion.Mentor)));
            Assert.All(mentors, m => Assert.True(proposal.Pairs.Count(p => p.Suggestion.Mentor.MentorId == m.MentorId) <= m.FreePlaces));
        }
    }

    private static (int Count, int Total) BruteForce(List<CohortApplicant> applicants, List<MatchCandidate> mentors, int minimum)
    {
        var scores = applicants.Select(a => mentors.Select(m => MatchScoring.WhyExcluded(a.Needs, m) is null
            ? MatchScoring.Score(a.Needs, m, MatchingWeights.Default).Score
            : -1).ToArray()).ToArray();
        var used = new int[mentors.Count];
        var best = (Count: 0, Total: 0);

        void Visit(int i, int count, int total)
        {
            if (i == applicants.Count)
            {
                if (count > best.Count || (count == best.Count && total > best.Total))
                {
                    best = (count, total);
                }

                return;
            }

            Visit(i + 1, count, total);
            for (var j = 0; j < mentors.Count; j++)
            {
                if (scores[i][j] >= minimum && used[j] < mentors[j].FreePlaces)
                {
                    used[j]++;
                    Visit(i + 1, count + 1, total + scores[i][j]);
                    used[j]--;
                }
            }
        }

        Visit(0, 0, 0);
        return best;
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private static string Text(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(random, Words)));
}
