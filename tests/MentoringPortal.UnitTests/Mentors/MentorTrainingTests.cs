using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentors;

public sealed class MentorTrainingTests
{
    private static readonly DateOnly Today = TestClock.Today;

    [Fact]
    public void RecordTraining_SchemeCourse_ListsAnApprovedMentor()
    {
        var mentor = new MentorBuilder().Untrained().Build();

        var record = mentor.RecordTraining(Mentor.SchemeCourseName, isSchemeCourse: true, Today.AddMonths(-1), Today.AddYears(2), "admin-1", TestClock.Now);

        Assert.True(mentor.IsListed(Today));
        Assert.Equal(Today.AddMonths(-1), mentor.TrainingCompletedOn);
        Assert.Equal(Today.AddYears(2), mentor.TrainingExpiresOn);
        Assert.Equal("admin-1", record.RecordedByUserId);
        Assert.Single(mentor.Training);
    }

    [Fact]
    public void RecordTraining_OtherCourse_DoesNotList()
    {
        var mentor = new MentorBuilder().Untrained().Build();

        mentor.RecordTraining("Coaching skills", isSchemeCourse: false, Today.AddMonths(-1), null, "admin-1", TestClock.Now);

        Assert.False(mentor.IsListed(Today));
        Assert.Null(mentor.TrainingCompletedOn);
        Assert.Single(mentor.Training);
    }

    [Fact]
    public void RecordTraining_LatestSchemeCourseWins_AnOlderOneRecordedLaterDoesNot()
    {
        var mentor = new MentorBuilder().Untrained().Build();
        mentor.RecordTraining(Mentor.SchemeCourseName, true, Today.AddYears(-4), Today.AddYears(-1), "admin-1", TestClock.Now);
        mentor.RecordTraining(Mentor.SchemeCourseName, true, Today.AddMonths(-2), Today.AddYears(3), "admin-1", TestClock.Now);

        mentor.RecordTraining(Mentor.SchemeCourseName, true, Today.AddYears(-2), Today.AddYears(1), "admin-1", TestClock.Now);

        Assert.Equal(Today.AddMonths(-2), mentor.TrainingCompletedOn);
        Assert.Equal(Today.AddYears(3), mentor.TrainingExpiresOn);
        Assert.Equal(3, mentor.Training.Count);
    }

    [Fact]
    public void RecordTraining_CompletedInTheFuture_Throws()
    {
        var mentor = new MentorBuilder().Untrained().Build();

        var error = Assert.Throws<DomainRuleException>(() =>
            mentor.RecordTraining(Mentor.SchemeCourseName, true, Today.AddDays(1), null, "admin-1", TestClock.Now));

        Assert.Equal("The date completed cannot be in the future.", error.Message);
        Assert.Empty(mentor.Training);
        Assert.Null(mentor.TrainingCompletedOn);
    }

    [Fact]
    public void RecordTraining_ExpiringOnOrBeforeCompletion_Throws()
    {
        var mentor = new MentorBuilder().Untrained().Build();

        Assert.Throws<DomainRuleException>(() =>
            mentor.RecordTraining(Mentor.SchemeCourseName, true, Today.AddDays(-10), Today.AddDays(-10), "admin-1", TestClock.Now));
        Assert.Empty(mentor.Training);
    }

    [Fact]
    public void ExpiredTraining_UnlistsTheMentor()
    {
        var mentor = new MentorBuilder().WithTraining(Today.AddYears(-3), Today.AddDays(-1)).Build();

        Assert.False(mentor.IsListed(Today));
        Assert.False(mentor.CanBeContacted(Today));
        Assert.True(mentor.IsListed(Today.AddDays(-1)));
    }

    [Fact]
    public void SchemeCourseExpiry_UsesTheShortestValidityOfTheMentorsProgrammes()
    {
        var mentor = new MentorBuilder()
            .InProgramme(Programme(validityMonths: 36))
            .InProgramme(Programme(validityMonths: 24))
            .InProgramme(Programme(validityMonths: null))
            .Build();

        Assert.Equal(new DateOnly(2027, 1, 15), mentor.SchemeCourseExpiry(new DateOnly(2025, 1, 15)));
    }

    [Fact]
    public void SchemeCourseExpiry_NoProgrammeSetsOne_NeverExpires()
    {
        var mentor = new MentorBuilder().InProgramme(Programme(validityMonths: null)).Build();

        Assert.Null(mentor.SchemeCourseExpiry(new DateOnly(2025, 1, 15)));
    }

    [Theory]
    [InlineData(31, false)]
    [InlineData(30, true)]
    [InlineData(1, true)]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void NeedsTrainingReminder_FromThirtyDaysBeforeExpiryUntilItPasses(int daysToExpiry, bool due)
    {
        var mentor = new MentorBuilder().WithTraining(Today.AddYears(-2), Today.AddDays(daysToExpiry)).Build();

        Assert.Equal(due, mentor.NeedsTrainingReminder(Today));
    }

    [Fact]
    public void NeedsTrainingReminder_OncePerExpiryDate()
    {
        var mentor = new MentorBuilder().WithTraining(Today.AddYears(-2), Today.AddDays(20)).Build();

        mentor.RecordTrainingReminder();

        Assert.False(mentor.NeedsTrainingReminder(Today));
        Assert.False(mentor.NeedsTrainingReminder(Today.AddDays(10)));

        // Renewed training gets a new expiry date, which is announced again when it comes near.
        mentor.RecordTraining(Mentor.SchemeCourseName, true, Today, Today.AddYears(2), "admin-1", TestClock.Now);
        Assert.False(mentor.NeedsTrainingReminder(Today));
        Assert.True(mentor.NeedsTrainingReminder(Today.AddYears(2).AddDays(-30)));
    }

    [Fact]
    public void NeedsTrainingReminder_NotForUnapprovedOrNeverExpiring()
    {
        Assert.False(new MentorBuilder().Unapproved().WithTraining(Today.AddYears(-2), Today.AddDays(5)).Build().NeedsTrainingReminder(Today));
        Assert.False(new MentorBuilder().WithTraining(Today.AddYears(-2), null).Build().NeedsTrainingReminder(Today));
    }

    [Fact]
    public void WhyNotMatchable_EachReason()
    {
        Assert.Null(new MentorBuilder().Build().WhyNotMatchable(Today));
        Assert.Equal("not approved as a mentor", new MentorBuilder().Unapproved().Build().WhyNotMatchable(Today));
        Assert.Equal("mentor training not recorded", new MentorBuilder().Untrained().Build().WhyNotMatchable(Today));
        Assert.Equal("mentor training expired on 9 March 2025",
            new MentorBuilder().WithTraining(Today.AddYears(-2), Today.AddDays(-1)).Build().WhyNotMatchable(Today));
        Assert.Equal("paused until 1 June 2025", new MentorBuilder().PausedUntil(new DateOnly(2025, 6, 1)).Build().WhyNotMatchable(Today));
        Assert.Equal("not accepting new mentees", new MentorBuilder().NotAccepting().Build().WhyNotMatchable(Today));
        Assert.Equal("at full capacity (1 of 1 places used)",
            new MentorBuilder().WithCapacity(1).WithActiveMentees(1).Build().WhyNotMatchable(Today));
    }

    private static Programme Programme(int? validityMonths)
    {
        var programme = new ProgrammeBuilder().Build();
        programme.Update(programme.Name, programme.Summary, programme.MatchingMode, programme.MeetingCadenceWeeks,
            programme.EvaluationPointMonths, programme.OpenForApplications, validityMonths);
        return programme;
    }
}
