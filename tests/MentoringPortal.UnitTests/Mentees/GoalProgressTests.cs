using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentees;

/// <summary>Goals with self-ratings: the start rating, the history kept in order, status and updates.</summary>
public sealed class GoalProgressTests
{
    private readonly Mentee _mentee = new MenteeBuilder().Build();

    private static DateTime Later(int days) => TestClock.Now.AddDays(days);

    private Goal AddGoal(int startRating = 2)
    {
        var goal = _mentee.AddGoal(GoalHorizon.MediumTerm, "Lead a quality improvement project.", startRating, TestClock.Now);
        return goal.WithId(EntityIds.Next());
    }

    [Fact]
    public void AddGoal_WithStartRating_RecordsTheFirstRating()
    {
        var goal = AddGoal(startRating: 2);

        Assert.Same(goal, Assert.Single(_mentee.Goals));
        Assert.Equal(GoalHorizon.MediumTerm, goal.Horizon);
        Assert.Equal(GoalStatus.Open, goal.Status);
        Assert.Equal(2, goal.StartRating);
        Assert.Equal(2, goal.CurrentRating);
        var rating = Assert.Single(goal.Ratings);
        Assert.Equal(TestClock.Now, rating.RecordedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void AddGoal_RatingOutOfRange_ThrowsAndAddsNothing(int rating)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            _mentee.AddGoal(GoalHorizon.ShortTerm, "Feel confident on call.", rating, TestClock.Now));

        Assert.Equal("Rate your progress from 1 to 5.", error.Message);
        Assert.Empty(_mentee.Goals);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void AddGoal_RatingAtEitherEnd_IsAccepted(int rating)
    {
        Assert.Equal(rating, AddGoal(rating).StartRating);
    }

    [Fact]
    public void AddGoal_UndefinedHorizon_Throws()
    {
        Assert.Throws<DomainRuleException>(() => _mentee.AddGoal((GoalHorizon)7, "Something.", 1, TestClock.Now));
        Assert.Empty(_mentee.Goals);
    }

    [Fact]
    public void AddGoal_EmptyDescription_Throws()
    {
        Assert.Throws<DomainRuleException>(() => _mentee.AddGoal(GoalHorizon.LongTerm, "   ", 1, TestClock.Now));
        Assert.Empty(_mentee.Goals);
    }

    [Fact]
    public void Rate_SeveralTimes_KeepsHistoryInOrder()
    {
        var goal = AddGoal(startRating: 1);

        goal.Rate(3, Later(30));
        goal.Rate(2, Later(60));
        goal.Rate(4, Later(90));

        Assert.Equal([1, 3, 2, 4], goal.Ratings.Select(r => r.Rating));
        Assert.Equal([TestClock.Now, Later(30), Later(60), Later(90)], goal.Ratings.Select(r => r.RecordedAt));
        Assert.Equal(1, goal.StartRating);
        Assert.Equal(4, goal.CurrentRating);
        Assert.Equal(Later(90), goal.UpdatedAt);
    }

    [Fact]
    public void Rate_OutOfRange_KeepsHistory()
    {
        var goal = AddGoal(startRating: 2);

        Assert.Throws<DomainRuleException>(() => goal.Rate(6, Later(1)));

        Assert.Equal([2], goal.Ratings.Select(r => r.Rating));
    }

    [Theory]
    [InlineData(GoalStatus.Achieved)]
    [InlineData(GoalStatus.Dropped)]
    [InlineData(GoalStatus.Open)]
    public void SetStatus_DefinedStatus_ChangesStatus(GoalStatus status)
    {
        var goal = AddGoal();

        goal.SetStatus(status, Later(10));

        Assert.Equal(status, goal.Status);
        Assert.Equal(Later(10), goal.UpdatedAt);
    }

    [Fact]
    public void SetStatus_UndefinedStatus_Throws()
    {
        var goal = AddGoal();

        Assert.Throws<DomainRuleException>(() => goal.SetStatus((GoalStatus)9, Later(1)));
        Assert.Equal(GoalStatus.Open, goal.Status);
    }

    [Fact]
    public void UpdateGoal_NewRating_AddsToHistoryAndChangesDescriptionAndStatus()
    {
        var goal = AddGoal(startRating: 2);

        _mentee.UpdateGoal(goal.Id, "Lead and finish a quality improvement project.", GoalStatus.Achieved, 5, Later(120));

        Assert.Equal("Lead and finish a quality improvement project.", goal.Description);
        Assert.Equal(GoalStatus.Achieved, goal.Status);
        Assert.Equal([2, 5], goal.Ratings.Select(r => r.Rating));
        Assert.Equal(2, goal.StartRating);
        Assert.Equal(5, goal.CurrentRating);
    }

    [Fact]
    public void UpdateGoal_SameRating_AddsNoRating()
    {
        var goal = AddGoal(startRating: 3);

        _mentee.UpdateGoal(goal.Id, "Lead a quality improvement project.", GoalStatus.Open, 3, Later(5));

        Assert.Single(goal.Ratings);
    }

    [Fact]
    public void UpdateGoal_NoRating_KeepsHistory()
    {
        var goal = AddGoal(startRating: 3);

        _mentee.UpdateGoal(goal.Id, "Lead a project.", GoalStatus.Dropped, null, Later(5));

        Assert.Equal(GoalStatus.Dropped, goal.Status);
        Assert.Equal([3], goal.Ratings.Select(r => r.Rating));
    }

    [Fact]
    public void UpdateGoal_UnknownGoal_Throws()
    {
        AddGoal();

        var error = Assert.Throws<DomainRuleException>(() => _mentee.UpdateGoal(-5, "Anything.", GoalStatus.Open, 2, Later(1)));

        Assert.Equal("That goal no longer exists.", error.Message);
    }

    [Fact]
    public void SetGoal_EmptyDescriptionOnGoalWithRatings_RefusesToRemoveIt()
    {
        _mentee.SetGoal(GoalHorizon.ShortTerm, "Feel confident on call again.", TestClock.Now);
        var goal = Assert.Single(_mentee.Goals);
        goal.Rate(2, Later(1));

        var error = Assert.Throws<DomainRuleException>(() => _mentee.SetGoal(GoalHorizon.ShortTerm, string.Empty, Later(2)));

        Assert.Contains("Mark it as dropped", error.Message, StringComparison.Ordinal);
        Assert.Same(goal, Assert.Single(_mentee.Goals));
    }
}
