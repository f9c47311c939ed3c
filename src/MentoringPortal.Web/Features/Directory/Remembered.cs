namespace MentoringPortal.Web.Features.Directory;

/// <summary>
/// A value an instance remembers for a while (a whole-list count, a deep page's boundary). Once it is older than its
/// lifetime, the first request to notice refreshes it from the database while the others go on using it, so that its
/// expiry never sends every concurrent request to the same query at once (ADR-015, "Revised").
/// </summary>
public sealed class Remembered<T>(T value, DateTimeOffset at)
{
    /// <summary>How long an entry is kept at most, should the request refreshing it fail: then the next one refreshes it.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    private int _refreshing;

    public T Value { get; } = value;

    /// <summary>True for the one caller that should read the value afresh: it is older than <paramref name="lifetime"/>.</summary>
    public bool ClaimRefresh(DateTimeOffset now, TimeSpan lifetime) =>
        now - at >= lifetime && Interlocked.Exchange(ref _refreshing, 1) == 0;
}
