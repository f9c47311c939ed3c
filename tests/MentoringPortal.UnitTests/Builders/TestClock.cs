namespace MentoringPortal.UnitTests.Builders;

/// <summary>The fixed moment every test runs at, so rules about dates give the same answer on any day.</summary>
public static class TestClock
{
    public static DateTime Now { get; } = new(2025, 3, 10, 9, 30, 0, DateTimeKind.Utc);

    public static DateOnly Today { get; } = DateOnly.FromDateTime(Now);

    /// <summary>How long a contact request waits for an answer in these tests.</summary>
    public static TimeSpan RequestExpiry { get; } = TimeSpan.FromDays(14);
}
