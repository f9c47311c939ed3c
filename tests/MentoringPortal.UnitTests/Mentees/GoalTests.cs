using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentees;

public sealed class GoalTests
{
    private readonly Mentee _mentee = new MenteeBuilder().Build();

    [Fact]
    public void SetGoal_NewHorizon_AddsGoal()
    {
        _mentee.SetGoal(GoalHorizon.ShortTerm, "  Pass the final FRCA exam.  ", TestClock.Now);

        var goal = Assert.Single(_mentee.Goals);
        Assert.Equal(GoalHorizon.ShortTerm, goal.Horizon);
        Assert.Equal("Pass the final FRCA exam.", goal.Description);
        Assert.Equal(TestClock.Now, goal.CreatedAt);
        Assert.Equal(TestClock.Now, goal.UpdatedAt);
    }

    [Fact]
    public void SetGoal_ExistingHorizon_UpdatesGoal()
    {
        var later = TestClock.Now.AddDays(30);
        _mentee.SetGoal(GoalHorizon.MediumTerm, "Return to full time work.", TestClock.Now);

        _mentee.SetGoal(GoalHorizon.MediumTerm, "Return to on-call rota.", later);

        var goal = Assert.Single(_mentee.Goals);
        Assert.Equal("Return to on-call rota.", goal.Description);
        Assert.Equal(TestClock.Now, goal.CreatedAt);
        Assert.Equal(later, goal.UpdatedAt);
    }

    [Fact]
    public void SetGoal_EachHorizon_KeepsOneGoalPerHorizon()
    {
        _mentee.SetGoal(GoalHorizon.ShortTerm, "Short", TestClock.Now);
        _mentee.SetGoal(GoalHorizon.MediumTerm, "Medium", TestClock.Now);
        _mentee.SetGoal(GoalHorizon.LongTerm, "Long", TestClock.Now);
        _mentee.SetGoal(GoalHorizon.ShortTerm, "Short again", TestClock.Now);

        Assert.Equal(3, _mentee.Goals.Count);
        Assert.Equal(
            [GoalHorizon.ShortTerm, GoalHorizon.MediumTerm, GoalHorizon.LongTerm],
            _mentee.Goals.Select(g => g.Horizon).Order());
        Assert.Equal("Short again", _mentee.Goals.Single(g => g.Horizon == GoalHorizon.ShortTerm).Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void SetGoal_EmptyDescription_RemovesGoal(string? description)
    {
        _mentee.SetGoal(GoalHorizon.LongTerm, "Become a consultant.", TestClock.Now);
        _mentee.SetGoal(GoalHorizon.ShortTerm, "Pass the exam.", TestClock.Now);

        _mentee.SetGoal(GoalHorizon.LongTerm, description, TestClock.Now);

        Assert.Equal(GoalHorizon.ShortTerm, Assert.Single(_mentee.Goals).Horizon);
    }

    [Fact]
    public void SetGoal_EmptyDescriptionWithoutGoal_ChangesNothing()
    {
        _mentee.SetGoal(GoalHorizon.LongTerm, description: null, TestClock.Now);

        Assert.Empty(_mentee.Goals);
    }

    [Fact]
    public void SetGoal_DescriptionTooLong_Throws()
    {
        var description = new string('g', Goal.MaxDescriptionLength + 1);

        var error = Assert.Throws<DomainRuleException>(() => _mentee.SetGoal(GoalHorizon.ShortTerm, description, TestClock.Now));

        Assert.Equal("Keep the goal to 1000 characters or fewer.", error.Message);
        Assert.Empty(_mentee.Goals);
    }
}
