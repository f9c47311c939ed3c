using MentoringPortal.Domain.Security;

namespace MentoringPortal.UnitTests.Security;

public sealed class OneTimeCodeWindowTests
{
    // 2026-03-02 09:00:15 UTC: 15 seconds into a 30-second step.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 15, TimeSpan.Zero);
    private static readonly long Current = Now.ToUnixTimeSeconds() / 30;

    [Fact]
    public void StepAt_CountsThirtySecondStepsFromTheUnixEpoch()
    {
        Assert.Equal(0, OneTimeCodeWindow.StepAt(DateTimeOffset.UnixEpoch.AddSeconds(29)));
        Assert.Equal(1, OneTimeCodeWindow.StepAt(DateTimeOffset.UnixEpoch.AddSeconds(30)));
        Assert.Equal(Current, OneTimeCodeWindow.StepAt(Now));
        Assert.Equal(Now.AddSeconds(-15), OneTimeCodeWindow.StartOf(Current));
    }

    [Fact]
    public void NothingAcceptedYet_AllowsOneStepEitherSideForClockDrift()
    {
        Assert.Equal([Current - 1, Current, Current + 1], OneTimeCodeWindow.AcceptableSteps(Now, lastAcceptedStep: null));
    }

    [Fact]
    public void TheStepJustAccepted_CannotBeUsedAgain()
    {
        Assert.Equal([Current + 1], OneTimeCodeWindow.AcceptableSteps(Now, lastAcceptedStep: Current));
    }

    [Fact]
    public void AnOlderStepThanTheLastAccepted_IsRefused_EvenInsideTheWindow()
    {
        // The previous step's code was accepted: it, and anything before it, is never accepted again.
        Assert.Equal([Current, Current + 1], OneTimeCodeWindow.AcceptableSteps(Now, lastAcceptedStep: Current - 1));
    }

    [Fact]
    public void ACodeFromTheNextStepWasAccepted_NothingIsLeftUntilTimeMovesOn()
    {
        Assert.Empty(OneTimeCodeWindow.AcceptableSteps(Now, lastAcceptedStep: Current + 1));
        Assert.Equal([Current + 2], OneTimeCodeWindow.AcceptableSteps(Now.AddSeconds(30), lastAcceptedStep: Current + 1));
    }

    [Fact]
    public void ALongAgoAcceptedStep_DoesNotNarrowTheWindow()
    {
        Assert.Equal(3, OneTimeCodeWindow.AcceptableSteps(Now, lastAcceptedStep: Current - 100).Count);
    }
}
