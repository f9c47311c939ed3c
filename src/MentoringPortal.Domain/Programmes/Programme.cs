namespace MentoringPortal.Domain.Programmes;

public sealed class Programme
{
    public const int DefaultMeetingCadenceWeeks = 8;
    public const int DefaultEvaluationPointMonths = 6;

    private Programme()
    {
        Name = string.Empty;
        Slug = string.Empty;
        Summary = string.Empty;
    }

    public Programme(string name, string slug, string summary, MatchingMode matchingMode,
        int meetingCadenceWeeks = DefaultMeetingCadenceWeeks,
        int evaluationPointMonths = DefaultEvaluationPointMonths,
        bool openForApplications = true)
    {
        Name = Guard.Text(name, "the programme's name", 120);
        Slug = Guard.Text(slug, "the programme's short name", 60);
        Summary = Guard.Text(summary, "a summary", 2000);
        MatchingMode = matchingMode;
        MeetingCadenceWeeks = meetingCadenceWeeks is >= 1 and <= 52
            ? meetingCadenceWeeks
            : throw new DomainRuleException("The meeting cadence must be between 1 and 52 weeks.");
        EvaluationPointMonths = evaluationPointMonths is >= 1 and <= 36
            ? evaluationPointMonths
            : throw new DomainRuleException("The evaluation point must be between 1 and 36 months.");
        OpenForApplications = openForApplications;
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

    public bool MenteesChooseTheirMentor => MatchingMode == MatchingMode.MenteeChooses;
}
