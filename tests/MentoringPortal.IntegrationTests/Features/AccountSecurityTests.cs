using System.Diagnostics;
using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Sign-in and registration give nothing away about who has an account; weak passwords are refused; failures are recorded.</summary>
public sealed class AccountSecurityTests(AddressedPortal factory) : IClassFixture<AddressedPortal>
{
    private const string WrongPassword = "definitely not the password";

    [Fact]
    public async Task SignIn_UnknownWrongLockedOrUnconfirmed_AllGetTheSameMessage()
    {
        var known = await factory.Data.MenteeAsync();
        var locked = await factory.Data.MenteeAsync();
        var unconfirmed = await UnconfirmedAccountAsync();
        for (var i = 0; i < 5; i++)
        {
            await SignInMessageAsync(locked.Email, WrongPassword);
        }

        Assert.True(await factory.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == locked.Email && u.LockoutEnd != null)));

        var messages = new[]
        {
            await SignInMessageAsync(Unique.Email("nobody"), WrongPassword),
            await SignInMessageAsync(known.Email, WrongPassword),
            await SignInMessageAsync(locked.Email, WrongPassword),
            await SignInMessageAsync(unconfirmed, WrongPassword),
        };
        Assert.All(messages, m => Assert.Equal(messages[0], m));
        Assert.Contains("The email address or password is not right.", messages[0], StringComparison.Ordinal);

        // Only someone who knows the password learns that the account is locked or unconfirmed.
        Assert.Contains("locked", await SignInMessageAsync(locked.Email, TestData.Password), StringComparison.Ordinal);
        Assert.Contains("Confirm your email address", await SignInMessageAsync(unconfirmed, TestData.Password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TakesAboutAsLongForAnUnknownAddressAsForAKnownOne()
    {
        var known = await factory.Data.MenteeAsync();
        using var client = factory.CreateClientNoRedirect();
        await TimeSignInAsync(client, known.Email); // warm-up: the first hash and page render are slower
        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            unknownTimes.Add(await TimeSignInAsync(client, Unique.Email("nobody")));
            knownTimes.Add(await TimeSignInAsync(client, known.Email));
        }

        var ratio = Median(unknownTimes) / Median(knownTimes);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public async Task Register_ExistingOrNewAddress_SameAnswer_AndWeakPasswordsRefusedForBoth()
    {
        var existing = await factory.Data.MenteeAsync();
        foreach (var weak in new[] { "Password1234", "aaaaaaaaaaaa", "123456789012" })
        {
            var forNew = await RegisterAsync(Unique.Email("new"), "Dr New Person", weak);
            var forExisting = await RegisterAsync(existing.Email, "Dr New Person", weak);
            Assert.Equal(HttpStatusCode.OK, forNew.Status);
            Assert.Equal(forNew.Errors, forExisting.Errors);
            Assert.NotEmpty(forNew.Errors);
        }

        var email = Unique.Email("personal");
        var personal = await RegisterAsync(email, "Dr Philippa Hartnell", "philippa loves the seaside");
        Assert.Contains("must not contain your name or your email address", personal.Errors, StringComparison.Ordinal);
        var localPart = await RegisterAsync(email, "Dr Jo Ng", email.Split('@')[0] + " and more words");
        Assert.Contains("must not contain your name or your email address", localPart.Errors, StringComparison.Ordinal);
        Assert.False(await factory.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var good = await RegisterAsync(Unique.Email("new"), "Dr New Person", "orange kettle under moonlight");
        var again = await RegisterAsync(existing.Email, "Dr New Person", "orange kettle under moonlight");
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Empty(good.Errors);
        Assert.Equal(good.Heading, again.Heading);
    }

    [Fact]
    public async Task FailedSignInsAndLockout_AreAuditedWithTheAddress_AndLoggedWithoutThePassword()
    {
        var person = await factory.Data.MenteeAsync();
        for (var i = 0; i < 5; i++)
        {
            await SignInMessageAsync(person.Email, WrongPassword);
        }

        var entries = await factory.Data.QueryAsync(db => db.AuditEntries.Where(a => a.Subject == person.Email).ToListAsync());
        Assert.Equal(5, entries.Count(a => a.Action == AuditActions.SignInFailed));
        Assert.Single(entries, a => a.Action == AuditActions.AccountLockedOut);
        Assert.All(entries, a => Assert.Equal(AddressedPortal.ClientAddress, a.IpAddress));
        Assert.All(entries, a => Assert.DoesNotContain(WrongPassword, $"{a.Before} {a.After}", StringComparison.Ordinal));
        var logs = AddressedPortal.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("Sign-in failed for account", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("locked after repeated failed sign-ins", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(WrongPassword, StringComparison.Ordinal));

        var other = await factory.Data.MenteeAsync();
        using (await factory.Data.SignInAsync(other))
        {
        }

        Assert.Contains(AddressedPortal.Logs.Lines, l => l.Contains("signed in from " + AddressedPortal.ClientAddress, StringComparison.Ordinal));
    }

    private async Task<string> UnconfirmedAccountAsync()
    {
        var email = Unique.Email("unconfirmed");
        await factory.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = "Unconfirmed Person", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
        });
        return email;
    }

    private async Task<string> SignInMessageAsync(string email, string password)
    {
        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, Forms.LoginPath, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return "signed in";
        }

        var page = await Forms.ParseHtmlAsync(response);
        return string.Join(" | ", page.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()));
    }

    private static async Task<double> TimeSignInAsync(HttpClient client, string email)
    {
        var page = Forms.ParseHtml(await client.GetStringAsync(Forms.LoginPath));
        var token = page.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = token,
            ["Email"] = email,
            ["Password"] = WrongPassword,
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(Forms.LoginPath, content);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<(HttpStatusCode Status, string Errors, string Heading)> RegisterAsync(string email, string name, string password)
    {
        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = name,
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["AcceptsConfidentialityLimits"] = "true",
        });
        var page = await Forms.ParseHtmlAsync(response);
        return (response.StatusCode, string.Join(" | ", page.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim())),
            page.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty);
    }
}

/// <summary>The app with its logs captured, and requests that come from an address (the test server gives none).</summary>
public sealed class AddressedPortal() : PortalFactory(new PortalFactoryOptions
{
    ConfigureServices = services =>
    {
        services.AddSingleton<ILogEventSink>(Logs);
        services.AddSingleton<IStartupFilter>(new ClientAddressFilter());
    },
})
{
    public const string ClientAddress = "203.0.113.7";

    public static CapturedLogs Logs { get; } = new();

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The absolute session lifetime, with a clock the test moves.</summary>
public sealed class SessionLifetimeTests
{
    [Fact]
    public async Task Session_EndsAfterItsAbsoluteLifetime_HoweverActive()
    {
        var clock = new TestClock();
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            Clock = clock,
            Settings = { ["Sessions:IdleTimeoutMinutes"] = "1440", ["Sessions:AbsoluteLifetimeHours"] = "12" },
        });
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        foreach (var step in new[] { 2, 2, 2, 2, 2, 1.8 })
        {
            clock.Advance(TimeSpan.FromHours(step));
            using var active = await client.GetAsync("/me");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(13)); // 12 hours and 1 minute after signing in
        using var ended = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.UserSessions.CountAsync()));
    }
}
