using MentoringPortal.Domain.Records;

namespace MentoringPortal.UnitTests.Records;

/// <summary>A mentor's record: pairings active in the period, meetings and hours held within it, totals, and mentees named only when they agreed.</summary>
public sealed class MentoringRecordTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly RecordPeriod Last12Months = RecordPeriod.For(RecordPeriod.Last12Months, Today)!;

    private static PairingFacts Pairing(string name, bool agreed, DateOnly started, DateOnly? ended, params (DateOnly On, int Minutes)[] meetings) =>
        new("Return to Training mentoring", name, agreed, started, ended, meetings.Select(m => new HeldMeeting(m.On, m.Minutes)).ToList());

    [Fact]
    public void Build_AMenteeWhoDidNotAgree_IsNumberedNotNamed()
    {
        var record = MentoringRecord.Build(Last12Months,
        [
            Pairing("Dr Ann Lee", agreed: false, new DateOnly(2026, 3, 2), null),
            Pairing("Dr Bo Kim", agreed: false, new DateOnly(2026, 5, 2), null),
        ]);

        Assert.Equal(["Mentee 1", "Mentee 2"], record.Pairings.Select(p => p.Mentee));
    }

    [Fact]
    public void Build_AMenteeWhoAgreed_IsNamed_AndOthersAreStillNumberedFromOne()
    {
        var record = MentoringRecord.Build(Last12Months,
        [
            Pairing("Dr Bo Kim", agreed: false, new DateOnly(2026, 5, 2), null),
            Pairing("Dr Ann Lee", agreed: true, new DateOnly(2026, 3, 2), null),
        ]);

        Assert.Equal(["Dr Ann Lee", "Mentee 1"], record.Pairings.Select(p => p.Mentee));
    }

    [Fact]
    public void Build_CountsOnlyMeetingsHeldWithinThePeriod()
    {
        var record = MentoringRecord.Build(Last12Months,
        [
            Pairing("A", false, new DateOnly(2025, 6, 1), null, (new DateOnly(2025, 7, 1), 60), (new DateOnly(2026, 1, 10), 90), (new DateOnly(2026, 11, 30), 45)),
        ]);

        var pairing = Assert.Single(record.Pairings);
        Assert.Equal(2, pairing.MeetingsHeld);
        Assert.Equal(135, pairing.Minutes);
        Assert.Equal("2 hours 15 minutes", pairing.Hours);
    }

    [Fact]
    public void Build_LeavesOutPairingsThatEndedBeforeThePeriod()
    {
        var record = MentoringRecord.Build(Last12Months,
        [
            Pairing("Old", false, new DateOnly(2024, 1, 1), new DateOnly(2025, 2, 1), (new DateOnly(2024, 2, 1), 60)),
            Pairing("New", false, new DateOnly(2026, 2, 1), null),
        ]);

        Assert.Equal(["Mentee 1"], record.Pairings.Select(p => p.Mentee));
        Assert.Equal("February 2026 – ongoing", record.Pairings[0].Months);
    }

    [Fact]
    public void Build_Totals_AddUpThePairings()
    {
        var record = MentoringRecord.Build(Last12Months,
        [
            Pairing("A", false, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 20), (new DateOnly(2026, 2, 1), 60), (new DateOnly(2026, 4, 1), 30)),
            Pairing("B", true, new DateOnly(2026, 3, 5), null, (new DateOnly(2026, 5, 1), 75)),
        ]);

        Assert.Equal(new RecordTotals(2, 3, 165), record.Totals);
        Assert.Equal("2 hours 45 minutes", record.Totals.Hours);
    }

    [Theory]
    [InlineData(2026, 3, 2, null, "March 2026 – ongoing")]
    [InlineData(2026, 3, 2, "2026-06-30", "March 2026 – June 2026")]
    public void Months_NamesTheStartAndEndMonths(int year, int month, int day, string? ended, string expected) =>
        Assert.Equal(expected, MentoringRecord.Months(new DateOnly(year, month, day), ended is null ? null : DateOnly.Parse(ended, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, "none")]
    [InlineData(45, "45 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(61, "1 hour 1 minute")]
    [InlineData(270, "4 hours 30 minutes")]
    public void DescribeMinutes_ReadsAsHoursAndMinutes(int minutes, string expected) => Assert.Equal(expected, MentoringRecord.DescribeMinutes(minutes));
}
