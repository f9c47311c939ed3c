using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Matching;

/// <summary>The scheme proposes an applicant to a mentor, who accepts, declines, or lets the proposal lapse.</summary>
public sealed class MentorProposalTests
{
    private static readonly ApplicationChoices Choices = new("To return to clinical leadership with confidence.", null, false, MeetingModes.None);

    private readonly Programme _programme = new ProgrammeBuilder().WithName("Future Leaders", "future-leaders").SchemeMatches().Build();

    [Fact]
    public void Propose_HoldsAPlaceAndWaitsForTheMentor()
    {
        _programme.SetProposalAnswerDays(5);
        var mentor = Mentor(capacity: 1);
        var application = Application();

        var proposal = application.Propose(mentor, _programme, TestClock.Now);

        Assert.Equal(ApplicationStatus.Proposed, application.Status);
        Assert.True(application.IsOpen);
        Assert.False(application.IsWaiting);
        Assert.Same(proposal, application.WaitingProposal);
        Assert.Equal(ProposalStatus.Waiting, proposal.Status);
        Assert.Equal(TestClock.Now.AddDays(5), proposal.AnswerBy);
        Assert.Equal(1, mentor.ActiveMenteeCount);
        Assert.False(mentor.HasFreePlace);
        Assert.Null(application.Pairing);
        Assert.False(application.Mentee!.HasActivePairingIn(_programme.Id));
    }

    [Fact]
    public void Propose_SecondApplicantToAFullMentor_IsRefusedByTheHeldPlace()
    {
        var mentor = Mentor(capacity: 1);
        Application().Propose(mentor, _programme, TestClock.Now);
        var second = Application();

        var error = Assert.Throws<DomainRuleException>(() => second.Propose(mentor, _programme, TestClock.Now));

        Assert.Contains("full capacity", error.Message, StringComparison.Ordinal);
        Assert.True(second.IsWaiting);
        Assert.Empty(second.Proposals);
        Assert.Equal(1, mentor.ActiveMenteeCount);
    }

    [Fact]
    public void HeldPlace_StopsTheMentorAcceptingADirectoryRequest()
    {
        var mentor = Mentor(capacity: 1);
        Application().Propose(mentor, _programme, TestClock.Now);

        Assert.False(mentor.HasFreePlace);
        Assert.Equal(MentorAvailability.Full, mentor.AvailabilityOn(DateOnly.FromDateTime(TestClock.Now)));
    }

    [Fact]
    public void Propose_AlreadyProposed_Throws()
    {
        var application = Application();
        application.Propose(Mentor(), _programme, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.Propose(Mentor(name: "Dr Other"), _programme, TestClock.Now));
    }

    [Fact]
    public void Accept_StartsThePairingInTheHeldPlace()
    {
        var mentor = Mentor(capacity: 1);
        var application = Application();
        var proposal = application.Propose(mentor, _programme, TestClock.Now);

        var acceptance = application.AcceptProposal(proposal, _programme, TestClock.Now.AddDays(2));

        Assert.Equal(ApplicationStatus.Matched, application.Status);
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal(TestClock.Now.AddDays(2), proposal.AnsweredAt);
        Assert.Same(acceptance.Pairing, application.Pairing);
        Assert.True(acceptance.Pairing.IsActive);
        Assert.Equal(1, mentor.ActiveMenteeCount);
        Assert.True(application.Mentee!.HasActivePairingIn(_programme.Id));
    }

    [Fact]
    public void Accept_AfterTheDeadline_Throws()
    {
        var application = Application();
        var proposal = application.Propose(Mentor(), _programme, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => application.AcceptProposal(proposal, _programme, proposal.AnswerBy));

        Assert.Contains("lapsed", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Proposed, application.Status);
    }

    [Fact]
    public void Decline_FreesThePlaceReturnsToTheQueueAndExcludesTheMentor()
    {
        var mentor = Mentor(capacity: 1);
        var application = Application();
        var proposal = application.Propose(mentor, _programme, TestClock.Now);

        application.DeclineProposal(proposal, DeclineReason.NotTheRightFit, null, TestClock.Now.AddDays(1));

        Assert.Equal(ApplicationStatus.Waiting, application.Status);
        Assert.Equal(ProposalStatus.Declined, proposal.Status);
        Assert.Equal(DeclineReason.NotTheRightFit, proposal.DeclineReason);
        Assert.Equal(0, mentor.ActiveMenteeCount);
        Assert.Contains(mentor.Id, application.Needs().PassedOverBy);
        var why = MatchScoring.WhyExcluded(application.Needs(), MatchCandidate.From(mentor, DateOnly.FromDateTime(TestClock.Now)));
        Assert.NotNull(why);
        Assert.Contains("declined", why, StringComparison.Ordinal);
        var error = Assert.Throws<DomainRuleException>(() => application.Propose(mentor, _programme, TestClock.Now.AddDays(1)));
        Assert.Contains("cannot be matched", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decline_AnotherMentorCanBeProposedAfterwards()
    {
        var application = Application();
        application.DeclineProposal(application.Propose(Mentor(), _programme, TestClock.Now), DeclineReason.NoPlaceNow, null, TestClock.Now);
        var other = Mentor(name: "Dr Priya Shah");

        var second = application.Propose(other, _programme, TestClock.Now.AddDays(1));

        Assert.Equal(ApplicationStatus.Proposed, application.Status);
        Assert.Equal(2, application.Proposals.Count);
        Assert.Same(second, application.WaitingProposal);
    }

    [Fact]
    public void Decline_OtherReasonWithoutANote_Throws()
    {
        var mentor = Mentor();
        var application = Application();
        var proposal = application.Propose(mentor, _programme, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.DeclineProposal(proposal, DeclineReason.Other, "  ", TestClock.Now));

        Assert.Equal(ProposalStatus.Waiting, proposal.Status);
        Assert.Equal(ApplicationStatus.Proposed, application.Status);
        Assert.Equal(1, mentor.ActiveMenteeCount);
    }

    [Fact]
    public void Decline_Twice_Throws()
    {
        var application = Application();
        var proposal = application.Propose(Mentor(), _programme, TestClock.Now);
        application.DeclineProposal(proposal, DeclineReason.NoPlaceNow, null, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.DeclineProposal(proposal, DeclineReason.NoPlaceNow, null, TestClock.Now));
        Assert.Throws<DomainRuleException>(() => application.AcceptProposal(proposal, _programme, TestClock.Now));
    }

    [Fact]
    public void Expire_BeforeTheDeadline_ChangesNothing()
    {
        var mentor = Mentor();
        var application = Application();
        var proposal = application.Propose(mentor, _programme, TestClock.Now);

        Assert.False(application.ExpireProposalIfDue(proposal, proposal.AnswerBy.AddMinutes(-1)));

        Assert.Equal(ProposalStatus.Waiting, proposal.Status);
        Assert.Equal(1, mentor.ActiveMenteeCount);
    }

    [Fact]
    public void Expire_AtTheDeadline_ReturnsToTheQueueOnceAndExcludesTheMentor()
    {
        var mentor = Mentor();
        var application = Application();
        var proposal = application.Propose(mentor, _programme, TestClock.Now);

        Assert.True(application.ExpireProposalIfDue(proposal, proposal.AnswerBy));
        Assert.False(application.ExpireProposalIfDue(proposal, proposal.AnswerBy.AddDays(1)));

        Assert.Equal(ProposalStatus.Expired, proposal.Status);
        Assert.Equal(ApplicationStatus.Waiting, application.Status);
        Assert.Equal(0, mentor.ActiveMenteeCount);
        Assert.Contains(mentor.Id, application.Needs().PassedOverBy);
    }

    [Fact]
    public void Withdraw_WhileProposed_FreesTheMentorsPlace()
    {
        var mentor = Mentor();
        var application = Application();
        var proposal = application.Propose(mentor, _programme, TestClock.Now);

        application.Withdraw(TestClock.Now.AddDays(1));

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(ProposalStatus.Withdrawn, proposal.Status);
        Assert.Equal(0, mentor.ActiveMenteeCount);
    }

    [Fact]
    public void Apply_WhileProposed_Throws()
    {
        var application = Application();
        application.Propose(Mentor(), _programme, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.Mentee!.Apply(_programme, Choices, TestClock.Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void ProposalAnswerDays_OutsideOneToThirty_Throws(int days)
    {
        var error = Assert.Throws<DomainRuleException>(() => _programme.SetProposalAnswerDays(days));

        Assert.Contains("between 1 and 30", error.Message, StringComparison.Ordinal);
        Assert.Equal(Programme.DefaultProposalAnswerDays, _programme.ProposalAnswerDays);
    }

    private MenteeApplication Application()
    {
        var mentee = new MenteeBuilder().Build();
        mentee.SetGoal(GoalHorizon.ShortTerm, "Lead a quality improvement project", TestClock.Now);
        return mentee.Apply(_programme, Choices, TestClock.Now);
    }

    private Mentor Mentor(int capacity = 2, string name = "Dr Jo Mensah") =>
        new MentorBuilder().WithName(name).WithCapacity(capacity).InProgramme(_programme).Build();
}
