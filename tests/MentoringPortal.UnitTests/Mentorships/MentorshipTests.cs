using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentorships;

public sealed class MentorshipTests
{
    private readonly Programme _programme;
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;
    private readonly Mentorship _mentorship;

    public MentorshipTests()
    {
        _programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().InProgramme(_programme).WithCapacity(1).Build();
        _mentee = new MenteeBuilder().InProgramme(_programme).Build();
        _mentorship = _mentor.Accept(_mentee.Ask(_mentor, _programme), TestClock.Now).Mentorship;
    }

    private static DateTime NextWeek => TestClock.Now.AddDays(7);

    [Fact]
    public void End_ActivePairing_FreesMentorsPlace()
    {
        Assert.False(_mentor.HasFreePlace);

        _mentorship.End(EndReason.GoalsMet, null, null, NextWeek);

        Assert.Equal(0, _mentor.ActiveMenteeCount);
        Assert.True(_mentor.HasFreePlace);
        Assert.True(_mentor.CanBeContacted(TestClock.Today));
    }

    [Fact]
    public void End_ActivePairing_RecordsEnd()
    {
        _mentorship.End(EndReason.GoalsMet, null, null, NextWeek);

        Assert.Equal(MentorshipStatus.Ended, _mentorship.Status);
        Assert.False(_mentorship.IsActive);
        Assert.Equal(NextWeek, _mentorship.EndedAt);
    }

    [Fact]
    public void End_ActivePairing_LetsMenteeAskAgainInProgramme()
    {
        _mentorship.End(EndReason.GoalsMet, null, null, NextWeek);

        Assert.False(_mentee.HasActivePairingIn(_programme.Id));
        var other = new MentorBuilder().InProgramme(_programme).Build();
        Assert.True(_mentee.Ask(other, _programme).IsPending);
    }

    [Fact]
    public void End_AlreadyEnded_ThrowsAndReleasesNoSecondPlace()
    {
        var second = new MenteeBuilder().InProgramme(_programme).Build();
        _mentorship.End(EndReason.GoalsMet, null, null, NextWeek);
        second.PairWith(_mentor, _programme, NextWeek);

        var error = Assert.Throws<DomainRuleException>(() => _mentorship.End(EndReason.GoalsMet, null, null, NextWeek.AddDays(1)));

        Assert.Equal("This pairing has already ended.", error.Message);
        Assert.Equal(1, _mentor.ActiveMenteeCount);
    }

    [Fact]
    public void PlanMeeting_First_IsInitial()
    {
        var meeting = _mentorship.PlanMeeting(NextWeek, 60, MeetingModes.FaceToFace, "Education centre, room 2");

        Assert.True(meeting.IsInitial);
        Assert.Equal(NextWeek, meeting.StartsAt);
        Assert.Equal(60, meeting.DurationMinutes);
        Assert.Equal(MeetingModes.FaceToFace, meeting.Mode);
        Assert.Equal("Education centre, room 2", meeting.Location);
        Assert.Same(meeting, Assert.Single(_mentorship.Meetings));
    }

    [Fact]
    public void PlanMeeting_Second_IsNotInitial()
    {
        _mentorship.PlanMeeting(NextWeek, 60, MeetingModes.FaceToFace, location: null);

        var second = _mentorship.PlanMeeting(NextWeek.AddDays(56), 45, MeetingModes.Video, location: null);

        Assert.False(second.IsInitial);
        Assert.Equal(2, _mentorship.Meetings.Count);
    }

    [Fact]
    public void PlanMeeting_EndedPairing_Throws()
    {
        _mentorship.End(EndReason.GoalsMet, null, null, NextWeek);

        var error = Assert.Throws<DomainRuleException>(
            () => _mentorship.PlanMeeting(NextWeek.AddDays(7), 60, MeetingModes.Video, location: null));

        Assert.Equal("This pairing has ended, so no more meetings can be planned.", error.Message);
        Assert.Empty(_mentorship.Meetings);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(481)]
    public void PlanMeeting_DurationOutsideFifteenMinutesToEightHours_Throws(int minutes)
    {
        var error = Assert.Throws<DomainRuleException>(
            () => _mentorship.PlanMeeting(NextWeek, minutes, MeetingModes.Video, location: null));

        Assert.Equal("A meeting lasts between 15 minutes and 8 hours.", error.Message);
        Assert.Empty(_mentorship.Meetings);
    }

    [Theory]
    [InlineData(MeetingModes.None)]
    [InlineData(MeetingModes.FaceToFace | MeetingModes.Video)]
    public void PlanMeeting_NotOneWayToMeet_Throws(MeetingModes mode)
    {
        var error = Assert.Throws<DomainRuleException>(() => _mentorship.PlanMeeting(NextWeek, 60, mode, location: null));

        Assert.Equal("Choose how you will meet.", error.Message);
    }
}
