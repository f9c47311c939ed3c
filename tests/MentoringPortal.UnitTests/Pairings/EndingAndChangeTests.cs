using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Pairings;

public sealed class EndingAndChangeTests
{
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;
    private readonly Pairing _pairing;

    public EndingAndChangeTests()
    {
        var programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().InProgramme(programme).WithCapacity(1).Build();
        _mentee = new MenteeBuilder().InProgramme(programme).Build();
        _pairing = _mentee.PairWith(_mentor, programme, TestClock.Now).Pairing;
    }

    [Fact]
    public void End_RecordsReasonAndWhoEndedIt()
    {
        _pairing.End(EndReason.NoLongerNeeded, _mentee.UserId, null, TestClock.Now.AddDays(30));

        Assert.Equal(EndReason.NoLongerNeeded, _pairing.EndReason);
        Assert.Equal(_mentee.UserId, _pairing.EndedByUserId);
        Assert.True(_mentor.HasFreePlace);
    }

    [Fact]
    public void End_OtherWithoutNote_ThrowsAndChangesNothing()
    {
        Assert.Throws<DomainRuleException>(() => _pairing.End(EndReason.Other, _mentee.UserId, " ", TestClock.Now.AddDays(1)));

        Assert.True(_pairing.IsActive);
        Assert.False(_mentor.HasFreePlace);
    }

    [Fact]
    public void End_CancelsMeetingsStillPlanned()
    {
        var planned = _pairing.PlanMeeting(TestClock.Now.AddDays(10), 60, MeetingModes.FaceToFace, null);

        _pairing.End(EndReason.GoalsMet, _mentee.UserId, null, TestClock.Now.AddDays(2));

        Assert.Equal(MeetingStatus.Cancelled, planned.Status);
    }

    [Fact]
    public void AskForChange_ByMentee_StoredOpenWithReason()
    {
        var request = _pairing.AskForChange(_mentee.UserId!, "We cannot find times to meet.", TestClock.Now);

        Assert.True(request.IsOpen);
        Assert.True(request.RequestedByMentee);
        Assert.Equal("We cannot find times to meet.", request.Reason);
    }

    [Fact]
    public void AskForChange_Twice_Throws()
    {
        _pairing.AskForChange(_mentee.UserId!, "First", TestClock.Now);

        Assert.Throws<DomainRuleException>(() => _pairing.AskForChange(_mentee.UserId!, "Second", TestClock.Now));
    }

    [Fact]
    public void AskForChange_ByOutsider_Throws() =>
        Assert.Throws<DomainRuleException>(() => _pairing.AskForChange("someone-else", "Reason", TestClock.Now));

    [Fact]
    public void AskForChange_EmptyReason_Throws() =>
        Assert.Throws<DomainRuleException>(() => _pairing.AskForChange(_mentor.UserId!, "  ", TestClock.Now));

    [Fact]
    public void AskForChange_EndedPairing_Throws()
    {
        _pairing.End(EndReason.GoalsMet, null, null, TestClock.Now.AddDays(1));

        Assert.Throws<DomainRuleException>(() => _pairing.AskForChange(_mentee.UserId!, "Reason", TestClock.Now.AddDays(2)));
    }
}
