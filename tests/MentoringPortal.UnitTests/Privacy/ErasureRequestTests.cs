using MentoringPortal.Domain;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Privacy;

/// <summary>When an account may be erased: after the waiting period, unless cancelled or used again.</summary>
public sealed class ErasureRequestTests
{
    [Fact]
    public void Ask_WaitsFourteenDays()
    {
        var request = ErasureRequest.Ask("user-1", alreadyPending: false, TestClock.Now);

        Assert.Equal(TestClock.Now.AddDays(14), request.DueAt);
        Assert.False(request.IsDue(TestClock.Now.AddDays(14).AddSeconds(-1)));
        Assert.True(request.IsDue(TestClock.Now.AddDays(14)));
        Assert.Equal(ErasureReason.Requested, request.Reason);
    }

    [Fact]
    public void Ask_AlreadyPending_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => ErasureRequest.Ask("user-1", alreadyPending: true, TestClock.Now));

        Assert.Contains("already asked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_Pending_IsNeverDue()
    {
        var request = ErasureRequest.Ask("user-1", alreadyPending: false, TestClock.Now);

        request.Cancel(TestClock.Now.AddDays(3));

        Assert.False(request.IsPending);
        Assert.False(request.ShouldEraseNow(TestClock.Now.AddDays(30), lastSignedInAt: null));
    }

    [Fact]
    public void Cancel_Completed_Throws()
    {
        var request = ErasureRequest.Ask("user-1", alreadyPending: false, TestClock.Now);
        request.Complete(TestClock.Now.AddDays(14));

        var error = Assert.Throws<DomainRuleException>(() => request.Cancel(TestClock.Now.AddDays(15)));

        Assert.Contains("already been erased", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldEraseNow_OwnRequestAndSignedInSince_StillErases()
    {
        var request = ErasureRequest.Ask("user-1", alreadyPending: false, TestClock.Now);

        Assert.True(request.ShouldEraseNow(TestClock.Now.AddDays(14), lastSignedInAt: TestClock.Now.AddDays(2)));
    }

    [Fact]
    public void ByAdministrator_IsDueAtOnce()
    {
        var request = ErasureRequest.ByAdministrator("user-1", "admin-1", TestClock.Now);

        Assert.True(request.ShouldEraseNow(TestClock.Now, lastSignedInAt: null));
        Assert.Equal("admin-1", request.RequestedByUserId);
    }

    [Fact]
    public void ByAdministrator_OwnAccount_Throws()
    {
        Assert.Throws<DomainRuleException>(() => ErasureRequest.ByAdministrator("admin-1", "admin-1", TestClock.Now));
    }

    [Fact]
    public void ForInactivity_SignedInAfterWarning_Lapses()
    {
        var warning = ErasureRequest.ForInactivity("user-1", TestClock.Now);

        Assert.False(warning.ShouldEraseNow(TestClock.Now.AddDays(30), lastSignedInAt: TestClock.Now.AddDays(1)));
        Assert.True(warning.ShouldEraseNow(TestClock.Now.AddDays(30), lastSignedInAt: TestClock.Now.AddYears(-4)));
        Assert.False(warning.ShouldEraseNow(TestClock.Now.AddDays(29), lastSignedInAt: null));
    }

    [Theory]
    [InlineData(-3, null, true)]
    [InlineData(-4, -3, true)]
    [InlineData(-4, -2, false)]
    [InlineData(-2, null, false)]
    public void IsUnused_CountsFromLastSignInOrCreation(int createdYearsAgo, int? signedInYearsAgo, bool unused)
    {
        var lastSignedIn = signedInYearsAgo is { } years ? TestClock.Now.AddYears(years) : (DateTime?)null;

        Assert.Equal(unused, Retention.IsUnused(TestClock.Now.AddYears(createdYearsAgo), lastSignedIn, TestClock.Now, 3));
    }
}
