using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Matching;

/// <summary>Applying to a programme where the scheme matches, and what the scheme can then do with the application.</summary>
public sealed class ApplicationTests
{
    private const string MentorOrganisation = "Royal Free London NHS Foundation Trust";

    private static readonly ApplicationChoices Choices = new("To return to clinical leadership with confidence.", null, false, MeetingModes.None);

    private readonly Programme _programme = new ProgrammeBuilder().WithName("Future Leaders", "future-leaders").SchemeMatches().Build();

    [Fact]
    public void Apply_CompleteProfileWithGoal_WaitsInTheQueue()
    {
        var mentee = MenteeWithGoal();

        var application = mentee.Apply(_programme, Choices with { Conflicts = "Dr Smith\n\n  St Elsewhere  ", PreferredModes = MeetingModes.Video },
            TestClock.Now);

        Assert.Equal(ApplicationStatus.Waiting, application.Status);
        Assert.True(application.IsWaiting);
        Assert.Equal(_programme.Id, application.ProgrammeId);
        Assert.Equal(MeetingModes.Video, application.PreferredModes);
        Assert.Equal(["Dr Smith", "St Elsewhere"], application.ConflictList);
        Assert.Contains(_programme, mentee.Programmes);
        Assert.Contains(application, mentee.Applications);
    }

    [Fact]
    public void Apply_IncompleteProfile_Throws()
    {
        var mentee = new MenteeBuilder().WithIncompleteProfile().Build();
        mentee.SetGoal(GoalHorizon.ShortTerm, "Lead a team", TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => mentee.Apply(_programme, Choices, TestClock.Now));

        Assert.Contains("Complete your profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ProgrammeWhereMenteesChoose_Throws()
    {
        var choosing = new ProgrammeBuilder().Build();

        var error = Assert.Throws<DomainRuleException>(() => MenteeWithGoal().Apply(choosing, Choices, TestClock.Now));

        Assert.Contains("choose your own mentor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ProgrammeClosedForApplications_Throws()
    {
        _programme.Update(_programme.Name, _programme.Summary, MatchingMode.SchemeMatches, 8, 6, openForApplications: false, trainingValidityMonths: null);

        var error = Assert.Throws<DomainRuleException>(() => MenteeWithGoal().Apply(_programme, Choices, TestClock.Now));

        Assert.Contains("not taking applications", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AlreadyPairedInProgramme_Throws()
    {
        var mentee = MenteeWithGoal();
        mentee.JoinProgramme(_programme);
        mentee.PairWith(Mentor(), _programme, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => mentee.Apply(_programme, Choices, TestClock.Now));

        Assert.Contains("already have a mentor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SecondWhileOneIsWaiting_Throws()
    {
        var mentee = MenteeWithGoal();
        mentee.Apply(_programme, Choices, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => mentee.Apply(_programme, Choices, TestClock.Now.AddMinutes(1)));

        Assert.Contains("already waiting", error.Message, StringComparison.Ordinal);
        Assert.Single(mentee.Applications);
    }

    [Fact]
    public void Apply_AfterWithdrawing_IsAllowedAgain()
    {
        var mentee = MenteeWithGoal();
        mentee.Apply(_programme, Choices, TestClock.Now).Withdraw(TestClock.Now.AddDays(1));

        var again = mentee.Apply(_programme, Choices, TestClock.Now.AddDays(2));

        Assert.True(again.IsWaiting);
        Assert.Equal(2, mentee.Applications.Count);
    }

    [Fact]
    public void Apply_WithoutAnOpenGoal_Throws()
    {
        var mentee = new MenteeBuilder().Build();

        var error = Assert.Throws<DomainRuleException>(() => mentee.Apply(_programme, Choices, TestClock.Now));

        Assert.Contains("at least one goal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OnlyAchievedGoals_Throws()
    {
        var mentee = new MenteeBuilder().Build();
        var goal = mentee.AddGoal(GoalHorizon.ShortTerm, "Pass the exam", 3, TestClock.Now);
        goal.SetStatus(GoalStatus.Achieved, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => mentee.Apply(_programme, Choices, TestClock.Now));
    }

    [Fact]
    public void Apply_WithoutStatement_Throws()
    {
        Assert.Throws<DomainRuleException>(() => MenteeWithGoal().Apply(_programme, Choices with { Statement = "  " }, TestClock.Now));
    }

    [Fact]
    public void Match_WaitingApplication_StartsPairingAndTakesAPlace()
    {
        var mentor = Mentor(capacity: 1);
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        var acceptance = application.Match(mentor, _programme, TestClock.Now.AddDays(3));

        Assert.Equal(ApplicationStatus.Matched, application.Status);
        Assert.Equal(TestClock.Now.AddDays(3), application.DecidedAt);
        Assert.Same(acceptance.Pairing, application.Pairing);
        Assert.True(acceptance.Pairing.IsActive);
        Assert.Equal(mentor.Id, acceptance.Pairing.MentorId);
        Assert.Equal(1, mentor.ActiveMenteeCount);
        Assert.False(mentor.HasFreePlace);
        Assert.True(application.Mentee!.HasActivePairingIn(_programme.Id));
    }

    [Fact]
    public void Match_MentorAlreadyFull_Throws()
    {
        var mentor = Mentor(capacity: 1);
        MenteeWithGoal().Apply(_programme, Choices, TestClock.Now).Match(mentor, _programme, TestClock.Now);
        var second = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => second.Match(mentor, _programme, TestClock.Now));

        Assert.Contains("full capacity", error.Message, StringComparison.Ordinal);
        Assert.True(second.IsWaiting);
        Assert.Equal(1, mentor.ActiveMenteeCount);
    }

    [Theory]
    [InlineData("untrained")]
    [InlineData("unapproved")]
    [InlineData("paused")]
    [InlineData("not accepting")]
    public void Match_UnmatchableMentor_Throws(string why)
    {
        var builder = new MentorBuilder().InProgramme(_programme);
        var mentor = why switch
        {
            "untrained" => builder.Untrained(),
            "unapproved" => builder.Unapproved(),
            "paused" => builder.PausedUntil(TestClock.Today.AddMonths(1)),
            _ => builder.NotAccepting(),
        };
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => application.Match(mentor.Build(), _programme, TestClock.Now));

        Assert.Contains("cannot be matched", error.Message, StringComparison.Ordinal);
        Assert.True(application.IsWaiting);
    }

    [Fact]
    public void Match_DeclaredConflictByName_Throws()
    {
        var mentor = Mentor(name: "Dr Priya Nair");
        var application = MenteeWithGoal().Apply(_programme, Choices with { Conflicts = "Some Other Person\npriya nair" }, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => application.Match(mentor, _programme, TestClock.Now));

        Assert.Contains("conflict", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, mentor.ActiveMenteeCount);
        Assert.True(application.IsWaiting);
    }

    [Fact]
    public void Match_DeclaredConflictByOrganisation_Throws()
    {
        var application = MenteeWithGoal().Apply(_programme, Choices with { Conflicts = "Royal Free" }, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.Match(Mentor(), _programme, TestClock.Now));
    }

    [Fact]
    public void Match_OwnOrganisationWhenAskedToAvoidIt_Throws()
    {
        var mentee = MenteeWithGoal(organisation: MentorOrganisation);
        var application = mentee.Apply(_programme, Choices with { AvoidOwnOrganisation = true }, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => application.Match(Mentor(), _programme, TestClock.Now));

        Assert.Contains("own organisation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_OwnOrganisationWhenNotAsked_IsAllowed()
    {
        var application = MenteeWithGoal(organisation: MentorOrganisation).Apply(_programme, Choices, TestClock.Now);

        application.Match(Mentor(), _programme, TestClock.Now);

        Assert.Equal(ApplicationStatus.Matched, application.Status);
    }

    [Fact]
    public void Match_MentorOutsideTheProgramme_Throws()
    {
        var elsewhere = new MentorBuilder().InProgramme(new ProgrammeBuilder().Build()).Build();
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.Match(elsewhere, _programme, TestClock.Now));
        Assert.True(application.IsWaiting);
    }

    [Fact]
    public void Match_AnotherProgramme_Throws()
    {
        var other = new ProgrammeBuilder().WithName("Other", "other").SchemeMatches().Build();
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.Match(Mentor(), other, TestClock.Now));
    }

    [Theory]
    [InlineData(ApplicationStatus.Matched)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Match_NotWaiting_Throws(ApplicationStatus status)
    {
        var application = InStatus(status);

        var error = Assert.Throws<DomainRuleException>(() => application.Match(Mentor(), _programme, TestClock.Now));

        Assert.Contains("already been dealt with", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decline_Waiting_RecordsTheMessage()
    {
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        application.Decline("  We have no mentor in your specialty this round; please apply again in spring.  ", TestClock.Now.AddDays(1));

        Assert.Equal(ApplicationStatus.Declined, application.Status);
        Assert.Equal("We have no mentor in your specialty this round; please apply again in spring.", application.DecisionMessage);
        Assert.Equal(TestClock.Now.AddDays(1), application.DecidedAt);
    }

    [Fact]
    public void Decline_WithoutMessage_Throws()
    {
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => application.Decline(" ", TestClock.Now));
        Assert.True(application.IsWaiting);
    }

    [Theory]
    [InlineData(ApplicationStatus.Matched)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Decline_NotWaiting_Throws(ApplicationStatus status)
    {
        Assert.Throws<DomainRuleException>(() => InStatus(status).Decline("Sorry.", TestClock.Now));
    }

    [Fact]
    public void Withdraw_Waiting_LeavesTheQueue()
    {
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);

        application.Withdraw(TestClock.Now.AddHours(2));

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.False(application.IsWaiting);
        Assert.Equal(TestClock.Now.AddHours(2), application.DecidedAt);
    }

    [Theory]
    [InlineData(ApplicationStatus.Matched)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Withdraw_NotWaiting_Throws(ApplicationStatus status)
    {
        Assert.Throws<DomainRuleException>(() => InStatus(status).Withdraw(TestClock.Now));
    }

    [Fact]
    public void Needs_CarryTheApplicationsChoicesAndOpenGoals()
    {
        var mentee = MenteeWithGoal(organisation: "St Elsewhere");
        mentee.SetGoal(GoalHorizon.LongTerm, "Become a clinical director", TestClock.Now);
        var application = mentee.Apply(_programme,
            new ApplicationChoices("Grow as a leader.", "Dr Smith", AvoidOwnOrganisation: true, MeetingModes.Phone), TestClock.Now);

        var needs = application.Needs();

        Assert.Equal([GoalHorizon.ShortTerm, GoalHorizon.LongTerm], needs.Goals.Select(g => g.Horizon));
        Assert.True(needs.AvoidOwnOrganisation);
        Assert.Equal("St Elsewhere", needs.Organisation);
        Assert.Equal(["Dr Smith"], needs.Conflicts);
        Assert.Equal(MeetingModes.Phone, needs.PreferredModes);
        Assert.Empty(needs.ExcludedMentorIds);
    }

    private MenteeApplication InStatus(ApplicationStatus status)
    {
        var application = MenteeWithGoal().Apply(_programme, Choices, TestClock.Now);
        switch (status)
        {
            case ApplicationStatus.Matched:
                application.Match(Mentor(), _programme, TestClock.Now);
                break;
            case ApplicationStatus.Declined:
                application.Decline("Sorry, not this time.", TestClock.Now);
                break;
            case ApplicationStatus.Withdrawn:
                application.Withdraw(TestClock.Now);
                break;
        }

        return application;
    }

    private Mentor Mentor(int capacity = 2, string name = "Dr Jo Mensah") =>
        new MentorBuilder().WithName(name).WithCapacity(capacity).InProgramme(_programme).Build();

    private static Mentee MenteeWithGoal(string? organisation = null)
    {
        var mentee = new MenteeBuilder().Build();
        if (organisation is not null)
        {
            mentee.UpdateProfile(new MenteeProfile(mentee.DisplayName, mentee.Specialty!, mentee.Grade!, mentee.Region!, mentee.Background!, organisation),
                TestClock.Now);
        }

        mentee.SetGoal(GoalHorizon.ShortTerm, "Lead a quality improvement project", TestClock.Now);
        return mentee;
    }
}
