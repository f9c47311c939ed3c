using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Pairings;

public sealed class PairingTests
{
    private readonly Programme _programme;
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;
    private readonly Pairing _pairing;

    public PairingTests()
    {
        _programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().InProgramme(_programme).WithCapacity(1).Build();
        _mentee = new MenteeBuilder().InProgramme(_programme).Build();
        _pairing = _mentor.Accept(_mentee.Ask(_mentor, _programme), TestClock.Now).Pairing;
    }

    private static DateTime NextWeek => TestClock.Now.AddDays(7);

    [Fact]
    public void End_ActivePairing_FreesMentorsPlace()
    {
        Assert.False(_mentor.HasFreePlace);

        _pairing.End(EndReason.GoalsMet, null, null, NextWeek);

        Assert.Equal(0, _mentor.ActiveMenteeCount);
        Assert.True(_mentor.HasFreePlace);
        Assert.True(_mentor.CanBeContacted(TestClock.Today));
    }

    [Fact]
    public void End_ActivePairing_RecordsEnd()
    {
        _pairing.End(EndReason.GoalsMet, null, null, NextWeek);

        Assert.Equal(PairingStatus.Ended, _pairing.Status);
        Assert.False(_pairing.IsActive);
        Assert.Equal(NextWeek, _pairing.EndedAt);
    }

    [Fact]
    public void End_ActivePairing_LetsMenteeAskAgainInProgramme()
    {
        _pairing.End(EndReason.GoalsMet, null, null, NextWeek);

        Assert.False(_mentee.HasActivePairingIn(_programme.Id));
        var other = new MentorBuilder().InProgramme(_programme).Build();
        Assert.True(_mentee.Ask(other, _programme).IsPending);
    }

    [Fact]
    public void End_AlreadyEnded_ThrowsAndReleasesNoSecondPlace()
    {
        var second = new MenteeBuilder().InProgramme(_programme).Build();
        _pairing.End(EndReason.GoalsMet, null, null, NextWeek);
        second.PairWith(_mentor, _programme, NextWeek);

        var error = Assert.Throws<DomainRuleException>(() => _pairing.End(EndReason.GoalsMet, null, null, NextWeek.AddDays(1)));

        Assert.Equal("This pairing has already ended.", error.Message);
        Assert.Equal(1, _mentor.ActiveMenteeCount);
    }

    [Fact]
    public void PlanMeeting_First_IsInitial()
    {
        var meeting = _pairing.PlanMeeting(NextWeek, 60, MeetingModes.FaceToFace, "Education centre, room 2");

        Assert.True(meeting.IsInitial);
        Assert.Equal(NextWeek, meeting.StartsAt);
        Assert.Equal(60, meeting.DurationMinutes);
        Assert.Equal(MeetingModes.FaceToFace, meeting.Mode);
        Assert.Equal("Education centre, room 2", meeting.Location);
        Assert.Same(meeting, Assert.Single(_pairing.Meetings));
    }

    [Fact]
    public void PlanMeeting_Second_IsNotInitial()
    {
        _pairing.PlanMeeting(NextWeek, 60, MeetingModes.FaceToFace, location: null);

        var second = _pairing.PlanMeeting(NextWeek.AddDays(56), 45, MeetingModes.Video, location: null);

        Assert.False(second.IsInitial);
        Assert.Equal(2, _pairing.Meetings.Count);
    }

    [Fact]
    public void PlanMeeting_EndedPairing_Throws()
    {
        _pairing.End(EndReason.GoalsMet, null, null, NextWeek);

        var error = Assert.Throws<DomainRuleException>(
            () => _pairing.PlanMeeting(NextWeek.AddDays(7), 60, MeetingModes.Video, location: null));

        Assert.Equal("This pairing has ended, so no more meetings can be planned.", error.Message);
        Assert.Empty(_pairing.Meetings);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(481)]
    public void PlanMeeting_DurationOutsideFifteenMinutesToEightHours_Throws(int minutes)
    {
        var error = Assert.Throws<DomainRuleException>(
            () => _pairing.PlanMeeting(NextWeek, minutes, MeetingModes.Video, location: null));

        Assert.Equal("A meeting lasts between 15 minutes and 8 hours.", error.Message);
        Assert.Empty(_pairing.Meetings);
    }

    [Theory]
    [InlineData(MeetingModes.None)]
    [InlineData(MeetingModes.FaceToFace | MeetingModes.Video)]
    public void PlanMeeting_NotOneWayToMeet_Throws(MeetingModes mode)
    {
        var error = Assert.Throws<DomainRuleException>(() => _pairing.PlanMeeting(NextWeek, 60, mode, location: null));

        Assert.Equal("Choose how you will meet.", error.Message);
    }
}
