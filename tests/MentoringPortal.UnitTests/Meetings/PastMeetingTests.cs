using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Meetings;

/// <summary>Logging a meeting that already happened, and answering "Did this meeting happen?" with no.</summary>
public sealed class PastMeetingTests
{
    private static readonly DateTime Later = TestClock.Now.AddDays(20);

    [Fact]
    public void LogPastMeeting_IsHeldInOneStep_WithTheAgreedActions()
    {
        var pairing = NewPairing.Start();

        var meeting = pairing.LogPastMeeting(TestClock.Now.AddDays(5), 45, MeetingModes.Video, "  Read the return-to-work guide.  ", Later);

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal(TestClock.Now.AddDays(5), meeting.StartsAt);
        Assert.Equal(45, meeting.DurationMinutes);
        Assert.Equal(MeetingModes.Video, meeting.Mode);
        Assert.Null(meeting.Location);
        Assert.Equal("Read the return-to-work guide.", meeting.AgreedActions);
        Assert.Equal(Later, meeting.HeldAt);
        Assert.Same(meeting, Assert.Single(pairing.Meetings));
        Assert.Same(meeting, pairing.InitialMeeting);
        Assert.True(meeting.IsInitial);
    }

    [Fact]
    public void LogPastMeeting_AtThisVeryMoment_IsAllowed()
    {
        var meeting = NewPairing.Start().LogPastMeeting(Later, 60, MeetingModes.Phone, null, Later);

        Assert.True(meeting.WasHeld);
    }

    [Fact]
    public void LogPastMeeting_InTheFuture_Refused()
    {
        var pairing = NewPairing.Start();

        var error = Assert.Throws<DomainRuleException>(() => pairing.LogPastMeeting(Later.AddMinutes(1), 60, MeetingModes.Phone, null, Later));

        Assert.Equal("That time is still to come. Log a meeting once it has happened, or plan it instead.", error.Message);
        Assert.Empty(pairing.Meetings);
    }

    [Fact]
    public void LogPastMeeting_BeforeThePairingStarted_Refused()
    {
        var pairing = NewPairing.Start();

        var error = Assert.Throws<DomainRuleException>(() =>
            pairing.LogPastMeeting(TestClock.Now.AddMinutes(-1), 60, MeetingModes.Phone, null, Later));

        Assert.Equal("That is before your pairing started. Choose a date and time since it started.", error.Message);
        Assert.Empty(pairing.Meetings);
    }

    [Fact]
    public void LogPastMeeting_EndedPairing_Refused()
    {
        var pairing = NewPairing.Start();
        pairing.End(Domain.Pairings.EndReason.GoalsMet, null, null, TestClock.Now.AddDays(10));

        var error = Assert.Throws<DomainRuleException>(() => pairing.LogPastMeeting(TestClock.Now.AddDays(5), 60, MeetingModes.Phone, null, Later));

        Assert.Equal("This pairing has ended, so no more meetings can be logged.", error.Message);
    }

    [Fact]
    public void LogPastMeeting_ImpossibleLengthOrMode_Refused()
    {
        var pairing = NewPairing.Start();

        Assert.Throws<DomainRuleException>(() => pairing.LogPastMeeting(TestClock.Now.AddDays(5), 5, MeetingModes.Phone, null, Later));
        Assert.Throws<DomainRuleException>(() => pairing.LogPastMeeting(TestClock.Now.AddDays(5), 60, MeetingModes.None, null, Later));
        Assert.Throws<DomainRuleException>(() =>
            pairing.LogPastMeeting(TestClock.Now.AddDays(5), 60, MeetingModes.Phone, new string('a', Meeting.MaxAgreedActionsLength + 1), Later));
        Assert.Empty(pairing.Meetings);
    }

    [Fact]
    public void LogPastMeeting_AfterAnEarlierHeldMeeting_IsNotTheInitialOne()
    {
        var pairing = NewPairing.Start();
        var first = pairing.LogPastMeeting(TestClock.Now.AddDays(2), 60, MeetingModes.FaceToFace, null, Later);

        var second = pairing.LogPastMeeting(TestClock.Now.AddDays(9), 60, MeetingModes.Video, null, Later);

        Assert.False(second.IsInitial);
        Assert.Same(first, pairing.InitialMeeting);
    }

    [Fact]
    public void AwaitsAnswer_OnlyOnceAPlannedMeetingIsOver()
    {
        var meeting = NewPairing.Start().PlanIn(1);

        Assert.False(meeting.AwaitsAnswer(meeting.StartsAt.AddMinutes(30)));
        Assert.True(meeting.AwaitsAnswer(meeting.EndsAt));

        meeting.LogAsHeld(null, meeting.EndsAt);
        Assert.False(meeting.AwaitsAnswer(meeting.EndsAt.AddDays(1)));
    }

    [Fact]
    public void RecordNotHeld_AfterItsTime_DidNotHappen()
    {
        var meeting = NewPairing.Start().PlanIn(1);

        meeting.RecordNotHeld(meeting.EndsAt.AddHours(1));

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.True(meeting.DidNotHappen);
        Assert.False(meeting.AwaitsAnswer(meeting.EndsAt.AddHours(2)));
    }

    [Fact]
    public void RecordNotHeld_BeforeItsTimeHasPassed_Refused()
    {
        var meeting = NewPairing.Start().PlanIn(1);

        var error = Assert.Throws<DomainRuleException>(() => meeting.RecordNotHeld(meeting.StartsAt.AddMinutes(10)));

        Assert.Equal("This meeting's time has not passed yet. Cancel it instead if it will not happen.", error.Message);
        Assert.True(meeting.IsPlanned);
    }

    [Fact]
    public void RecordNotHeld_AlreadyHeld_Refused()
    {
        var meeting = NewPairing.Start().PlanIn(1);
        meeting.LogAsHeld(null, meeting.EndsAt);

        var error = Assert.Throws<DomainRuleException>(() => meeting.RecordNotHeld(meeting.EndsAt.AddHours(1)));

        Assert.Equal("This meeting has already been logged as held.", error.Message);
        Assert.True(meeting.WasHeld);
    }

    [Fact]
    public void CancelledAhead_IsNotADidNotHappen()
    {
        var meeting = NewPairing.Start().PlanIn(3);

        meeting.Cancel(TestClock.Now);

        Assert.False(meeting.DidNotHappen);
    }
}
