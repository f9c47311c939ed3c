using System.Net;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Infrastructure.SelfTests;

/// <summary>PortalFactory's database, options and form helpers reach the real app.</summary>
public sealed class PortalFactoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Database_IsItsOwnAndMigratedByTheApp()
    {
        var migrations = await portal.InScopeAsync(services =>
            services.GetRequiredService<PortalDbContext>().Database.GetAppliedMigrationsAsync());

        Assert.True(migrations.Any(), "The per-class database has no applied migrations.");
        Assert.StartsWith("portal_test_", TestDatabases.DatabaseName(portal.ConnectionString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ClockAndSettings_ReachTheApp()
    {
        var clock = new TestClock(new DateTimeOffset(2031, 3, 4, 9, 30, 0, TimeSpan.Zero));
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            Clock = clock,
            Settings = { ["Portal:BaseUrl"] = "http://portal.test" },
        });

        var timeProvider = factory.Services.GetRequiredService<TimeProvider>();
        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        Assert.Same(clock, timeProvider);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DateTimeOffset(2031, 3, 5, 9, 30, 0, TimeSpan.Zero), timeProvider.GetUtcNow());
        Assert.Equal("http://portal.test", configuration["Portal:BaseUrl"]);
        Assert.Equal("PostgreSql", configuration["Database:Provider"]);
        Assert.Equal(factory.ConnectionString, configuration.GetConnectionString("Portal"));
    }

    [Fact]
    public async Task SignIn_UnknownUser_PostsTheFormWithItsTokenAndReportsThePageMessage()
    {
        using var client = portal.CreateClientNoRedirect();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Forms.SignInAsync(client, Unique.Email(), "not-the-password-at-all"));

        // 200: the antiforgery token was accepted (a missing one gives 400) and the form came back with its message.
        Assert.Contains("failed: 200 OK", error.Message, StringComparison.Ordinal);
        Assert.Contains("The email address or password is not right.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSignedInClient_ConfirmedUser_IsSignedIn()
    {
        var email = Unique.Email("signin");
        const string password = "a-long-enough-password";
        await portal.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var result = await users.CreateAsync(
                new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sign In", CreatedAt = DateTime.UtcNow },
                password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        });

        using var client = await portal.CreateSignedInClientAsync(email, password);
        using var me = await client.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.False(
            me.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                && me.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true,
            "A signed-in client was sent to the login page.");
    }
}
