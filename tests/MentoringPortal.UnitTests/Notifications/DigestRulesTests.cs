using MentoringPortal.Domain.Notifications;

namespace MentoringPortal.UnitTests.Notifications;

public sealed class DigestRulesTests
{
    [Theory]
    [InlineData("2026-12-07T06:59:00Z", null)] // winter: UK time is UTC, before 07:00
    [InlineData("2026-12-07T07:00:00Z", "2026-12-07")]
    [InlineData("2026-07-06T05:59:00Z", null)] // summer: 06:59 BST
    [InlineData("2026-07-06T06:00:00Z", "2026-07-06")] // 07:00 BST
    [InlineData("2026-07-06T23:30:00Z", null)] // 00:30 BST on the 7th: a new UK day, not yet 07:00
    [InlineData("2026-12-07T23:30:00Z", "2026-12-07")]
    public void DueDay_IsTheUkDay_From0700UkTime(string utc, string? expected)
    {
        var now = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DigestRules.DueDay(now));
    }

    [Fact]
    public void Group_KindsInSettingsOrder_EachOldestFirst()
    {
        var at = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
        var groups = DigestRules.Group(
        [
            new DigestLine(EmailKind.SchemeNews, "News", "/me", at),
            new DigestLine(EmailKind.Messages, "Second message", "/pairings/1", at.AddHours(2)),
            new DigestLine(EmailKind.Messages, "First message", "/pairings/1", at),
            new DigestLine(EmailKind.Requests, "A request", "/mentor/requests", at.AddHours(5)),
        ]);

        Assert.Equal([EmailKind.Requests, EmailKind.Messages, EmailKind.SchemeNews], groups.Select(g => g.Kind));
        Assert.Equal(["First message", "Second message"], groups[1].Lines.Select(l => l.Summary));
    }

    [Fact]
    public void Group_Nothing_IsNoGroups()
    {
        Assert.Empty(DigestRules.Group([]));
    }
}
