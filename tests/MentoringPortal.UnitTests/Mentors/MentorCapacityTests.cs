using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentors;

public sealed class MentorCapacityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(Mentor.MaxCapacity)]
    public void SetCapacity_WithinOneToTen_SetsCapacity(int capacity)
    {
        var mentor = new MentorBuilder().Build();

        mentor.SetCapacity(capacity);

        Assert.Equal(capacity, mentor.Capacity);
        Assert.Equal(capacity, mentor.FreePlaces);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(Mentor.MaxCapacity + 1)]
    public void SetCapacity_OutsideOneToTen_Throws(int capacity)
    {
        var mentor = new MentorBuilder().WithCapacity(2).Build();

        var error = Assert.Throws<DomainRuleException>(() => mentor.SetCapacity(capacity));

        Assert.Equal("Capacity must be between 1 and 10 mentees.", error.Message);
        Assert.Equal(2, mentor.Capacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Mentor.MaxCapacity + 1)]
    public void Constructor_CapacityOutsideOneToTen_Throws(int capacity)
    {
        Assert.Throws<DomainRuleException>(() => new MentorBuilder().WithCapacity(capacity).Build());
    }

    [Fact]
    public void SetCapacity_BelowActiveMenteeCount_Throws()
    {
        var mentor = new MentorBuilder().WithCapacity(3).WithActiveMentees(2).Build();

        var error = Assert.Throws<DomainRuleException>(() => mentor.SetCapacity(1));

        Assert.Equal("You mentor 2 people at the moment, so your capacity cannot be lower than 2.", error.Message);
        Assert.Equal(3, mentor.Capacity);
    }

    [Fact]
    public void SetCapacity_EqualToActiveMenteeCount_LeavesNoFreePlace()
    {
        var mentor = new MentorBuilder().WithCapacity(3).WithActiveMentees(2).Build();

        mentor.SetCapacity(2);

        Assert.Equal(2, mentor.Capacity);
        Assert.Equal(0, mentor.FreePlaces);
        Assert.False(mentor.HasFreePlace);
    }

    [Fact]
    public void SetCapacity_RaisedWhenFull_MakesMentorContactableAgain()
    {
        var mentor = new MentorBuilder().WithCapacity(1).WithActiveMentees(1).Build();
        Assert.False(mentor.CanBeContacted(TestClock.Today));

        mentor.SetCapacity(2);

        Assert.Equal(1, mentor.FreePlaces);
        Assert.True(mentor.CanBeContacted(TestClock.Today));
    }

    [Fact]
    public void SetCapacity_AnyChange_BumpsVersion()
    {
        var mentor = new MentorBuilder().Build();
        var before = mentor.Version;

        mentor.SetCapacity(4);

        Assert.True(mentor.Version > before);
    }
}
