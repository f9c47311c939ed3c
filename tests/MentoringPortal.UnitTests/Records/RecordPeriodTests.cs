using MentoringPortal.Domain.Records;

namespace MentoringPortal.UnitTests.Records;

/// <summary>The periods a mentor can choose for their record: the last 12 months, the NHS appraisal year (from 1 April), the last one, or everything.</summary>
public sealed class RecordPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void Last12Months_EndsTodayAndStartsTheDayAfterAYearAgo()
    {
        var period = RecordPeriod.For(RecordPeriod.Last12Months, Today)!;

        Assert.Equal(new DateOnly(2025, 12, 6), period.From);
        Assert.Equal(Today, period.To);
        Assert.Equal("6 December 2025 to 5 December 2026", period.Label);
    }

    [Fact]
    public void AppraisalYear_AfterApril_StartsOnTheFirstOfAprilThisYear() =>
        Assert.Equal(new DateOnly(2026, 4, 1), RecordPeriod.For(RecordPeriod.AppraisalYear, Today)!.From);

    [Fact]
    public void AppraisalYear_BeforeApril_StartsOnTheFirstOfAprilLastYear() =>
        Assert.Equal(new DateOnly(2026, 4, 1), RecordPeriod.For(RecordPeriod.AppraisalYear, new DateOnly(2027, 3, 31))!.From);

    [Fact]
    public void PreviousAppraisalYear_RunsFromAprilToMarch()
    {
        var period = RecordPeriod.For(RecordPeriod.PreviousAppraisalYear, Today)!;

        Assert.Equal(new DateOnly(2025, 4, 1), period.From);
        Assert.Equal(new DateOnly(2026, 3, 31), period.To);
    }

    [Fact]
    public void All_HasNoStart() => Assert.Null(RecordPeriod.For(RecordPeriod.All, Today)!.From);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("last-5-years")]
    public void For_AnUnknownKey_IsNull(string? key) => Assert.Null(RecordPeriod.For(key, Today));

    [Fact]
    public void Overlaps_APairingThatEndedBeforeThePeriod_False() =>
        Assert.False(RecordPeriod.For(RecordPeriod.Last12Months, Today)!.Overlaps(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 5)));

    [Fact]
    public void Overlaps_APairingThatEndedOnItsFirstDay_True() =>
        Assert.True(RecordPeriod.For(RecordPeriod.Last12Months, Today)!.Overlaps(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 6)));

    [Fact]
    public void Overlaps_AnOngoingPairingStartedBefore_True() =>
        Assert.True(RecordPeriod.For(RecordPeriod.Last12Months, Today)!.Overlaps(new DateOnly(2020, 1, 1), null));
}
