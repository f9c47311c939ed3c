using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Meetings;

public sealed class MeetingTests
{
    private readonly Meeting _meeting;

    public MeetingTests()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        var pairing = new MenteeBuilder().InProgramme(programme).Build().PairWith(mentor, programme, TestClock.Now).Pairing;
        _meeting = pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, location: null);
    }

    [Fact]
    public void MarkHeld_BeforeStart_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => _meeting.MarkHeld(_meeting.StartsAt.AddMinutes(-1)));

        Assert.Equal("A meeting can be logged as held only after it has started.", error.Message);
        Assert.False(_meeting.WasHeld);
    }

    [Fact]
    public void MarkHeld_AfterStart_RecordsWhen()
    {
        var heldAt = _meeting.StartsAt.AddHours(1);

        _meeting.MarkHeld(heldAt);

        Assert.True(_meeting.WasHeld);
        Assert.Equal(heldAt, _meeting.HeldAt);
    }
}
