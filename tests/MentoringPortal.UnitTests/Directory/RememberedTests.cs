using MentoringPortal.Web.Features.Directory;

namespace MentoringPortal.UnitTests.Directory;

/// <summary>A remembered count or boundary is refreshed by one request once it is old; the others keep using it.</summary>
public sealed class RememberedTests
{
    private static readonly DateTimeOffset Noted = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    [Fact]
    public void Fresh_IsUsedByEveryone()
    {
        var remembered = new Remembered<int>(9_000, Noted);

        Assert.False(remembered.ClaimRefresh(Noted.AddSeconds(29), Lifetime));
        Assert.False(remembered.ClaimRefresh(Noted.AddSeconds(29), Lifetime));
        Assert.Equal(9_000, remembered.Value);
    }

    [Fact]
    public void Old_IsRefreshedByTheFirstCallerOnly()
    {
        var remembered = new Remembered<int>(9_000, Noted);

        var claims = Enumerable.Range(0, 32).AsParallel().Select(_ => remembered.ClaimRefresh(Noted.AddSeconds(30), Lifetime)).ToList();

        Assert.Equal(1, claims.Count(claimed => claimed));
    }
}
