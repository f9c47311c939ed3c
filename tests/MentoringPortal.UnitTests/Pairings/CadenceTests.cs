using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Pairings;

/// <summary>A pairing is overdue when it has not met, or planned to meet, within the cadence; reminded once per spell.</summary>
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
    public void IsOverdue_MeetingPlannedAhead_False()
    {
        _pairing.PlanMeeting(WeeksLater(9), 60, MeetingModes.FaceToFace, "Library");

        Assert.False(_pairing.IsOverdue(WeeksLater(8.5), Cadence));
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
