using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Domain.Matching;

/// <summary>The facts about a mentor that matching reads.</summary>
public sealed record MatchCandidate(
    int MentorId,
    string Name,
    string Specialty,
    string Region,
    string Background,
    string? Organisation,
    string Expertise,
    MeetingModes Modes,
    int FreePlaces,
    string? Unavailable)
{
    public static MatchCandidate From(Mentor mentor, DateOnly today) =>
        new(mentor.Id, mentor.DisplayName, mentor.Specialty, mentor.Region, mentor.Background, mentor.Organisation,
            mentor.Expertise, mentor.MeetingModes, mentor.FreePlaces, mentor.WhyNotMatchable(today));
}

/// <summary>The facts about a mentee that matching reads.</summary>
public sealed record MenteeNeeds(
    IReadOnlyList<HorizonGoal> Goals,
    string? Region,
    string? Background,
    string? Organisation,
    bool AvoidOwnOrganisation,
    IReadOnlyList<string> Conflicts,
    MeetingModes PreferredModes,
    IReadOnlySet<int> ExcludedMentorIds)
{
    /// <summary>Mentors who declined this application when the scheme proposed it, or let the proposal lapse.</summary>
    public IReadOnlySet<int> PassedOverBy { get; init; } = new HashSet<int>();

    /// <summary>
    /// Reads a mentee's open goals and, for a reassignment, the mentors they have had in the
    /// programme. Load the mentee's goals and pairings first.
    /// </summary>
    public static MenteeNeeds For(Mentee mentee, int programmeId, MeetingModes preferredModes, bool avoidOwnOrganisation,
        IReadOnlyList<string> conflicts, bool excludeCurrentAndPreviousMentors)
    {
        var goals = mentee.Goals.Where(g => g.Status == GoalStatus.Open)
            .OrderBy(g => g.Horizon).ThenBy(g => g.CreatedAt)
            .Select(g => new HorizonGoal(g.Horizon, g.Description))
            .ToList();
        var excluded = excludeCurrentAndPreviousMentors
            ? mentee.Pairings.Where(m => m.ProgrammeId == programmeId).Select(m => m.MentorId).ToHashSet()
            : [];
        return new MenteeNeeds(goals, mentee.Region, mentee.Background, mentee.Organisation, avoidOwnOrganisation, conflicts,
            preferredModes, excluded);
    }
}

public sealed record HorizonGoal(GoalHorizon Horizon, string Description);

/// <summary>A mentor the scheme could match, with the score's parts in plain words.</summary>
public sealed record Suggestion(MatchCandidate Mentor, int Score, int MaxScore, IReadOnlyList<string> Reasons);

/// <summary>A mentor who must never be suggested for this mentee, and why (for tests and logs, not shown as a choice).</summary>
public sealed record Exclusion(MatchCandidate Mentor, string Reason);

public sealed record MatchRanking(IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<Exclusion> Exclusions);

/// <summary>
/// Ranks mentors for a mentee. A pure function of its inputs: the same facts and weights always
/// give the same ranking, so it can be tested reason by reason and reused by cohort matching.
/// Each kind of fit scores from 0 to 1, multiplied by its weight and by 10.
/// </summary>
public static class MatchScoring
{
    public const int PointsPerWeight = 10;

    /// <summary>Free places count up to this many; beyond it every mentor is equally roomy.</summary>
    private const int FreePlacesThatCount = 3;

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "also", "back", "become", "being", "better", "build", "come", "could", "doing", "from",
        "gain", "get", "good", "have", "help", "into", "just", "know", "like", "make", "more", "most", "much", "need", "other",
        "over", "own", "really", "some", "such", "take", "than", "that", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "time", "want", "well", "were", "what", "when", "where", "which", "while", "will", "with",
        "work", "would", "year", "years", "your", "able", "feel", "next", "plan", "role", "ways", "within",
    };

    public static MatchRanking Rank(MenteeNeeds needs, IEnumerable<MatchCandidate> candidates, MatchingWeights weights)
    {
        var suggestions = new List<Suggestion>();
        var exclusions = new List<Exclusion>();
        var mentee = PreparedNeeds.From(needs);
        foreach (var candidate in candidates)
        {
            var mentor = PreparedCandidate.From(candidate);
            var whyNot = WhyExcluded(mentee, mentor);
            if (whyNot is null)
            {
                suggestions.Add(Score(mentee, mentor, weights));
            }
            else
            {
                exclusions.Add(new Exclusion(candidate, whyNot));
            }
        }

        var ranked = suggestions
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Mentor.FreePlaces)
            .ThenBy(s => s.Mentor.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Mentor.MentorId)
            .ToList();
        return new MatchRanking(ranked, exclusions);
    }

    /// <summary>The hard exclusion that applies to this mentor, or null when the mentor may be suggested.</summary>
    public static string? WhyExcluded(MenteeNeeds needs, MatchCandidate candidate) =>
        WhyExcluded(PreparedNeeds.From(needs), PreparedCandidate.From(candidate));

    public static Suggestion Score(MenteeNeeds needs, MatchCandidate candidate, MatchingWeights weights) =>
        Score(PreparedNeeds.From(needs), PreparedCandidate.From(candidate), weights);

    internal static string? WhyExcluded(PreparedNeeds mentee, PreparedCandidate mentor)
    {
        var needs = mentee.Needs;
        var candidate = mentor.Candidate;
        if (candidate.Unavailable is not null)
        {
            return candidate.Unavailable;
        }

        if (needs.ExcludedMentorIds.Contains(candidate.MentorId))
        {
            return "the mentee's current or previous mentor";
        }

        if (needs.PassedOverBy.Contains(candidate.MentorId))
        {
            return "already proposed for this applicant, and declined or did not answer in time";
        }

        if (needs.AvoidOwnOrganisation && mentee.Organisation.Length > 0
            && string.Equals(mentee.Organisation, mentor.Organisation, StringComparison.Ordinal))
        {
            return "from the mentee's own organisation, which the mentee asked to avoid";
        }

        for (var i = 0; i < mentee.Conflicts.Count; i++)
        {
            var declared = mentee.Conflicts[i];
            if (declared.Length >= 3
                && (mentor.Name.Contains(declared, StringComparison.Ordinal) || mentor.Organisation.Contains(declared, StringComparison.Ordinal)))
            {
                return $"the mentee declared a conflict (\u201c{needs.Conflicts[i].Trim()}\u201d)";
            }
        }

        return null;
    }

    internal static Suggestion Score(PreparedNeeds mentee, PreparedCandidate mentor, MatchingWeights weights)
    {
        var reasons = new List<string>();
        var score = Points(mentee, mentor, weights, reasons);
        return new Suggestion(mentor.Candidate, score, weights.Total * PointsPerWeight, reasons);
    }

    /// <summary>
    /// The score, and its reasons in plain words when <c>reasons</c> is given. Cohort matching
    /// scores every applicant against every mentor, so it asks for the number alone and passes
    /// <c>goalsMatched</c>, how many goals the mentor's experience matches, worked out its own faster way.
    /// </summary>
    internal static int Points(PreparedNeeds mentee, PreparedCandidate mentor, MatchingWeights weights, List<string>? reasons,
        int? goalsMatched = null)
    {
        var needs = mentee.Needs;
        var candidate = mentor.Candidate;
        var points = 0.0;

        if (goalsMatched is null)
        {
            goalsMatched = 0;
            foreach (var goal in mentee.Goals)
            {
                var shared = goal.Stems.Where(mentor.ExpertiseWords.ContainsKey).Select(stem => mentor.ExpertiseWords[stem]).ToList();
                if (shared.Count > 0)
                {
                    goalsMatched++;
                    reasons?.Add($"Experience in {string.Join(", ", shared.Take(3))} matches the {HorizonName(goal.Horizon)} goal");
                }
            }
        }

        var horizons = mentee.Goals.Count;
        if (horizons > 0)
        {
            points += weights.Expertise * (double)goalsMatched.Value / horizons;
        }

        if (!string.IsNullOrWhiteSpace(needs.Background)
            && !string.Equals(needs.Background, candidate.Background, StringComparison.OrdinalIgnoreCase))
        {
            points += weights.DifferentBackground;
            reasons?.Add($"Different background ({candidate.Background}), often the most powerful choice");
        }

        if (!string.IsNullOrWhiteSpace(needs.Region) && string.Equals(needs.Region, candidate.Region, StringComparison.OrdinalIgnoreCase))
        {
            points += weights.SameRegion;
            reasons?.Add($"Same region ({candidate.Region})");
        }

        var sharedModes = needs.PreferredModes == MeetingModes.None ? candidate.Modes : candidate.Modes & needs.PreferredModes;
        if (sharedModes != MeetingModes.None)
        {
            points += weights.MeetingMode;
            reasons?.Add(needs.PreferredModes == MeetingModes.None
                ? "No preferred way of meeting, so any suits"
                : $"Meets the way the mentee prefers ({sharedModes.Describe().ToLowerInvariant()})");
        }

        if (candidate.FreePlaces > 0)
        {
            points += weights.FreePlaces * (double)Math.Min(candidate.FreePlaces, FreePlacesThatCount) / FreePlacesThatCount;
            reasons?.Add(candidate.FreePlaces == 1 ? "1 place free" : $"{candidate.FreePlaces} places free");
        }

        return (int)Math.Round(points * PointsPerWeight, MidpointRounding.AwayFromZero);
    }

    private static string HorizonName(GoalHorizon horizon) => horizon switch
    {
        GoalHorizon.ShortTerm => "short-term",
        GoalHorizon.MediumTerm => "medium-term",
        _ => "long-term",
    };

    /// <summary>Lower-case letters and digits, single-spaced: "Dr  A. Smith" and "dr a smith" are the same.</summary>
    internal static string Normalised(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var letters = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Significant words, crudely stemmed so that "teams" meets "team" and "leading" meets "leadership".</summary>
    /// <returns>Each stem with the first word of the text it came from.</returns>
    internal static Dictionary<string, string> Words(string text)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in Normalised(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 4 && !CommonWords.Contains(word))
            {
                words.TryAdd(Stem(word), word);
            }
        }

        return words;
    }

    private static string Stem(string word)
    {
        foreach (var suffix in new[] { "ership", "ing", "ment", "ed", "es", "s" })
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}

/// <summary>A mentee's needs with the words and names matching compares worked out once.</summary>
internal sealed record PreparedNeeds(
    MenteeNeeds Needs,
    IReadOnlyList<(GoalHorizon Horizon, IReadOnlyCollection<string> Stems)> Goals,
    string Organisation,
    IReadOnlyList<string> Conflicts)
{
    public static PreparedNeeds From(MenteeNeeds needs) =>
        new(needs,
            needs.Goals.Select(g => (g.Horizon, (IReadOnlyCollection<string>)MatchScoring.Words(g.Description).Keys)).ToList(),
            MatchScoring.Normalised(needs.Organisation),
            needs.Conflicts.Select(MatchScoring.Normalised).ToList());
}

/// <summary>A mentor's facts with the words and names matching compares worked out once.</summary>
internal sealed record PreparedCandidate(
    MatchCandidate Candidate,
    Dictionary<string, string> ExpertiseWords,
    string Name,
    string Organisation)
{
    public static PreparedCandidate From(MatchCandidate candidate) =>
        new(candidate,
            MatchScoring.Words(candidate.Expertise + " " + candidate.Specialty),
            MatchScoring.Normalised(candidate.Name),
            MatchScoring.Normalised(candidate.Organisation));
}
