namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>Values no other test uses, so tests sharing a database or the shared maildir cannot collide.</summary>
public static class Unique
{
    /// <summary>For example <c>mentee-3f9a0c1b@mentoring.test</c>.</summary>
    public static string Email(string prefix = "user") => $"{prefix}-{Suffix()}@mentoring.test";

    /// <summary>For example <c>Programme 3f9a0c1b</c>.</summary>
    public static string Name(string prefix) => $"{prefix} {Suffix()}";

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];
}
