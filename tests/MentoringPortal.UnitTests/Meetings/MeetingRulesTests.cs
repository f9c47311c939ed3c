using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Meetings;

/// <summary>A pairing started now, with nothing planned yet.</summary>
internal static class NewPairing
{
    public static Pairing Start()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        return new MenteeBuilder().InProgramme(programme).Build().PairWith(mentor, programme, TestClock.Now).Pairing;
    }

    public static Meeting PlanIn(this Pairing pairing, int days, MeetingModes mode = MeetingModes.FaceToFace) =>
        pairing.PlanMeeting(TestClock.Now.AddDays(days), 60, mode, "Postgraduate centre, room 2");
}

public sealed class PlanMeetingTests
{
    [Fact]
    public void PlanMeeting_First_IsTheInitialMeeting()
    {
        var pairing = NewPairing.Start();

        var first = pairing.PlanIn(7);
        var second = pairing.PlanIn(50, MeetingModes.Video);

        Assert.True(first.IsInitial);
        Assert.False(second.IsInitial);
        Assert.Equal(MeetingStatus.Planned, first.Status);
    }

    [Fact]
    public void PlanMeeting_AfterTheFirstWasCancelled_IsTheInitialMeeting()
    {
        var pairing = NewPairing.Start();
        pairing.PlanIn(7).Cancel(TestClock.Now);

        var next = pairing.PlanIn(10);

        Assert.True(next.IsInitial);
    }

    [Fact]
    public void PlanMeeting_StoresUtcTimesAndEnd()
    {
        var meeting = NewPairing.Start().PlanMeeting(TestClock.Now.AddDays(3), 90, MeetingModes.Phone, "  ");

        Assert.Equal(TestClock.Now.AddDays(3).AddMinutes(90), meeting.EndsAt);
        Assert.Null(meeting.Location);
    }

    [Fact]
    public void PlanMeeting_LocalTime_Throws()
    {
        var pairing = NewPairing.Start();

        Assert.Throws<ArgumentException>(() => pairing.PlanMeeting(DateTime.SpecifyKind(TestClock.Now.AddDays(3), DateTimeKind.Local), 60,
            MeetingModes.Video, null));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(481)]
    public void PlanMeeting_DurationOutOfRange_Throws(int minutes)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewPairing.Start().PlanMeeting(TestClock.Now.AddDays(1), minutes, MeetingModes.Video, null));

        Assert.Equal("A meeting lasts between 15 minutes and 8 hours.", error.Message);
    }

    [Theory]
    [InlineData(MeetingModes.None)]
    [InlineData(MeetingModes.FaceToFace | MeetingModes.Video)]
    public void PlanMeeting_NotOneMode_Throws(MeetingModes mode)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewPairing.Start().PlanMeeting(TestClock.Now.AddDays(1), 60, mode, null));

        Assert.Equal("Choose how you will meet.", error.Message);
    }

    [Fact]
    public void PlanMeeting_PlaceTooLong_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            NewPairing.Start().PlanMeeting(TestClock.Now.AddDays(1), 60, MeetingModes.Video, new string('x', 301)));

        Assert.Equal("Keep the place or link to 300 characters or fewer.", error.Message);
    }
}

public sealed class RescheduleTests
{
    [Fact]
    public void Reschedule_Planned_ChangesTimeModeAndPlace()
    {
        var meeting = NewPairing.Start().PlanIn(7);
        var version = meeting.Version;

        meeting.Reschedule(TestClock.Now.AddDays(9), 45, MeetingModes.Video, "Teams link to follow");

        Assert.Equal(TestClock.Now.AddDays(9), meeting.StartsAt);
        Assert.Equal(45, meeting.DurationMinutes);
        Assert.Equal(MeetingModes.Video, meeting.Mode);
        Assert.Equal("Teams link to follow", meeting.Location);
        Assert.True(meeting.Version > version);
        Assert.True(meeting.IsInitial);
    }

    [Fact]
    public void Reschedule_Held_Throws()
    {
        var meeting = NewPairing.Start().PlanIn(1);
        meeting.MarkHeld(meeting.StartsAt.AddHours(1));

        var error = Assert.Throws<DomainRuleException>(() => meeting.Reschedule(TestClock.Now.AddDays(9), 60, MeetingModes.Video, null));

        Assert.Equal("This meeting has been held and can no longer be changed.", error.Message);
    }

    [Fact]
    public void Reschedule_Cancelled_Throws()
    {
        var meeting = NewPairing.Start().PlanIn(1);
        meeting.Cancel(TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Reschedule(TestClock.Now.AddDays(9), 60, MeetingModes.Video, null));

        Assert.Equal("This meeting has been cancelled and can no longer be changed.", error.Message);
    }
}

public sealed class CancelMeetingTests
{
    [Fact]
    public void Cancel_Planned_RecordsWhen()
    {
        var meeting = NewPairing.Start().PlanIn(3);

        meeting.Cancel(TestClock.Now);

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal(TestClock.Now, meeting.CancelledAt);
        Assert.False(meeting.IsPlanned);
    }

    [Fact]
    public void Cancel_Twice_Throws()
    {
        var meeting = NewPairing.Start().PlanIn(3);
        meeting.Cancel(TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Cancel(TestClock.Now));

        Assert.Equal("This meeting has already been cancelled.", error.Message);
    }

    [Fact]
    public void Cancel_Held_Throws()
    {
        var meeting = NewPairing.Start().PlanIn(1);
        meeting.MarkHeld(meeting.StartsAt.AddHours(1));

        var error = Assert.Throws<DomainRuleException>(() => meeting.Cancel(meeting.StartsAt.AddHours(2)));

        Assert.Equal("This meeting has already been held.", error.Message);
    }

    [Fact]
    public void Cancel_OnlyMeeting_NoLongerCountsAsNext()
    {
        var pairing = NewPairing.Start();
        pairing.PlanIn(3).Cancel(TestClock.Now);

        Assert.Null(pairing.NextMeeting(TestClock.Now));
    }
}

public sealed class LogAsHeldTests
{
    [Fact]
    public void LogAsHeld_AfterStart_KeepsSharedActions()
    {
        var meeting = NewPairing.Start().PlanIn(1);

        meeting.LogAsHeld("  Sam books the simulation session; Priya sends the rota contact.  ", meeting.StartsAt.AddHours(1));

        Assert.True(meeting.WasHeld);
        Assert.Equal("Sam books the simulation session; Priya sends the rota contact.", meeting.AgreedActions);
        Assert.Equal(meeting.StartsAt.AddHours(1), meeting.HeldAt);
    }

    [Fact]
    public void LogAsHeld_Again_UpdatesActionsButKeepsWhenItWasHeld()
    {
        var meeting = NewPairing.Start().PlanIn(1);
        var firstLog = meeting.StartsAt.AddHours(1);
        meeting.LogAsHeld("First version", firstLog);

        meeting.LogAsHeld("Second version", firstLog.AddDays(2));

        Assert.Equal("Second version", meeting.AgreedActions);
        Assert.Equal(firstLog, meeting.HeldAt);
    }

    [Fact]
    public void LogAsHeld_EmptyActions_StoresNone()
    {
        var meeting = NewPairing.Start().PlanIn(1);

        meeting.LogAsHeld("   ", meeting.StartsAt.AddHours(1));

        Assert.Null(meeting.AgreedActions);
    }

    [Fact]
    public void LogAsHeld_Cancelled_Throws()
    {
        var meeting = NewPairing.Start().PlanIn(1);
        meeting.Cancel(TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.LogAsHeld("Anything", meeting.StartsAt.AddHours(1)));

        Assert.Equal("A cancelled meeting cannot be logged as held.", error.Message);
    }

    [Fact]
    public void LogAsHeld_ActionsTooLong_Throws()
    {
        var meeting = NewPairing.Start().PlanIn(1);

        var error = Assert.Throws<DomainRuleException>(() =>
            meeting.LogAsHeld(new string('a', Meeting.MaxAgreedActionsLength + 1), meeting.StartsAt.AddHours(1)));

        Assert.Equal("Keep the agreed actions to 2000 characters or fewer.", error.Message);
        Assert.False(meeting.WasHeld);
    }

    [Fact]
    public void LogAsHeld_MeetsTheCadenceAgain()
    {
        var pairing = NewPairing.Start();
        var meeting = pairing.PlanIn(70);
        var later = meeting.StartsAt.AddHours(2);
        Assert.True(pairing.IsOverdue(later, cadenceWeeks: 8));

        meeting.MarkHeld(later);

        Assert.False(pairing.IsOverdue(later, cadenceWeeks: 8));
        Assert.Equal(meeting.StartsAt, pairing.LastContactAt);
    }
}

public sealed class MeetingNoteVisibilityTests
{
    private const string MentorId = "mentor-user";
    private const string MenteeId = "mentee-user";

    private readonly Meeting _meeting;

    public MeetingNoteVisibilityTests()
    {
        _meeting = NewPairing.Start().PlanIn(1);
        _meeting.MarkHeld(_meeting.StartsAt.AddHours(1));
    }

    [Fact]
    public void NoteBy_ReturnsOnlyTheAuthorsOwnNote()
    {
        _meeting.WriteNote(MentorId, "Mentor's private thoughts", TestClock.Now.AddDays(2));
        _meeting.WriteNote(MenteeId, "Mentee's private thoughts", TestClock.Now.AddDays(2));

        Assert.Equal("Mentor's private thoughts", _meeting.NoteBy(MentorId)!.Text);
        Assert.Equal("Mentee's private thoughts", _meeting.NoteBy(MenteeId)!.Text);
        Assert.Null(_meeting.NoteBy("administrator-user"));
    }

    [Fact]
    public void NoteBy_SomeoneWhoWroteNothing_IsNull()
    {
        _meeting.WriteNote(MentorId, "Only mine", TestClock.Now.AddDays(2));

        Assert.Null(_meeting.NoteBy(MenteeId));
    }

    [Fact]
    public void NoteBy_ComparesIdsExactly()
    {
        _meeting.WriteNote("abc", "Private", TestClock.Now.AddDays(2));

        Assert.Null(_meeting.NoteBy("ABC"));
    }

    [Fact]
    public void WriteNote_Again_RewritesTheSameNote()
    {
        var first = _meeting.WriteNote(MentorId, "First thoughts", TestClock.Now.AddDays(2));

        var second = _meeting.WriteNote(MentorId, "Second thoughts", TestClock.Now.AddDays(3));

        Assert.Same(first, second);
        Assert.Single(_meeting.Notes);
        Assert.Equal("Second thoughts", _meeting.NoteBy(MentorId)!.Text);
        Assert.Equal(TestClock.Now.AddDays(2), second.CreatedAt);
        Assert.Equal(TestClock.Now.AddDays(3), second.UpdatedAt);
    }

    [Fact]
    public void WriteNote_TwoAuthors_KeepOneNoteEach()
    {
        _meeting.WriteNote(MentorId, "One", TestClock.Now.AddDays(2));
        _meeting.WriteNote(MenteeId, "Two", TestClock.Now.AddDays(2));
        _meeting.WriteNote(MenteeId, "Two, revised", TestClock.Now.AddDays(3));

        Assert.Equal(2, _meeting.Notes.Count);
        Assert.Equal("One", _meeting.NoteBy(MentorId)!.Text);
    }

    [Fact]
    public void WriteNote_Empty_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => _meeting.WriteNote(MentorId, "   ", TestClock.Now.AddDays(2)));

        Assert.Equal("Enter your note.", error.Message);
        Assert.Empty(_meeting.Notes);
    }

    [Fact]
    public void WriteNote_RewriteEmpty_KeepsTheOldText()
    {
        _meeting.WriteNote(MentorId, "Keep me", TestClock.Now.AddDays(2));

        Assert.Throws<DomainRuleException>(() => _meeting.WriteNote(MentorId, string.Empty, TestClock.Now.AddDays(3)));

        Assert.Equal("Keep me", _meeting.NoteBy(MentorId)!.Text);
    }

    [Fact]
    public void WriteNote_DoesNotTouchTheSharedActions()
    {
        _meeting.LogAsHeld("Shared action", _meeting.StartsAt.AddHours(2));

        _meeting.WriteNote(MenteeId, "Private", TestClock.Now.AddDays(2));

        Assert.Equal("Shared action", _meeting.AgreedActions);
        Assert.DoesNotContain("Private", _meeting.AgreedActions, StringComparison.Ordinal);
    }
}
