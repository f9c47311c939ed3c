using System.Globalization;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>Meetings are entered and shown in UK time, and stored in UTC.</summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC moment of a UK date and time, or null when the clocks skip that time (spring forward).</summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(ToUk(utcNow));

    /// <summary>GMT or BST, whichever the UK clocks show at that moment.</summary>
    public static string ZoneName(DateTime utc) => Zone.IsDaylightSavingTime(ToUk(utc)) ? "BST" : "GMT";

    /// <summary>"3 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"3 March 2026": the UK date of a moment.</summary>
    public static string Date(DateTime utc) => Date(Today(utc));

    /// <summary>"17:00 GMT": the UK clock time of a moment, with the zone named.</summary>
    public static string Clock(DateTime utc) => string.Create(CultureInfo.InvariantCulture, $"{ToUk(utc):HH:mm} {ZoneName(utc)}");

    /// <summary>"3 March 2026 at 17:00 GMT (UK time)".</summary>
    public static string DescribeMoment(DateTime utc) =>
        string.Create(CultureInfo.InvariantCulture, $"{ToUk(utc):d MMMM yyyy 'at' HH:mm} {ZoneName(utc)} (UK time)");

    /// <summary>"Tuesday 3 March 2026, 17:00 to 18:00 GMT (UK time)".</summary>
    public static string Describe(DateTime startsAtUtc, DateTime endsAtUtc)
    {
        var start = ToUk(startsAtUtc);
        var end = ToUk(endsAtUtc);
        return string.Create(CultureInfo.InvariantCulture, $"{start:dddd d MMMM yyyy}, {start:HH:mm} to {end:HH:mm} {ZoneName(startsAtUtc)} (UK time)");
    }
}
