using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentors;

public sealed class MentorSignUpTests
{
    private static readonly MentorProfile Profile = new("Dr Ada Okafor", ProfileOptions.Specialties[0], ProfileOptions.Grades[6],
        ProfileOptions.Regions[1], ProfileOptions.Backgrounds[1], null, "Returning after parental leave", "Consultant and trained mentor.",
        MeetingModes.Video);

    [Fact]
    public void SignUp_WaitsForApproval_AndIsNotListed()
    {
        var programme = new ProgrammeBuilder().Build();

        var mentor = Mentor.SignUp("user-1", Profile, 3, "  2-day mentor course, March 2025 ", [programme], TestClock.Now);

        Assert.Equal(MentorApproval.Waiting, mentor.Approval);
        Assert.False(mentor.IsApproved);
        Assert.False(mentor.IsListed(TestClock.Today));
        Assert.Equal(TestClock.Now, mentor.SignedUpAt);
        Assert.Equal("2-day mentor course, March 2025", mentor.TrainingDeclared);
        Assert.Equal(3, mentor.Capacity);
        Assert.Equal([programme], mentor.Programmes);
    }

    [Fact]
    public void SignUp_NoProgramme_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => Mentor.SignUp("user-1", Profile, 3, null, [], TestClock.Now));

        Assert.Equal("Choose at least one programme you would like to mentor in.", error.Message);
    }

    [Fact]
    public void SignUp_BlankTraining_IsNotDeclared()
    {
        var mentor = Mentor.SignUp("user-1", Profile, 1, "   ", [new ProgrammeBuilder().Build()], TestClock.Now);

        Assert.Null(mentor.TrainingDeclared);
    }

    [Fact]
    public void Resubmit_AfterDecline_WaitsAgain_WithoutTheMessage_AndWithTheNewProgrammes()
    {
        var first = new ProgrammeBuilder().Build();
        var second = new ProgrammeBuilder().WithName("Leadership", "leadership").Build();
        var mentor = Mentor.SignUp("user-1", Profile, 3, null, [first], TestClock.Now);
        mentor.Decline("Please do the 2-day mentor course first.", TestClock.Now);

        mentor.Resubmit(Profile with { Expertise = "Exams" }, 2, "Course booked for May", [second], TestClock.Now.AddDays(3));

        Assert.Equal(MentorApproval.Waiting, mentor.Approval);
        Assert.Null(mentor.DeclineMessage);
        Assert.Null(mentor.DeclinedAt);
        Assert.Equal("Exams", mentor.Expertise);
        Assert.Equal([second], mentor.Programmes);
        Assert.Equal(TestClock.Now.AddDays(3), mentor.SignedUpAt);
    }

    [Fact]
    public void Resubmit_WhenApproved_Throws()
    {
        var mentor = Mentor.SignUp("user-1", Profile, 3, null, [new ProgrammeBuilder().Build()], TestClock.Now);
        mentor.Approve(TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => mentor.Resubmit(Profile, 3, null, [new ProgrammeBuilder().Build()], TestClock.Now));

        Assert.Equal("You are already an approved mentor.", error.Message);
    }

    [Fact]
    public void Approve_ApprovesOnce()
    {
        var mentor = Mentor.SignUp("user-1", Profile, 3, null, [new ProgrammeBuilder().Build()], TestClock.Now);

        mentor.Approve(TestClock.Now);

        Assert.Equal(MentorApproval.Approved, mentor.Approval);
        Assert.True(mentor.IsApproved);
        Assert.Equal(TestClock.Now, mentor.ApprovedAt);
        Assert.False(mentor.IsListed(TestClock.Today)); // approved, but no training recorded yet
        Assert.Throws<DomainRuleException>(() => mentor.Approve(TestClock.Now));
    }

    [Fact]
    public void Decline_KeepsTheMessage_AndOnlyWhileWaiting()
    {
        var mentor = Mentor.SignUp("user-1", Profile, 3, null, [new ProgrammeBuilder().Build()], TestClock.Now);

        mentor.Decline("  Please do the course first.  ", TestClock.Now);

        Assert.Equal(MentorApproval.Declined, mentor.Approval);
        Assert.Equal("Please do the course first.", mentor.DeclineMessage);
        Assert.Equal(TestClock.Now, mentor.DeclinedAt);
        var again = Assert.Throws<DomainRuleException>(() => mentor.Decline("Again", TestClock.Now));
        Assert.Equal("Dr Ada Okafor's sign-up is not waiting for a decision.", again.Message);
    }

    [Fact]
    public void Decline_WithoutAMessage_Throws()
    {
        var mentor = Mentor.SignUp("user-1", Profile, 3, null, [new ProgrammeBuilder().Build()], TestClock.Now);

        Assert.Throws<DomainRuleException>(() => mentor.Decline("   ", TestClock.Now));
        Assert.Equal(MentorApproval.Waiting, mentor.Approval);
    }

    [Fact]
    public void Decline_WhenApproved_Throws()
    {
        var mentor = new MentorBuilder().Build();

        Assert.Throws<DomainRuleException>(() => mentor.Decline("No", TestClock.Now));
        Assert.Equal(MentorApproval.Approved, mentor.Approval);
    }
}
