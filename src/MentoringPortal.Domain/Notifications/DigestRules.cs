namespace MentoringPortal.Domain.Notifications;

/// <summary>One line of a digest: what happened (the email's subject) and where to see it.</summary>
public sealed record DigestLine(EmailKind Kind, string Summary, string Link, DateTime At);

/// <summary>The lines of one kind in a digest, in the order they happened.</summary>
public sealed record DigestGroup(EmailKind Kind, IReadOnlyList<DigestLine> Lines);

/// <summary>
/// When the daily digest goes and what it holds. The day is the UK day, so a person gets at most one digest between
/// one UK midnight and the next, whatever the clocks do; it goes from <see cref="SendFrom"/> UK time, morning reading.
/// </summary>
public static class DigestRules
{
    public static readonly TimeOnly SendFrom = new(7, 0);

    private static readonly TimeZoneInfo UkZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK day whose digest may go now, or null before <see cref="SendFrom"/> UK time.</summary>
    public static DateOnly? DueDay(DateTime utcNow)
    {
        var uk = TimeZoneInfo.ConvertTimeFromUtc(Guard.Utc(utcNow), UkZone);
        return TimeOnly.FromDateTime(uk) >= SendFrom ? DateOnly.FromDateTime(uk) : null;
    }

    /// <summary>Lines grouped by kind, kinds in the order of the settings page, each group oldest first.</summary>
    public static IReadOnlyList<DigestGroup> Group(IEnumerable<DigestLine> lines) =>
        [.. lines.GroupBy(line => line.Kind).OrderBy(group => group.Key)
            .Select(group => new DigestGroup(group.Key, [.. group.OrderBy(line => line.At)]))];
}
