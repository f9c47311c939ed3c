namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="TimeProvider"/> whose "now" the test sets and advances. Only the wall clock is
/// controlled: timers and timestamps stay real, so background services (the email dispatcher)
/// keep running. Register it with <c>new PortalFactoryOptions { Clock = clock }</c>.
/// </summary>
/// <remarks>
/// Starts at the real current time by default: authentication cookies expire relative to this
/// clock, and an HttpClient drops cookies whose expiry lies in the real past.
/// </remarks>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _utcNow;

    public TestClock()
        : this(System.GetUtcNow())
    {
    }

    public TestClock(DateTimeOffset start)
    {
        _utcNow = start.ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _utcNow;
        }
    }

    public void Set(DateTimeOffset utcNow)
    {
        lock (_lock)
        {
            _utcNow = utcNow.ToUniversalTime();
        }
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _utcNow += by;
            return _utcNow;
        }
    }
}
