using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Meetings;

/// <summary>The rules the meeting pages ask the domain: which meeting is the initial one, and when one can be logged as held.</summary>
public sealed class MeetingWorkflowRulesTests
{
    private readonly Pairing _pairing;

    public MeetingWorkflowRulesTests()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        _pairing = new MenteeBuilder().InProgramme(programme).Build().PairWith(mentor, programme, TestClock.Now).Pairing;
    }

    [Fact]
    public void NextMeetingIsInitial_NoMeetingYet_IsTrue() => Assert.True(_pairing.NextMeetingIsInitial);

    [Fact]
    public void NextMeetingIsInitial_AfterAPlannedMeeting_IsFalse()
    {
        _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, location: null);

        Assert.False(_pairing.NextMeetingIsInitial);
    }

    [Fact]
    public void NextMeetingIsInitial_EveryMeetingCancelled_IsTrueAgain()
    {
        var first = _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, location: null);
        first.Cancel(TestClock.Now);

        Assert.True(_pairing.NextMeetingIsInitial);
        Assert.True(_pairing.PlanMeeting(TestClock.Now.AddDays(8), 60, MeetingModes.FaceToFace, location: null).IsInitial);
    }

    [Fact]
    public void InitialMeeting_IsTheEarliestPlanned_UntilOneIsHeld()
    {
        var later = _pairing.PlanMeeting(TestClock.Now.AddDays(14), 60, MeetingModes.FaceToFace, location: null);
        var sooner = _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, location: null);

        Assert.Same(sooner, _pairing.InitialMeeting);
        Assert.True(later.IsInitial, "Planned first, so planned as the initial one.");
    }

    [Fact]
    public void InitialMeeting_IsTheFirstHeld_NotTheOnePlannedFirst()
    {
        var plannedFirst = _pairing.PlanMeeting(TestClock.Now.AddDays(14), 60, MeetingModes.FaceToFace, location: null);
        var heldFirst = _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, location: null);
        heldFirst.MarkHeld(heldFirst.EndsAt);

        Assert.Same(heldFirst, _pairing.InitialMeeting);
        Assert.NotSame(plannedFirst, _pairing.InitialMeeting);
    }

    [Fact]
    public void InitialMeeting_NoneWhenEveryMeetingIsCancelled()
    {
        _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, location: null).Cancel(TestClock.Now);

        Assert.Null(_pairing.InitialMeeting);
    }

    [Fact]
    public void CanBeLoggedAsHeld_BeforeItStarts_IsFalse()
    {
        var meeting = _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.Video, location: null);

        Assert.False(meeting.CanBeLoggedAsHeld(meeting.StartsAt.AddMinutes(-1)));
    }

    [Fact]
    public void CanBeLoggedAsHeld_FromItsStart_IsTrue()
    {
        var meeting = _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.Video, location: null);

        Assert.True(meeting.CanBeLoggedAsHeld(meeting.StartsAt));
    }

    [Fact]
    public void CanBeLoggedAsHeld_Cancelled_IsFalse()
    {
        var meeting = _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.Video, location: null);
        meeting.Cancel(TestClock.Now);

        Assert.False(meeting.CanBeLoggedAsHeld(meeting.StartsAt.AddHours(1)));
    }
}
