using System.Globalization;
using CsvHelper.Configuration.Attributes;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Web.Features.Admin.EvaluationReport;

/// <summary>One line of the CSV export: one measure for one group. Empty cells where a figure does not apply.</summary>
public sealed record EvaluationCsvRow(
    [property: Name("section")] string Section,
    [property: Name("measure")] string Measure,
    [property: Name("group")] string Group,
    [property: Name("responses")] int? Responses,
    [property: Name("average")] decimal? Average,
    [property: Name("count_1")] int? Count1,
    [property: Name("count_2")] int? Count2,
    [property: Name("count_3")] int? Count3,
    [property: Name("count_4")] int? Count4,
    [property: Name("count_5")] int? Count5,
    [property: Name("value")] string? Value);

/// <summary>
/// The report's aggregate numbers as CSV: the same figures and the same suppression as the page,
/// and nothing else — no names, no free text.
/// </summary>
public static class EvaluationReportCsv
{
    public const string MeetingRatingsSection = "Meeting ratings (1 to 5)";
    public const string MeetingRatingsMeasure = "How useful was the meeting?";

    public const string Header = "section,measure,group,responses,average,count_1,count_2,count_3,count_4,count_5,value";

    public static byte[] Write(ProgrammeEvaluation report)
    {
        return SafeCsv.Write(Rows(report));
    }

    public static IReadOnlyList<EvaluationCsvRow> Rows(ProgrammeEvaluation report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<EvaluationCsvRow>
        {
            Value("Report", "Programme", "All", report.Programme.Slug),
            Value("Report", "From", "All", report.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Value("Report", "To", "All", report.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };

        foreach (var rate in report.ResponseRates)
        {
            var section = "Response rate: " + rate.Kind.Describe().ToLowerInvariant();
            rows.Add(Value(section, "Invited", rate.Group, Number(rate.Invited)));
            rows.Add(Value(section, "Answered", rate.Group, Number(rate.Answered)));
            rows.Add(Value(section, "Response rate (%)", rate.Group, Number(ReportNumbers.TwoDecimals(rate.Percent))));
        }

        var summary = report.Summary;
        foreach (var measure in summary.Ratings)
        {
            Groups(measure.Figures, (group, figures) => rows.Add(figures is null
                ? Suppressed("Ratings (1 to 5)", measure.Name, group)
                : new EvaluationCsvRow("Ratings (1 to 5)", measure.Name, group, figures.Responses, ReportNumbers.TwoDecimals(figures.Average),
                    figures.Distribution[0], figures.Distribution[1], figures.Distribution[2], figures.Distribution[3], figures.Distribution[4],
                    null)));
        }

        Groups(summary.Recommendations, (group, figures) =>
        {
            if (figures is null)
            {
                rows.Add(Suppressed("Would recommend", "All answers", group));
                return;
            }

            rows.AddRange(figures.Counts.Select(c => Count("Would recommend", c.Label, group, figures.Responses, c.Count)));
        });

        foreach (var horizon in summary.GoalProgress)
        {
            var group = horizon.Horizon.Describe();
            if (horizon.Figures is not { } figures)
            {
                rows.Add(Suppressed("Goal progress", "All measures", group));
                continue;
            }

            rows.Add(Count("Goal progress", "Goals rated", group, figures.Responses, figures.Goals));
            rows.Add(Average("Goal progress", "Average rating at the start", group, figures.Responses, figures.AverageStart));
            rows.Add(Average("Goal progress", "Average rating at the evaluation point", group, figures.Responses, figures.AverageReview));
            rows.Add(Average("Goal progress", "Average change", group, figures.Responses, figures.AverageChange));
        }

        Groups(report.MeetingRatings.Usefulness, (group, figures) => rows.Add(figures is null
            ? Suppressed(MeetingRatingsSection, MeetingRatingsMeasure, group)
            : new EvaluationCsvRow(MeetingRatingsSection, MeetingRatingsMeasure, group, figures.Responses, ReportNumbers.TwoDecimals(figures.Average),
                figures.Distribution[0], figures.Distribution[1], figures.Distribution[2], figures.Distribution[3], figures.Distribution[4], null)));

        if (summary.ExitReasons is { } reasons)
        {
            rows.AddRange(reasons.Counts.Select(c => Count("Exit reasons", c.Label, "All", reasons.Responses, c.Count)));
        }
        else
        {
            rows.Add(Suppressed("Exit reasons", "All reasons", "All"));
        }

        var pairings = report.Pairings;
        rows.Add(Value("Pairings", "Started in the period", "All", Number(pairings.Started)));
        rows.Add(Value("Pairings", "Ended in the period (not reassigned)", "All", Number(pairings.Ended)));
        rows.Add(Value("Pairings", "Reassigned in the period", "All", Number(pairings.Reassigned)));
        rows.Add(Value("Pairings", "Active at some time in the period", "All", Number(pairings.ActiveInPeriod)));
        rows.Add(Value("Pairings", "Meetings held in the period", "All", Number(pairings.MeetingsHeld)));
        rows.Add(Value("Pairings", "Meetings held per active pairing", "All", Number(ReportNumbers.TwoDecimals(pairings.MeetingsPerPairing))));

        var wait = report.TimeToMatch;
        var means = report.TimeToMatchMeans;
        rows.Add(Value("Time to match (days)", "Matches in the period", means, Number(wait.Count)));
        rows.Add(Value("Time to match (days)", "Median", means, Number(ReportNumbers.TwoDecimals(wait.Median))));
        rows.Add(Value("Time to match (days)", "Average", means, Number(ReportNumbers.TwoDecimals(wait.Average))));
        return rows;
    }

    private static void Groups<T>(Breakdown<T> breakdown, Action<string, T?> add)
        where T : class
    {
        add("All", breakdown.All);
        if (breakdown.All is null)
        {
            return;
        }

        add("Mentees", breakdown.Mentees);
        add("Mentors", breakdown.Mentors);
    }

    private static string? Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    private static EvaluationCsvRow Value(string section, string measure, string group, string? value) =>
        new(section, measure, group, null, null, null, null, null, null, null, value);

    private static EvaluationCsvRow Count(string section, string measure, string group, int responses, int count) =>
        new(section, measure, group, responses, null, null, null, null, null, null, count.ToString(CultureInfo.InvariantCulture));

    private static EvaluationCsvRow Average(string section, string measure, string group, int responses, double? average) =>
        new(section, measure, group, responses, ReportNumbers.TwoDecimals(average), null, null, null, null, null, null);

    private static EvaluationCsvRow Suppressed(string section, string measure, string group) =>
        new(section, measure, group, null, null, null, null, null, null, null, EvaluationSummary.Suppressed);
}
