using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Pairings;

/// <summary>A pairing is overdue when it has not held a meeting within the cadence (a later planned meeting does not count); reminded once per spell.</summary>
public sealed class CadenceTests
{
    private const int Cadence = 8;
    private readonly Pairing _pairing;

    public CadenceTests()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        _pairing = mentee.PairWith(mentor, programme, TestClock.Now).Pairing;
    }

    private static DateTime WeeksLater(double weeks) => TestClock.Now.AddDays(7 * weeks);

    [Fact]
    public void IsOverdue_WithinCadenceOfStart_False() => Assert.False(_pairing.IsOverdue(WeeksLater(7.9), Cadence));

    [Fact]
    public void IsOverdue_PastCadenceWithNoMeeting_True() => Assert.True(_pairing.IsOverdue(WeeksLater(8.1), Cadence));

    [Fact]
    public void IsOverdue_SeventeenWeeksWithoutAHeldMeeting_AMeetingPlannedInTenWeeks_True()
    {
        // The case: a meeting planned far ahead does not keep the pairing on track.
        _pairing.PlanMeeting(WeeksLater(27), 60, MeetingModes.FaceToFace, "Library");

        Assert.True(_pairing.IsOverdue(WeeksLater(17), Cadence));
    }

    [Fact]
    public void IsOverdue_WindowClosed_AMeetingPlannedForTomorrow_StillTrue()
    {
        _pairing.PlanMeeting(WeeksLater(8.6), 60, MeetingModes.FaceToFace, "Library");

        Assert.True(_pairing.IsOverdue(WeeksLater(8.5), Cadence));
    }

    [Fact]
    public void IsOverdue_PlannedWithinTheWindow_OnTrackWhileOpen_OverdueOnceItPassesUnlogged()
    {
        _pairing.PlanMeeting(WeeksLater(7), 60, MeetingModes.FaceToFace, "Library");

        Assert.False(_pairing.IsOverdue(WeeksLater(7.5), Cadence));
        Assert.True(_pairing.IsOverdue(WeeksLater(8.1), Cadence));
    }

    [Fact]
    public void IsOverdue_PlannedMeetingLoggedAsHeld_BackOnTrack()
    {
        var meeting = _pairing.PlanMeeting(WeeksLater(7), 60, MeetingModes.FaceToFace, "Library");
        meeting.LogAsHeld(null, WeeksLater(8.5));

        Assert.False(_pairing.IsOverdue(WeeksLater(8.5), Cadence));
        Assert.True(_pairing.IsOverdue(WeeksLater(15.1), Cadence));
    }

    [Fact]
    public void IsOverdue_PastMeetingLoggedAfterwards_CountsFromWhenTheyMet()
    {
        _pairing.LogPastMeeting(WeeksLater(6), 60, MeetingModes.Phone, null, WeeksLater(9));

        Assert.False(_pairing.IsOverdue(WeeksLater(9), Cadence));
        Assert.True(_pairing.IsOverdue(WeeksLater(14.1), Cadence));
    }

    [Fact]
    public void IsOverdue_QueryFacts_AgreeWithTheEntity()
    {
        var held = _pairing.PlanMeeting(WeeksLater(3), 60, MeetingModes.FaceToFace, null);
        held.LogAsHeld(null, WeeksLater(3.1));
        _pairing.PlanMeeting(WeeksLater(20), 60, MeetingModes.Video, null);

        foreach (var weeks in new[] { 5.0, 10.9, 11.1, 19.0, 30.0 })
        {
            Assert.Equal(_pairing.IsOverdue(WeeksLater(weeks), Cadence),
                Pairing.IsOverdue(TestClock.Now, held.StartsAt, WeeksLater(weeks), Cadence));
        }
    }

    [Fact]
    public void MeetingDueBy_IsTheLastHeldMeetingOrTheStartPlusTheCadence()
    {
        Assert.Equal(WeeksLater(8), _pairing.MeetingDueBy(Cadence));

        _pairing.LogPastMeeting(WeeksLater(2), 60, MeetingModes.Phone, null, WeeksLater(3));

        Assert.Equal(WeeksLater(10), _pairing.MeetingDueBy(Cadence));
    }

    [Fact]
    public void IsOverdue_CountsFromLastMeetingHeld()
    {
        var meeting = _pairing.PlanMeeting(WeeksLater(6), 60, MeetingModes.FaceToFace, null);
        meeting.LogAsHeld(null, WeeksLater(6.1));

        Assert.False(_pairing.IsOverdue(WeeksLater(13), Cadence));
        Assert.True(_pairing.IsOverdue(WeeksLater(14.1), Cadence));
    }

    [Fact]
    public void IsOverdue_CancelledMeetingDoesNotCount()
    {
        _pairing.PlanMeeting(WeeksLater(9), 60, MeetingModes.FaceToFace, null).Cancel(WeeksLater(8.2));

        Assert.True(_pairing.IsOverdue(WeeksLater(8.5), Cadence));
    }

    [Fact]
    public void NeedsCadenceReminder_OncePerOverdueSpell()
    {
        Assert.True(_pairing.NeedsCadenceReminder(WeeksLater(8.1), Cadence));
        _pairing.RecordCadenceReminder(WeeksLater(8.1));

        Assert.False(_pairing.NeedsCadenceReminder(WeeksLater(9), Cadence));
        Assert.False(_pairing.NeedsCadenceReminder(WeeksLater(20), Cadence));
    }

    [Fact]
    public void NeedsCadenceReminder_AfterMeetingAndFallingBehindAgain_True()
    {
        _pairing.RecordCadenceReminder(WeeksLater(8.1));
        var meeting = _pairing.PlanMeeting(WeeksLater(9), 60, MeetingModes.FaceToFace, null);
        meeting.LogAsHeld(null, WeeksLater(9.1));

        Assert.False(_pairing.NeedsCadenceReminder(WeeksLater(16), Cadence));
        Assert.True(_pairing.NeedsCadenceReminder(WeeksLater(17.1), Cadence));
    }

    [Fact]
    public void IsOverdue_EndedPairing_False()
    {
        _pairing.End(EndReason.GoalsMet, null, null, WeeksLater(1));

        Assert.False(_pairing.IsOverdue(WeeksLater(20), Cadence));
    }
}
