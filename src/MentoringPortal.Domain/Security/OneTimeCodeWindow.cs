namespace MentoringPortal.Domain.Security;

/// <summary>
/// Which time steps of an authenticator app (RFC 6238: 30-second steps counted from the Unix epoch) a code
/// may come from. A step either side of now is allowed for clocks that drift, but never a step at or before
/// the last one accepted for the person, so that a code seen over someone's shoulder cannot be used again.
/// </summary>
public static class OneTimeCodeWindow
{
    public static readonly TimeSpan StepLength = TimeSpan.FromSeconds(30);

    /// <summary>How many steps before and after the current one are still accepted.</summary>
    public const int DriftSteps = 1;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)StepLength.TotalSeconds;

    public static DateTimeOffset StartOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * (long)StepLength.TotalSeconds);

    /// <summary>The steps, oldest first, whose code may be accepted now.</summary>
    public static IReadOnlyList<long> AcceptableSteps(DateTimeOffset now, long? lastAcceptedStep)
    {
        var current = StepAt(now);
        var steps = new List<long>(2 * DriftSteps + 1);
        for (var step = current - DriftSteps; step <= current + DriftSteps; step++)
        {
            if (lastAcceptedStep is not { } last || step > last)
            {
                steps.Add(step);
            }
        }

        return steps;
    }
}
