using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Web.Features.Admin.EvaluationReport;

/// <summary>The words a screen reader hears for each chart: what it shows and its main numbers (the table beside it has them all).</summary>
public static class ReportCharts
{
    public static string Averages(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var parts = summary.Ratings.Where(m => m.Figures.All is not null)
            .Select(m => $"{m.Name} {ReportNumbers.OneDecimal(m.Figures.All!.Average)}");
        return $"Bar chart of the average rating out of 5 for each benefit and overall satisfaction: {string.Join("; ", parts)}.";
    }

    public static string Distribution(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var satisfaction = summary.Ratings[^1].Figures.All;
        var most = satisfaction is null ? string.Empty
            : $" For overall satisfaction, {satisfaction.Distribution[3] + satisfaction.Distribution[4]} of {satisfaction.Responses} answered 4 or 5.";
        return "Stacked bar chart of how many answered 1, 2, 3, 4 and 5 for each benefit and overall satisfaction." + most;
    }

    public static string Recommendations(CountFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return $"Bar chart of whether people would recommend the scheme, {figures.Responses} answers: "
            + string.Join("; ", figures.Counts.Select(c => $"{c.Label} {c.Count}")) + ".";
    }

    public static string GoalProgress(IEnumerable<HorizonProgress> horizons)
    {
        ArgumentNullException.ThrowIfNull(horizons);
        var parts = horizons.Where(h => h.Figures is not null).Select(h =>
            $"{h.Horizon.Describe()}: {ReportNumbers.OneDecimal(h.Figures!.AverageStart)} at the start, {ReportNumbers.OneDecimal(h.Figures.AverageReview)} at the evaluation point");
        return "Bar chart of the mentees' average goal self-rating out of 5, at the start and at the evaluation point: " + string.Join("; ", parts) + ".";
    }

    public static string ExitReasons(CountFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return $"Bar chart of why pairings ended, {figures.Responses} answers: "
            + string.Join("; ", figures.Counts.Select(c => $"{c.Label} {c.Count}")) + ".";
    }
}
