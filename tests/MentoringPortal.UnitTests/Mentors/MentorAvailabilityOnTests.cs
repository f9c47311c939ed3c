using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.UnitTests.Mentors;

/// <summary>Where a listed mentor stands today, as the directory shows it and as a trainee is told when they cannot ask.</summary>
public sealed class MentorAvailabilityOnTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData(AvailabilityStatus.Accepting, null, 2, 1, MentorAvailability.Accepting)]
    [InlineData(AvailabilityStatus.Accepting, null, 2, 2, MentorAvailability.Full)]
    [InlineData(AvailabilityStatus.NotAccepting, null, 2, 0, MentorAvailability.NotAccepting)]
    [InlineData(AvailabilityStatus.Paused, 1, 2, 0, MentorAvailability.Paused)]
    [InlineData(AvailabilityStatus.Paused, 1, 2, 2, MentorAvailability.Paused)]
    [InlineData(AvailabilityStatus.Paused, 0, 2, 0, MentorAvailability.Accepting)]
    [InlineData(AvailabilityStatus.Paused, -3, 1, 1, MentorAvailability.Full)]
    public void AvailabilityOn_FromTheStoredValues(AvailabilityStatus status, int? pausedForDays, int capacity, int active,
        MentorAvailability expected)
    {
        var pausedUntil = pausedForDays is { } days ? Today.AddDays(days) : (DateOnly?)null;

        Assert.Equal(expected, Mentor.AvailabilityOn(Today, status, pausedUntil, capacity, active));
    }

    [Fact]
    public void WhyNotAvailable_SaysWhyInWordsForTheTrainee()
    {
        Assert.Null(Mentor.WhyNotAvailable("Dr Ada Lovelace", MentorAvailability.Accepting, null));
        Assert.Equal("Dr Ada Lovelace is at full capacity at the moment. Please contact another mentor.",
            Mentor.WhyNotAvailable("Dr Ada Lovelace", MentorAvailability.Full, null));
        Assert.Equal("Dr Ada Lovelace has paused mentoring until 1 April 2026. Please contact another mentor.",
            Mentor.WhyNotAvailable("Dr Ada Lovelace", MentorAvailability.Paused, new DateOnly(2026, 4, 1)));
        Assert.Equal("Dr Ada Lovelace is not accepting new mentees at the moment. Please contact another mentor.",
            Mentor.WhyNotAvailable("Dr Ada Lovelace", MentorAvailability.NotAccepting, null));
    }
}
