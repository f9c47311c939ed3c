using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.Domain.Requests;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Privacy;

/// <summary>Erasing a person removes what identifies them and keeps the facts the scheme counts.</summary>
public sealed class AccountErasureTests
{
    [Fact]
    public void Erase_Mentee_RemovesNameProfileGoalsAndOwnNotes_KeepsPairingMeetingsAndRatings()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).WithCapacity(2).Build();
        var mentee = new MenteeBuilder().WithName("Dr Ada Trainee").InProgramme(programme).Build();
        mentee.AddGoal(GoalHorizon.ShortTerm, "Return to nights with confidence", 2, TestClock.Now);
        var pairing = mentee.PairWith(mentor, programme, TestClock.Now).Pairing;
        var meeting = pairing.PlanMeeting(TestClock.Now.AddDays(1), 60, MeetingModes.FaceToFace, "Library");
        meeting.LogAsHeld(null, TestClock.Now.AddDays(2));
        meeting.WriteNote(mentee.UserId!, "My private worries", TestClock.Now.AddDays(2));
        meeting.WriteNote(mentor.UserId!, "Mentor's own note", TestClock.Now.AddDays(2));
        var userId = mentee.UserId!;

        AccountErasure.Erase(userId, mentee, mentor: null, [], [], TestClock.Now.AddDays(3));

        Assert.Equal(FormerMember.Name, mentee.DisplayName);
        Assert.Null(mentee.UserId);
        Assert.Null(mentee.Specialty);
        Assert.All(mentee.Goals, g => Assert.Empty(g.Description));
        Assert.Equal(2, mentee.Goals.Single().StartRating);
        Assert.Null(meeting.NoteBy(userId));
        Assert.NotNull(meeting.NoteBy(mentor.UserId!));
        Assert.True(meeting.WasHeld);
        Assert.Equal(PairingStatus.Ended, pairing.Status);
        Assert.Equal(0, mentor.ActiveMenteeCount);
        Assert.Empty(pairing.Surveys);
    }

    [Fact]
    public void Erase_Mentee_ClosesPendingRequestsAndErasesTheirMessages()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        var request = mentee.Ask(mentor, programme);

        AccountErasure.Erase(mentee.UserId!, mentee, null, [], [], TestClock.Now.AddDays(1));

        Assert.Equal(ContactRequestStatus.Withdrawn, request.Status);
        Assert.Empty(request.Message);
    }

    [Fact]
    public void Erase_Mentor_IsUnlistedAndNamedFormerMember_PairingEnds()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().WithName("Dr Bea Mentor").InProgramme(programme).WithCapacity(2).Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        var pairing = mentee.PairWith(mentor, programme, TestClock.Now).Pairing;
        var other = new MenteeBuilder().InProgramme(programme).Build();
        var incoming = other.Ask(mentor, programme);

        AccountErasure.Erase(mentor.UserId!, mentee: null, mentor, [pairing], [incoming], TestClock.Now.AddDays(1));

        Assert.Equal(FormerMember.Name, mentor.DisplayName);
        Assert.Empty(mentor.Bio);
        Assert.Null(mentor.UserId);
        Assert.False(mentor.IsListed(TestClock.Today));
        Assert.False(pairing.IsActive);
        Assert.Equal(ContactRequestStatus.Withdrawn, incoming.Status);
        Assert.Equal(RequestExtensions.Message, incoming.Message);
    }
}
