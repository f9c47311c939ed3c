using System.Runtime.InteropServices;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Domain.Matching;

/// <summary>A waiting applicant in a cohort run.</summary>
public sealed record CohortApplicant(int ApplicationId, string Name, MenteeNeeds Needs);

/// <summary>An applicant and a mentor, as the administrator pins or drops them.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct CohortPairKey(int ApplicationId, int MentorId);

/// <summary>
/// What the administrator decided about the last proposal: pairs that must stay as they are, and
/// pairs that must not be proposed again.
/// </summary>
public sealed record CohortChoices(IReadOnlyCollection<CohortPairKey> Pinned, IReadOnlyCollection<CohortPairKey> Dropped)
{
    public static CohortChoices None { get; } = new([], []);
}

public sealed record CohortPair(CohortApplicant Applicant, Suggestion Suggestion, bool Pinned)
{
    public CohortPairKey Key => new(Applicant.ApplicationId, Suggestion.Mentor.MentorId);
}

public sealed record CohortUnmatched(CohortApplicant Applicant, string Reason);

/// <summary>A proposed set of pairings for a cohort: nothing is saved until the administrator confirms.</summary>
public sealed record CohortProposal(
    IReadOnlyList<CohortPair> Pairs,
    IReadOnlyList<CohortUnmatched> Unmatched,
    int MinimumScore,
    int MaxScore)
{
    public int TotalScore => Pairs.Sum(p => p.Suggestion.Score);

    public int ApplicantCount => Pairs.Count + Unmatched.Count;

    public double AverageScore => Pairs.Count == 0 ? 0 : (double)TotalScore / Pairs.Count;
}

/// <summary>
/// Whole-cohort matching: scores every waiting applicant against every mentor with the programme's
/// weights, leaves out hard exclusions, dropped pairs and pairs below the programme's minimum score,
/// keeps pinned pairs, and lets <see cref="CohortOptimiser"/> find the best assignment of the rest.
/// </summary>
public static class CohortMatching
{
    public static CohortProposal Propose(IReadOnlyList<CohortApplicant> applicants, IReadOnlyList<MatchCandidate> mentors,
        MatchingWeights weights, int minimumScore, CohortChoices choices,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        ArgumentNullException.ThrowIfNull(mentors);
        ArgumentNullException.ThrowIfNull(choices);
        var preparedMentors = mentors.Select(PreparedCandidate.From).ToList();
        var mentorIndex = preparedMentors.Select((m, i) => (m.Candidate.MentorId, i)).ToDictionary(x => x.MentorId, x => x.i);
        var freePlaces = mentors.Select(m => Math.Max(0, m.FreePlaces)).ToArray();
        var dropped = choices.Dropped.ToHashSet();
        var pinned = choices.Pinned.GroupBy(p => p.ApplicationId).ToDictionary(g => g.Key, g => g.Last().MentorId);

        var pairs = new List<CohortPair>();
        var toPlace = new List<(CohortApplicant Applicant, PreparedNeeds Needs)>();
        foreach (var applicant in applicants)
        {
            var needs = PreparedNeeds.From(applicant.Needs);
            if (pinned.TryGetValue(applicant.ApplicationId, out var mentorId))
            {
                pairs.Add(Pin(applicant, needs, mentorId, mentorIndex, preparedMentors, freePlaces, weights));
            }
            else
            {
                toPlace.Add((applicant, needs));
            }
        }

        var words = new GoalWordIndex(toPlace.Select(p => p.Needs), preparedMentors);
        var options = new List<IReadOnlyList<CohortOption>>(toPlace.Count);
        var why = new List<string?>(toPlace.Count);
        for (var i = 0; i < toPlace.Count; i++)
        {
            var (applicant, needs) = toPlace[i];
            cancellationToken.ThrowIfCancellationRequested();
            var own = new List<CohortOption>();
            var allowed = 0;
            var best = -1;
            for (var j = 0; j < preparedMentors.Count; j++)
            {
                var mentor = preparedMentors[j];
                if (freePlaces[j] == 0 || dropped.Contains(new CohortPairKey(applicant.ApplicationId, mentor.Candidate.MentorId))
                    || MatchScoring.WhyExcluded(needs, mentor) is not null)
                {
                    continue;
                }

                allowed++;
                var score = MatchScoring.Points(needs, mentor, weights, reasons: null, words.GoalsMatched(i, j));
                best = Math.Max(best, score);
                if (score >= minimumScore)
                {
                    own.Add(new CohortOption(j, score));
                }
            }

            options.Add(own);
            why.Add(allowed == 0
                ? "No mentor with a free place can be suggested for them (full, excluded or dropped)."
                : own.Count == 0
                    ? $"No mentor reaches the minimum score of {minimumScore} for them (the best would score {best})."
                    : null);
        }

        var assignment = CohortOptimiser.Solve(options, freePlaces, progress, cancellationToken);
        var unmatched = new List<CohortUnmatched>();
        for (var i = 0; i < toPlace.Count; i++)
        {
            var (applicant, needs) = toPlace[i];
            if (assignment[i] is int mentor)
            {
                pairs.Add(new CohortPair(applicant, MatchScoring.Score(needs, preparedMentors[mentor], weights), Pinned: false));
            }
            else
            {
                unmatched.Add(new CohortUnmatched(applicant, why[i]
                    ?? $"The {options[i].Count} mentor{(options[i].Count == 1 ? "" : "s")} who reach the minimum score for them are all needed by other applicants."));
            }
        }

        var order = applicants.Select((a, i) => (a.ApplicationId, i)).ToDictionary(x => x.ApplicationId, x => x.i);
        return new CohortProposal(
            pairs.OrderBy(p => order[p.Applicant.ApplicationId]).ToList(),
            unmatched,
            minimumScore,
            weights.Total * MatchScoring.PointsPerWeight);
    }

    private static CohortPair Pin(CohortApplicant applicant, PreparedNeeds needs, int mentorId, Dictionary<int, int> mentorIndex,
        List<PreparedCandidate> mentors, int[] freePlaces, MatchingWeights weights)
    {
        if (!mentorIndex.TryGetValue(mentorId, out var j))
        {
            throw new DomainRuleException($"{applicant.Name} was pinned to a mentor who no longer mentors in this programme. Unpin the pair and run again.");
        }

        var mentor = mentors[j];
        var whyNot = MatchScoring.WhyExcluded(needs, mentor);
        if (whyNot is not null)
        {
            throw new DomainRuleException($"{applicant.Name} cannot stay with {mentor.Candidate.Name}: {whyNot}. Unpin the pair and run again.");
        }

        if (freePlaces[j] == 0)
        {
            throw new DomainRuleException($"{mentor.Candidate.Name} has no free place left for {applicant.Name}. Unpin one of their pairs and run again.");
        }

        freePlaces[j]--;
        return new CohortPair(applicant, MatchScoring.Score(needs, mentor, weights), Pinned: true);
    }

    /// <summary>
    /// Every applicant is scored against every mentor, so the goals' words are numbered once and
    /// each mentor's experience becomes a set of bits: "does this mentor's experience match this
    /// goal" is then a few bit tests instead of string look-ups.
    /// </summary>
    private sealed class GoalWordIndex
    {
        private readonly int[][][] _goalWords;
        private readonly ulong[][] _mentorWords;

        public GoalWordIndex(IEnumerable<PreparedNeeds> applicants, List<PreparedCandidate> mentors)
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            _goalWords = applicants
                .Select(needs => needs.Goals
                    .Select(goal => goal.Stems.Select(stem => numbers.TryGetValue(stem, out var n) ? n : numbers[stem] = numbers.Count).ToArray())
                    .ToArray())
                .ToArray();
            _mentorWords = mentors
                .Select(mentor =>
                {
                    var bits = new ulong[(numbers.Count + 63) / 64];
                    foreach (var stem in mentor.ExpertiseWords.Keys)
                    {
                        if (numbers.TryGetValue(stem, out var n))
                        {
                            bits[n >> 6] |= 1UL << (n & 63);
                        }
                    }

                    return bits;
                })
                .ToArray();
        }

        public int GoalsMatched(int applicant, int mentor)
        {
            var bits = _mentorWords[mentor];
            var matched = 0;
            foreach (var goal in _goalWords[applicant])
            {
                foreach (var n in goal)
                {
                    if ((bits[n >> 6] & (1UL << (n & 63))) != 0)
                    {
                        matched++;
                        break;
                    }
                }
            }

            return matched;
        }
    }
}
