using System.Globalization;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Programmes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MentoringPortal.Web.Features.Admin.EvaluationReport;

/// <summary>The report's choices, as typed in the query string: a programme's short name and two dates (yyyy-MM-dd).</summary>
public sealed class EvaluationReportQuery
{
    public const string DateFormat = "yyyy-MM-dd";

    public string? Programme { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>
    /// The period asked for, or the last 12 months up to today when no dates are given. Errors go
    /// into <paramref name="modelState"/> beside the date they are about; the period is null then.
    /// </summary>
    public ReportPeriod? ReadPeriod(DateOnly today, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var from = ReadDate(From, nameof(From), "start", today.AddMonths(-12).AddDays(1), modelState);
        var to = ReadDate(To, nameof(To), "end", today, modelState);
        if (from is null || to is null)
        {
            return null;
        }

        if (from > to)
        {
            modelState.AddModelError(nameof(From), "The start date must be on or before the end date.");
            return null;
        }

        return new ReportPeriod(from.Value, to.Value);
    }

    private static DateOnly? ReadDate(string? text, string key, string which, DateOnly fallback, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            modelState.AddModelError(key, $"Enter the {which} date as year-month-day, for example 2026-01-31.");
            return null;
        }

        if (date.Year is < ReportPeriod.FirstYear or > ReportPeriod.LastYear)
        {
            modelState.AddModelError(key, $"Enter a {which} date between {ReportPeriod.FirstYear} and {ReportPeriod.LastYear}.");
            return null;
        }

        return date;
    }
}

/// <summary>Both dates included; times are UTC.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime EndExclusive => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public string Describe() => $"{From:d MMMM yyyy} to {To:d MMMM yyyy}";
}

public sealed record ReportProgramme(int Id, string Slug, string Name, MatchingMode MatchingMode, int EvaluationPointMonths);

/// <summary>How many were asked to answer a survey in the period, and how many have sent it.</summary>
public sealed record ResponseRate(SurveyKind Kind, string Group, int Invited, int Answered)
{
    public double? Percent => Invited == 0 ? null : 100.0 * Answered / Invited;
}

/// <summary>Facts about the programme's pairings in the period (no answers, so nothing is suppressed).</summary>
public sealed record PairingFigures(int Started, int Ended, int Reassigned, int ActiveInPeriod, int MeetingsHeld)
{
    public double? MeetingsPerPairing => ActiveInPeriod == 0 ? null : (double)MeetingsHeld / ActiveInPeriod;
}

/// <summary>Everything the report shows for one programme and period. It holds no name, email or pairing identifier.</summary>
public sealed record ProgrammeEvaluation(
    ReportProgramme Programme,
    ReportPeriod Period,
    IReadOnlyList<ResponseRate> ResponseRates,
    EvaluationSummary Summary,
    PairingFigures Pairings,
    Spread TimeToMatch,
    MeetingRatingSummary MeetingRatings)
{
    public string TimeToMatchMeans => Programme.MatchingMode == MatchingMode.SchemeMatches
        ? "From the application to the scheme's match"
        : "From the mentee's contact request to the mentor's acceptance";

    public string CsvFileName => $"evaluation-{Programme.Slug}-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv";

    public string CsvUrl => ReportUrl(".csv");

    public string ReportUrl(string suffix = "") =>
        $"/admin/reports/evaluation{suffix}?programme={Uri.EscapeDataString(Programme.Slug)}&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}";
}

public sealed record EvaluationReportViewModel(
    EvaluationReportQuery Query,
    IReadOnlyList<ReportProgramme> Programmes,
    ReportProgramme? Chosen,
    ProgrammeEvaluation? Report);

/// <summary>How numbers are written on the page and in the CSV: one decimal on the page, two in the file, always with a dot.</summary>
public static class ReportNumbers
{
    public static string OneDecimal(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–";

    public static string Percent(double? value) => value is null ? "–" : value.Value.ToString("0", CultureInfo.InvariantCulture) + "%";

    public static decimal? TwoDecimals(double? value) => value is null ? null : Math.Round((decimal)value.Value, 2, MidpointRounding.AwayFromZero);
}
