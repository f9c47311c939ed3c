namespace MentoringPortal.Domain.Privacy;

/// <summary>How long an unused account is kept before its owner is warned that it will be erased.</summary>
public static class Retention
{
    public const int DefaultUnusedYears = 3;

    /// <summary>
    /// Unused means no sign-in for the whole period; an account that has never signed in counts
    /// from when it was created.
    /// </summary>
    public static bool IsUnused(DateTime createdAt, DateTime? lastSignedInAt, DateTime now, int unusedYears) =>
        (lastSignedInAt ?? createdAt) <= now.AddYears(-unusedYears);
}
