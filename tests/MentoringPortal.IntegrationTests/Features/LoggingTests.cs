using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// A Serilog sink the app picks up from its services (ReadFrom.Services): every event that went through the app's
/// Serilog pipeline, as the console renders it followed by the file's compact JSON, so tests see what both get.
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly CompactJsonFormatter _json = new();
    private readonly MessageTemplateTextFormatter _text = new("{SourceContext}: {Message:lj} {Exception}", System.Globalization.CultureInfo.InvariantCulture);

    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _text.Format(logEvent, line);
        _json.Format(logEvent, line);
        Lines.Enqueue(line.ToString());
        Events.Enqueue(logEvent);
    }

    /// <summary>The request events (Serilog.AspNetCore's RequestLoggingMiddleware), newest last.</summary>
    public IReadOnlyList<LogEvent> Requests() =>
        Events.Where(e => e.MessageTemplate.Text == LoggingExtensions.RequestMessageTemplate).ToList();

    public static string? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } scalar }
            ? Convert.ToString(scalar, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}

/// <summary>Throws inside MVC for a request that asks for it, so the tests can see how a failed request is logged.</summary>
public sealed class ThrowOnRequestFilter : IActionFilter
{
    public const string Header = "X-Test-Throw";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.Request.Headers.ContainsKey(Header) && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
        {
            throw new InvalidOperationException("A failure the test asked for.");
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

public sealed class LoggedPortal() : PortalFactory(new PortalFactoryOptions
{
    Settings = { ["RequestLogging:UserPseudonymKey"] = PseudonymKey },
    ConfigureServices = services =>
    {
        services.AddSingleton<ILogEventSink>(Logs);
        services.Configure<MvcOptions>(options => options.Filters.Add(new ThrowOnRequestFilter()));
    },
})
{
    public const string PseudonymKey = "a test key that is long enough for the check";

    public static CapturedLogs Logs { get; } = new();
}

public sealed class LoggingTests(LoggedPortal factory) : IClassFixture<LoggedPortal>
{
    [Fact]
    public async Task Requests_AreLogged_WithoutPasswordsTokensOrMessageText()
    {
        const string password = "purple elephant sings opera";
        const string message = "Confidential: I am returning after a difficult illness and need support.";
        var mentor = await factory.Data.MentorAsync();
        var email = Unique.Email("logged");
        using var client = factory.CreateClientNoRedirect();
        using (await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Dr Logged Trainee",
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["AcceptsConfidentialityLimits"] = "true",
        }))
        {
        }

        var confirmation = await factory.Mailbox.WaitForAsync(email, TimeSpan.FromSeconds(20));
        var link = new Uri(confirmation.LinkContaining("/account/confirm-email"));
        using (await client.GetAsync(link.PathAndQuery))
        {
        }

        using (await Forms.SignInAsync(client, email, password))
        {
        }

        var programmeId = (await factory.Data.SharedProgrammeAsync()).Id;
        using (await Forms.SubmitAsync(client, "/me/profile",
        [
            new("DisplayName", "Dr Logged Trainee"), new("Specialty", "Paediatrics"), new("Grade", "Core trainee"),
            new("Region", "London"), new("Background", "Returned after ill health"),
            new("ProgrammeIds", programmeId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]))
        {
        }

        using (await Forms.SubmitAsync(client, $"/mentors/{mentor.Id}", new Dictionary<string, string> { ["Message"] = message },
            formAction: $"/mentors/{mentor.Id}/contact"))
        {
        }

        var code = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!;
        var logs = LoggedPortal.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("HTTP POST /account/login responded 302", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("returning after a difficult illness", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(code[..20], StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("code=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestEvent_HasTheRouteTemplate_NotThePathOrQuery()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await client.GetAsync($"/mentors/{mentor.Id}?utm=find-me-in-the-log");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var request = await RequestEventAsync(e => CapturedLogs.Scalar(e, "RouteTemplate") == "/mentors/{id:int}" && CapturedLogs.Scalar(e, "RequestMethod") == "GET");
        Assert.Equal("200", CapturedLogs.Scalar(request, "StatusCode"));
        Assert.True(double.Parse(CapturedLogs.Scalar(request, "Elapsed")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(LogEventLevel.Information, request.Level);
        Assert.NotNull(request.TraceId);
        Assert.NotEqual(default, request.TraceId!.Value);
        Assert.False(request.Properties.ContainsKey("RequestPath"));

        var lines = LoggedPortal.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("HTTP GET /mentors/{id:int} responded 200 in ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("find-me-in-the-log", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains($"/mentors/{mentor.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestEvent_NamesTheUserByPseudonym_NeverByIdOrEmail()
    {
        var mentee = await factory.Data.MenteeAsync();
        var userId = await factory.Data.QueryAsync(db => db.Users.Where(u => u.Email == mentee.Email).Select(u => u.Id).SingleAsync());
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await client.GetAsync("/mentors?pseudonym-check=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The documented recipe: the first 8 bytes of HMAC-SHA256(key, user id), in hex.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(LoggedPortal.PseudonymKey), Encoding.UTF8.GetBytes(userId)).AsSpan(0, 8));
        var request = await RequestEventAsync(e => CapturedLogs.Scalar(e, "RouteTemplate") == "/mentors" && CapturedLogs.Scalar(e, "UserPseudonym") == expected);
        Assert.Matches("^[0-9a-f]{16}$", CapturedLogs.Scalar(request, "UserPseudonym"));

        using var anonymous = factory.CreateClientNoRedirect();
        using (await anonymous.GetAsync("/account/login?anonymous-check=1"))
        {
        }

        var signedOut = await RequestEventAsync(e => CapturedLogs.Scalar(e, "RouteTemplate") == "/account/login" && CapturedLogs.Scalar(e, "StatusCode") == "200");
        Assert.NotNull(signedOut);

        // The portal's own security events name accounts by id on purpose (operations.md); the request events never do.
        var requestLines = LoggedPortal.Logs.Lines.Where(l => l.StartsWith("Serilog.AspNetCore.RequestLoggingMiddleware:", StringComparison.Ordinal)).ToList();
        Assert.Contains(requestLines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(requestLines, l => l.Contains(userId, StringComparison.Ordinal));
        Assert.DoesNotContain(requestLines, l => l.Contains(mentee.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task FailedRequest_IsLoggedAs500_WithTheRouteItAskedFor()
    {
        using var client = factory.CreateClientNoRedirect();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login?fail=1");
        request.Headers.Add(ThrowOnRequestFilter.Header, "yes");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        var failed = await RequestEventAsync(e => CapturedLogs.Scalar(e, "StatusCode") == "500");
        Assert.Equal("/account/login", CapturedLogs.Scalar(failed, "RouteTemplate"));
        Assert.Equal(LogEventLevel.Error, failed.Level);
    }

    [Fact]
    public async Task NotFound_IsLoggedWithThePathWithoutItsQuery()
    {
        using var client = factory.CreateClientNoRedirect();
        using var response = await client.GetAsync("/no-such-page?token=never-logged");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var missing = await RequestEventAsync(e => CapturedLogs.Scalar(e, "StatusCode") == "404" && CapturedLogs.Scalar(e, "RouteTemplate") == "/no-such-page");
        Assert.Equal(LogEventLevel.Information, missing.Level);
        Assert.DoesNotContain(LoggedPortal.Logs.Lines, l => l.Contains("never-logged", StringComparison.Ordinal));
    }

    /// <summary>The request event is written when the response has been sent, which can be just after the client sees it.</summary>
    private static async Task<LogEvent> RequestEventAsync(Func<LogEvent, bool> match)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (LoggedPortal.Logs.Requests().LastOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("No request event matched. Request events: "
            + string.Join(" | ", LoggedPortal.Logs.Requests().Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task HandledDoubleSubmit_IsLoggedAsInformation_NotAsAnErrorWithAStackTrace()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var fields = new Dictionary<string, string>
        {
            ["Message"] = "A double-clicked request to the same mentor, sent twice at once.",
            ["ProgrammeId"] = ((await factory.Data.SharedProgrammeAsync()).Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var contact = new Racer(client, $"/mentors/{mentor.Id}", $"/mentors/{mentor.Id}/contact", fields);

        var answers = await Races.RunAsync([contact, contact, contact]);

        // The first post is saved; a later one is refused in words by the domain (200, the form again) or, when it got past that
        // check at the same moment, turned away by the unique index and answered as done (302): only that one is a handled race.
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, a.StatusCode.ToString()));
        var racesHandled = answers.Count(a => a.StatusCode == HttpStatusCode.Redirect) - 1;
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.ContactRequests.CountAsync(r => r.MenteeId == mentee.Id && r.MentorId == mentor.Id)));
        var handled = LoggedPortal.Logs.Events.Where(e => e.Level == LogEventLevel.Information
            && e.MessageTemplate.Text.Contains("submitted again", StringComparison.Ordinal)
            && CapturedLogs.Scalar(e, "MentorId") == mentor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(racesHandled, handled.Count);
        Assert.DoesNotContain(LoggedPortal.Logs.Events, e => e.Level >= LogEventLevel.Warning
            && (e.Exception is DbUpdateException || e.Exception?.GetBaseException() is Npgsql.PostgresException
                || (e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("EntityFrameworkCore", StringComparison.Ordinal))));
    }
}

/// <summary>
/// The file sink as appsettings.json configures it (a path relative to the working directory, here the test's
/// output folder): compact JSON, one event per line, shared by the test classes' apps.
/// </summary>
public sealed class LogFileTests
{
    [Fact]
    public async Task FileSink_WritesCompactJson_WithTheRequestEvent()
    {
        var marker = "/log-file-check-" + Guid.NewGuid().ToString("N");
        await using (var factory = await PortalFactory.CreateAsync())
        {
            using var client = factory.CreateClientNoRedirect();
            using var response = await client.GetAsync(marker + "?code=file-secret");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Environment.CurrentDirectory, "App_Data", "logs"), "portal-*.clef"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        var line = Assert.Single(lines, l => l.Contains(marker, StringComparison.Ordinal));
        var request = JsonDocument.Parse(line).RootElement;
        Assert.Equal(LoggingExtensions.RequestMessageTemplate, request.GetProperty("@mt").GetString());
        Assert.Equal(marker, request.GetProperty("RouteTemplate").GetString());
        Assert.Equal("GET", request.GetProperty("RequestMethod").GetString());
        Assert.Equal(404, request.GetProperty("StatusCode").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", request.GetProperty("@tr").GetString());
        Assert.True(request.TryGetProperty("@t", out _));
        Assert.DoesNotContain(lines, l => l.Contains("file-secret", StringComparison.Ordinal));
    }
}
