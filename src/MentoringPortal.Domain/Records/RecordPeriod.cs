using System.Globalization;

namespace MentoringPortal.Domain.Records;

/// <summary>The stretch of time a mentoring record covers, inclusive of both ends; <see cref="From"/> is null for "all".</summary>
public sealed record RecordPeriod(string Key, DateOnly? From, DateOnly To, string Label)
{
    public const string Last12Months = "last-12-months";
    public const string AppraisalYear = "appraisal-year";
    public const string PreviousAppraisalYear = "previous-appraisal-year";
    public const string All = "all";

    public static IReadOnlyList<(string Key, string Name)> Choices { get; } =
    [
        (Last12Months, "The last 12 months"),
        (AppraisalYear, "This appraisal year (from 1 April)"),
        (PreviousAppraisalYear, "The last appraisal year (1 April to 31 March)"),
        (All, "Everything"),
    ];

    /// <summary>The period a key names, as of the UK date <paramref name="today"/>; null for a key that names none.</summary>
    /// <remarks>NHS appraisal years run from 1 April to 31 March, so "this appraisal year" starts on the latest 1 April.</remarks>
    public static RecordPeriod? For(string? key, DateOnly today)
    {
        var appraisalYearStart = new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);
        return key switch
        {
            Last12Months => Between(key, today.AddYears(-1).AddDays(1), today),
            AppraisalYear => Between(key, appraisalYearStart, today),
            PreviousAppraisalYear => Between(key, appraisalYearStart.AddYears(-1), appraisalYearStart.AddDays(-1)),
            All => new RecordPeriod(key, null, today, string.Create(CultureInfo.InvariantCulture, $"All activity up to {today:d MMMM yyyy}")),
            _ => null,
        };
    }

    public bool Contains(DateOnly day) => (From is null || day >= From) && day <= To;

    /// <summary>Whether a pairing that ran from <paramref name="startedOn"/> to <paramref name="endedOn"/> (null: still running) was active at some point in the period.</summary>
    public bool Overlaps(DateOnly startedOn, DateOnly? endedOn) => startedOn <= To && (From is null || endedOn is null || endedOn >= From);

    private static RecordPeriod Between(string key, DateOnly from, DateOnly to) =>
        new(key, from, to, string.Create(CultureInfo.InvariantCulture, $"{from:d MMMM yyyy} to {to:d MMMM yyyy}"));
}
