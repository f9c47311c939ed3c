using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentors;

public sealed class MentorAvailabilityTests
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public void SetAvailability_PausedWithoutReturnDate_Throws()
    {
        var mentor = new MentorBuilder().Build();

        var error = Assert.Throws<DomainRuleException>(
            () => mentor.SetAvailability(AvailabilityStatus.Paused, pausedUntil: null, Today));

        Assert.Equal("Enter the date you will be back.", error.Message);
        Assert.Equal(AvailabilityStatus.Accepting, mentor.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-30)]
    public void SetAvailability_PausedUntilTodayOrEarlier_Throws(int daysFromToday)
    {
        var mentor = new MentorBuilder().Build();

        var error = Assert.Throws<DomainRuleException>(
            () => mentor.SetAvailability(AvailabilityStatus.Paused, Today.AddDays(daysFromToday), Today));

        Assert.Equal("The date you will be back must be in the future.", error.Message);
        Assert.Equal(AvailabilityStatus.Accepting, mentor.Status);
        Assert.Null(mentor.PausedUntil);
    }

    [Fact]
    public void SetAvailability_PausedForMoreThanTwoYears_Throws()
    {
        var mentor = new MentorBuilder().Build();

        var error = Assert.Throws<DomainRuleException>(
            () => mentor.SetAvailability(AvailabilityStatus.Paused, Today.AddYears(2).AddDays(1), Today));

        Assert.Equal("A pause can last at most two years.", error.Message);
    }

    [Fact]
    public void SetAvailability_PausedUntilFutureDate_PausesMentor()
    {
        var mentor = new MentorBuilder().Build();
        var returnsOn = Today.AddDays(1);

        mentor.SetAvailability(AvailabilityStatus.Paused, returnsOn, Today);

        Assert.Equal(AvailabilityStatus.Paused, mentor.Status);
        Assert.Equal(returnsOn, mentor.PausedUntil);
        Assert.True(mentor.IsPaused(Today));
        Assert.False(mentor.IsAccepting(Today));
    }

    [Fact]
    public void SetAvailability_PausedForExactlyTwoYears_PausesMentor()
    {
        var mentor = new MentorBuilder().Build();

        mentor.SetAvailability(AvailabilityStatus.Paused, Today.AddYears(2), Today);

        Assert.Equal(AvailabilityStatus.Paused, mentor.Status);
    }

    [Fact]
    public void SetAvailability_AcceptingAfterPause_ClearsReturnDate()
    {
        var mentor = new MentorBuilder().PausedUntil(Today.AddMonths(2)).Build();

        mentor.SetAvailability(AvailabilityStatus.Accepting, Today.AddMonths(2), Today);

        Assert.Equal(AvailabilityStatus.Accepting, mentor.Status);
        Assert.Null(mentor.PausedUntil);
        Assert.True(mentor.IsAccepting(Today));
    }

    [Fact]
    public void IsAccepting_BeforePauseEndDate_ReturnsFalse()
    {
        var returnsOn = Today.AddDays(10);
        var mentor = new MentorBuilder().PausedUntil(returnsOn).Build();

        Assert.False(mentor.IsAccepting(returnsOn.AddDays(-1)));
        Assert.True(mentor.IsPaused(returnsOn.AddDays(-1)));
    }

    [Fact]
    public void IsAccepting_OnPauseEndDate_ReturnsTrue()
    {
        var returnsOn = Today.AddDays(10);
        var mentor = new MentorBuilder().PausedUntil(returnsOn).Build();

        Assert.True(mentor.IsAccepting(returnsOn));
        Assert.False(mentor.IsPaused(returnsOn));
    }

    [Fact]
    public void ResumeIfPauseEnded_BeforeEndDate_StaysPaused()
    {
        var returnsOn = Today.AddDays(10);
        var mentor = new MentorBuilder().PausedUntil(returnsOn).Build();

        var resumed = mentor.ResumeIfPauseEnded(returnsOn.AddDays(-1));

        Assert.False(resumed);
        Assert.Equal(AvailabilityStatus.Paused, mentor.Status);
        Assert.Equal(returnsOn, mentor.PausedUntil);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void ResumeIfPauseEnded_OnOrAfterEndDate_ResumesAccepting(int daysAfterEnd)
    {
        var returnsOn = Today.AddDays(10);
        var mentor = new MentorBuilder().PausedUntil(returnsOn).Build();

        var resumed = mentor.ResumeIfPauseEnded(returnsOn.AddDays(daysAfterEnd));

        Assert.True(resumed);
        Assert.Equal(AvailabilityStatus.Accepting, mentor.Status);
        Assert.Null(mentor.PausedUntil);
    }

    [Fact]
    public void ResumeIfPauseEnded_NotPaused_ChangesNothing()
    {
        var mentor = new MentorBuilder().NotAccepting().Build();

        var resumed = mentor.ResumeIfPauseEnded(Today.AddYears(1));

        Assert.False(resumed);
        Assert.Equal(AvailabilityStatus.NotAccepting, mentor.Status);
    }

    [Fact]
    public void WhyNotContactable_ApprovedTrainedAcceptingWithFreePlace_ReturnsNull()
    {
        var mentor = new MentorBuilder().Build();

        Assert.Null(mentor.WhyNotContactable(Today));
        Assert.True(mentor.CanBeContacted(Today));
    }

    [Fact]
    public void WhyNotContactable_NotAccepting_ExplainsWhy()
    {
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").NotAccepting().Build();

        AssertNotContactable(mentor, Today, "Dr Ada Lovelace is not accepting new mentees at the moment. Please contact another mentor.");
    }

    [Fact]
    public void WhyNotContactable_Paused_ExplainsWhyWithReturnDate()
    {
        var returnsOn = new DateOnly(2025, 6, 1);
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").PausedUntil(returnsOn).Build();

        var reason = AssertNotContactable(mentor, Today);

        Assert.StartsWith("Dr Ada Lovelace has paused mentoring until ", reason, StringComparison.Ordinal);
        Assert.Contains(returnsOn.ToString("d MMMM yyyy"), reason, StringComparison.Ordinal);
        Assert.EndsWith("Please contact another mentor.", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNotContactable_PauseEndedButNotYetResumed_ReturnsNull()
    {
        var returnsOn = Today.AddDays(3);
        var mentor = new MentorBuilder().PausedUntil(returnsOn).Build();

        Assert.Null(mentor.WhyNotContactable(returnsOn));
        Assert.True(mentor.CanBeContacted(returnsOn));
    }

    [Fact]
    public void WhyNotContactable_Full_ExplainsWhy()
    {
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").WithCapacity(2).WithActiveMentees(2).Build();

        AssertNotContactable(mentor, Today, "Dr Ada Lovelace is at full capacity at the moment. Please contact another mentor.");
    }

    [Fact]
    public void WhyNotContactable_Unapproved_ExplainsWhy()
    {
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").Unapproved().Build();

        AssertNotContactable(mentor, Today, "Dr Ada Lovelace is not currently listed as a mentor.");
        Assert.False(mentor.IsListed(Today));
    }

    [Fact]
    public void WhyNotContactable_Untrained_ExplainsWhy()
    {
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").Untrained().Build();

        AssertNotContactable(mentor, Today, "Dr Ada Lovelace is not currently listed as a mentor.");
        Assert.False(mentor.HasValidTraining(Today));
    }

    [Fact]
    public void WhyNotContactable_TrainingExpired_ExplainsWhy()
    {
        var mentor = new MentorBuilder()
            .WithName("Dr Ada Lovelace")
            .WithTraining(Today.AddYears(-3), expiresOn: Today.AddDays(-1))
            .Build();

        AssertNotContactable(mentor, Today, "Dr Ada Lovelace is not currently listed as a mentor.");
        Assert.False(mentor.HasValidTraining(Today));
    }

    [Fact]
    public void WhyNotContactable_TrainingExpiresToday_ReturnsNull()
    {
        var mentor = new MentorBuilder().WithTraining(Today.AddYears(-3), expiresOn: Today).Build();

        Assert.True(mentor.HasValidTraining(Today));
        Assert.Null(mentor.WhyNotContactable(Today));
    }

    [Fact]
    public void WhyNotContactable_TrainingWithoutExpiry_ReturnsNull()
    {
        var mentor = new MentorBuilder().WithTraining(Today.AddYears(-10), expiresOn: null).Build();

        Assert.Null(mentor.WhyNotContactable(Today));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RecordTraining_ExpiryNotAfterCompletion_Throws(int expiryDaysAfterCompletion)
    {
        var mentor = new MentorBuilder().Untrained().Build();
        var completedOn = Today.AddMonths(-1);

        var error = Assert.Throws<DomainRuleException>(
            () => mentor.RecordTraining(completedOn, completedOn.AddDays(expiryDaysAfterCompletion)));

        Assert.Equal("Training must expire after the date it was completed.", error.Message);
        Assert.Null(mentor.TrainingCompletedOn);
    }

    private static string AssertNotContactable(Mentor mentor, DateOnly today, string? expectedReason = null)
    {
        var reason = mentor.WhyNotContactable(today);

        Assert.NotNull(reason);
        Assert.False(mentor.CanBeContacted(today));
        if (expectedReason is not null)
        {
            Assert.Equal(expectedReason, reason);
        }

        return reason;
    }
}
