using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Pairings;

/// <summary>The scheme moves a mentee to a new mentor: the rules of <see cref="Pairing.ReassignTo"/> and of declining a change request.</summary>
public sealed class ReassignmentTests
{
    private static readonly DateTime Later = TestClock.Now.AddDays(60);

    private readonly Programme _programme;
    private readonly Mentor _oldMentor;
    private readonly Mentee _mentee;
    private readonly Pairing _pairing;

    public ReassignmentTests()
    {
        _programme = new ProgrammeBuilder().Build();
        _oldMentor = new MentorBuilder().WithName("Dr Old Mentor").InProgramme(_programme).WithCapacity(1).Build();
        _mentee = new MenteeBuilder().InProgramme(_programme).Build();
        _mentee.SetGoal(GoalHorizon.ShortTerm, "Pass the membership exam.", TestClock.Now);
        _pairing = _mentee.PairWith(_oldMentor, _programme, TestClock.Now).Pairing;
    }

    private Mentor NewMentor(Func<MentorBuilder, MentorBuilder>? configure = null) =>
        (configure ?? (b => b))(new MentorBuilder().WithName("Dr New Mentor").InProgramme(_programme).WithCapacity(1)).Build();

    [Fact]
    public void ReassignTo_EndsTheOldPairingWithNoFaultReason_AndFreesTheOldMentorsPlace()
    {
        var reassignment = _pairing.ReassignTo(NewMentor(), _programme, "admin-user", Later);

        Assert.Same(_pairing, reassignment.Ended);
        Assert.False(_pairing.IsActive);
        Assert.Equal(EndReason.Reassigned, _pairing.EndReason);
        Assert.Equal(Later, _pairing.EndedAt);
        Assert.Equal("admin-user", _pairing.EndedByUserId);
        Assert.Null(_pairing.EndNote);
        Assert.True(_oldMentor.HasFreePlace);
        Assert.Equal(0, _oldMentor.ActiveMenteeCount);
    }

    [Fact]
    public void ReassignTo_StartsTheNewPairingWithinCapacity()
    {
        var newMentor = NewMentor();

        var started = _pairing.ReassignTo(newMentor, _programme, "admin-user", Later).Started;

        Assert.True(started.IsActive);
        Assert.Same(newMentor, started.Mentor);
        Assert.Same(_mentee, started.Mentee);
        Assert.Equal(_programme.Id, started.ProgrammeId);
        Assert.Equal(Later, started.StartedAt);
        Assert.Equal(1, newMentor.ActiveMenteeCount);
        Assert.False(newMentor.HasFreePlace);
        Assert.Contains(started, _mentee.Pairings);
    }

    [Fact]
    public void ReassignTo_ClosesOpenChangeRequestsAsResolved()
    {
        var request = _pairing.AskForChange(_mentee.UserId!, "We have not managed to meet.", TestClock.Now);

        var reassignment = _pairing.ReassignTo(NewMentor(), _programme, "admin-user", Later);

        Assert.Equal([request], reassignment.RequestsAnswered);
        Assert.Equal(ChangeRequestStatus.Resolved, request.Status);
        Assert.Equal(Later, request.ClosedAt);
    }

    [Fact]
    public void ReassignTo_CancelsMeetingsStillPlanned_AndKeepsHeldOnes()
    {
        var held = _pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, null);
        held.LogAsHeld(null, TestClock.Now.AddDays(8));
        var planned = _pairing.PlanMeeting(Later.AddDays(10), 60, MeetingModes.Video, null);

        _pairing.ReassignTo(NewMentor(), _programme, "admin-user", Later);

        Assert.Equal(MeetingStatus.Cancelled, planned.Status);
        Assert.Equal(MeetingStatus.Held, held.Status);
    }

    [Fact]
    public void ReassignTo_TheCurrentMentor_IsRefused() =>
        AssertRefused(_oldMentor);

    [Fact]
    public void ReassignTo_APreviousMentor_IsRefused()
    {
        var second = NewMentor();
        var secondPairing = _pairing.ReassignTo(second, _programme, "admin-user", Later).Started;

        var ex = Assert.Throws<DomainRuleException>(() => secondPairing.ReassignTo(_oldMentor, _programme, "admin-user", Later.AddDays(30)));

        Assert.Contains(_oldMentor.DisplayName, ex.Message, StringComparison.Ordinal);
        Assert.True(secondPairing.IsActive);
        Assert.Same(second, secondPairing.Mentor);
    }

    [Fact]
    public void ReassignTo_AMentorTheMenteeDeclaredAConflictWith_IsRefused()
    {
        var programme = new ProgrammeBuilder().SchemeMatches().Build();
        var oldMentor = new MentorBuilder().InProgramme(programme).Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        mentee.SetGoal(GoalHorizon.ShortTerm, "Pass the membership exam.", TestClock.Now);
        mentee.Apply(programme, new ApplicationChoices("I would like help with exams.", "Dr Conflicted Person", false, MeetingModes.None), TestClock.Now);
        var pairing = mentee.PairWith(oldMentor, programme, TestClock.Now).Pairing;
        var conflicted = new MentorBuilder().WithName("Dr Conflicted Person").InProgramme(programme).Build();

        Assert.Throws<DomainRuleException>(() => pairing.ReassignTo(conflicted, programme, "admin-user", Later));

        Assert.True(pairing.IsActive);
        Assert.Equal(0, conflicted.ActiveMenteeCount);
    }

    [Fact]
    public void ReassignTo_AFullMentor_IsRefused() =>
        AssertRefused(NewMentor(b => b.WithActiveMentees(1)));

    [Fact]
    public void ReassignTo_APausedMentor_IsRefused() =>
        AssertRefused(NewMentor(b => b.PausedUntil(TestClock.Today.AddYears(1))));

    [Fact]
    public void ReassignTo_AnUntrainedMentor_IsRefused() =>
        AssertRefused(NewMentor(b => b.Untrained()));

    [Fact]
    public void ReassignTo_AMentorWhoseTrainingExpired_IsRefused() =>
        AssertRefused(NewMentor(b => b.WithTraining(TestClock.Today.AddYears(-3), TestClock.Today.AddDays(-1))));

    [Fact]
    public void ReassignTo_AnEndedPairing_IsRefused()
    {
        _pairing.End(EndReason.GoalsMet, _mentee.UserId, null, TestClock.Now.AddDays(10));
        var newMentor = NewMentor();

        Assert.Throws<DomainRuleException>(() => _pairing.ReassignTo(newMentor, _programme, "admin-user", Later));

        Assert.Equal(0, newMentor.ActiveMenteeCount);
        Assert.Equal(EndReason.GoalsMet, _pairing.EndReason);
    }

    [Fact]
    public void ReassignTo_AnotherProgramme_IsRefused()
    {
        var other = new ProgrammeBuilder().WithName("Leadership mentoring", "leadership").Build();
        var newMentor = new MentorBuilder().InProgramme(_programme).InProgramme(other).Build();

        Assert.Throws<DomainRuleException>(() => _pairing.ReassignTo(newMentor, other, "admin-user", Later));

        Assert.True(_pairing.IsActive);
    }

    [Fact]
    public void ReassignTo_AMentorOutsideTheProgramme_IsRefused()
    {
        var other = new ProgrammeBuilder().WithName("Leadership mentoring", "leadership").Build();

        AssertRefused(new MentorBuilder().InProgramme(other).Build());
    }

    [Fact]
    public void Decline_OpenRequest_RecordsTheMessageAndCloses()
    {
        var request = _pairing.AskForChange(_mentee.UserId!, "We have not managed to meet.", TestClock.Now);

        request.Decline("  Please give it two more meetings first.  ", Later);

        Assert.Equal(ChangeRequestStatus.Declined, request.Status);
        Assert.False(request.IsOpen);
        Assert.Equal(Later, request.ClosedAt);
        Assert.Equal("Please give it two more meetings first.", request.Response);
        Assert.True(_pairing.IsActive);
    }

    [Fact]
    public void DeclineChange_ThroughThePairing_MovesThePairingsVersion_SoTwoDecisionsCollide()
    {
        var request = _pairing.AskForChange(_mentee.UserId!, "We have not managed to meet.", TestClock.Now);
        var version = _pairing.Version;

        _pairing.DeclineChange(request, "Please give it two more meetings first.", Later);

        Assert.Equal(ChangeRequestStatus.Declined, request.Status);
        Assert.True(_pairing.Version > version);
        Assert.True(_pairing.IsActive);
    }

    [Fact]
    public void Decline_WithoutAMessage_IsRefusedAndStaysOpen()
    {
        var request = _pairing.AskForChange(_mentee.UserId!, "We have not managed to meet.", TestClock.Now);

        Assert.Throws<DomainRuleException>(() => request.Decline("   ", Later));

        Assert.True(request.IsOpen);
        Assert.Null(request.Response);
    }

    [Fact]
    public void Decline_Twice_IsRefused()
    {
        var request = _pairing.AskForChange(_mentee.UserId!, "We have not managed to meet.", TestClock.Now);
        request.Decline("Please give it two more meetings first.", Later);

        Assert.Throws<DomainRuleException>(() => request.Decline("Another message.", Later.AddDays(1)));

        Assert.Equal("Please give it two more meetings first.", request.Response);
    }

    [Fact]
    public void Decline_ARequestClosedByAReassignment_IsRefused()
    {
        var request = _pairing.AskForChange(_mentee.UserId!, "We have not managed to meet.", TestClock.Now);
        _pairing.ReassignTo(NewMentor(), _programme, "admin-user", Later);

        Assert.Throws<DomainRuleException>(() => request.Decline("Too late.", Later.AddDays(1)));

        Assert.Equal(ChangeRequestStatus.Resolved, request.Status);
    }

    private void AssertRefused(Mentor newMentor)
    {
        var placesBefore = newMentor.ActiveMenteeCount;

        Assert.Throws<DomainRuleException>(() => _pairing.ReassignTo(newMentor, _programme, "admin-user", Later));

        Assert.True(_pairing.IsActive);
        Assert.Same(_oldMentor, _pairing.Mentor);
        Assert.False(_oldMentor.HasFreePlace);
        Assert.Equal(placesBefore, newMentor.ActiveMenteeCount);
        Assert.Single(_mentee.Pairings);
    }
}
