namespace MentoringPortal.Domain.Programmes;

public sealed class Programme
{
    public const int DefaultMeetingCadenceWeeks = 8;
    public const int DefaultEvaluationPointMonths = 6;
    public const int DefaultMinimumMatchScore = 30;
    public const int DefaultProposalAnswerDays = 7;
    public const int MaxProposalAnswerDays = 30;
    public const int HighestMinimumMatchScore = MatchingWeights.Max * 5 * Matching.MatchScoring.PointsPerWeight;

    private Programme()
    {
        Name = string.Empty;
        Slug = string.Empty;
        Summary = string.Empty;
        Weights = MatchingWeights.Default;
        MinimumMatchScore = DefaultMinimumMatchScore;
        ProposalAnswerDays = DefaultProposalAnswerDays;
    }

    public Programme(string name, string slug, string summary, MatchingMode matchingMode,
        int meetingCadenceWeeks = DefaultMeetingCadenceWeeks,
        int evaluationPointMonths = DefaultEvaluationPointMonths,
        bool openForApplications = true)
        : this()
    {
        Slug = Guard.Text(slug, "the programme's short name", 60);
        Update(name, summary, matchingMode, meetingCadenceWeeks, evaluationPointMonths, openForApplications, trainingValidityMonths: null);
    }

    /// <summary>A URL-safe short name made from a programme's name: lower-case letters, digits and hyphens.</summary>
    public static string SlugFor(string name)
    {
        var words = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = string.Join('-', words);
        return slug.Length <= 60 ? slug : slug[..60].TrimEnd('-');
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Stable, URL-safe name used in links.</summary>
    public string Slug { get; private set; }

    public string Summary { get; private set; }

    public MatchingMode MatchingMode { get; private set; }

    public int MeetingCadenceWeeks { get; private set; }

    public int EvaluationPointMonths { get; private set; }

    public bool OpenForApplications { get; private set; }

    /// <summary>How long the scheme's mentor course counts before it must be renewed; null when it never expires.</summary>
    public int? TrainingValidityMonths { get; private set; }

    public MatchingWeights Weights { get; private set; }

    /// <summary>Whole-cohort matching leaves an applicant unmatched rather than give them a pairing that scores less.</summary>
    public int MinimumMatchScore { get; private set; }

    /// <summary>How many days a mentor has to accept or decline an applicant the scheme proposes to them.</summary>
    public int ProposalAnswerDays { get; private set; }

    public bool MenteesChooseTheirMentor => MatchingMode == MatchingMode.MenteeChooses;

    /// <summary>Mentees can apply to be matched: the scheme matches and the programme is open.</summary>
    public bool TakesApplications => MatchingMode == MatchingMode.SchemeMatches && OpenForApplications;

    public void Update(string name, string summary, MatchingMode matchingMode, int meetingCadenceWeeks, int evaluationPointMonths,
        bool openForApplications, int? trainingValidityMonths)
    {
        Name = Guard.Text(name, "the programme's name", 120);
        Summary = Guard.Text(summary, "a summary", 2000);
        MatchingMode = Enum.IsDefined(matchingMode) ? matchingMode : throw new DomainRuleException("Choose how mentees and mentors are matched.");
        MeetingCadenceWeeks = meetingCadenceWeeks is >= 1 and <= 52
            ? meetingCadenceWeeks
            : throw new DomainRuleException("The meeting cadence must be between 1 and 52 weeks.");
        EvaluationPointMonths = evaluationPointMonths is >= 1 and <= 36
            ? evaluationPointMonths
            : throw new DomainRuleException("The evaluation point must be between 1 and 36 months.");
        OpenForApplications = openForApplications;
        TrainingValidityMonths = trainingValidityMonths is null or (>= 1 and <= 120)
            ? trainingValidityMonths
            : throw new DomainRuleException("Training must stay valid for between 1 and 120 months, or leave it empty if it never expires.");
    }

    public void SetProposalAnswerDays(int days) =>
        ProposalAnswerDays = days is >= 1 and <= MaxProposalAnswerDays
            ? days
            : throw new DomainRuleException($"The days a mentor has to answer a proposal must be between 1 and {MaxProposalAnswerDays}.");

    public void SetWeights(MatchingWeights weights) => Weights = weights;

    public void SetMinimumMatchScore(int score) =>
        MinimumMatchScore = score is >= 0 and <= HighestMinimumMatchScore
            ? score
            : throw new DomainRuleException($"The minimum score must be between 0 and {HighestMinimumMatchScore}.");
}
