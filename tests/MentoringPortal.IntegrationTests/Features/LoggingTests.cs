using System.Collections.Concurrent;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Keeps every log line the app writes, formatted, so tests can look for what must never be logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capture(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

public sealed class LoggedPortal() : PortalFactory(new PortalFactoryOptions
{
    ConfigureServices = services => services.AddSingleton<ILoggerProvider>(Logs),
})
{
    public static CapturingLoggerProvider Logs { get; } = new();
}

public sealed class LoggingTests(LoggedPortal factory) : IClassFixture<LoggedPortal>
{
    [Fact]
    public async Task Requests_AreLogged_WithoutPasswordsTokensOrMessageText()
    {
        const string password = "purple elephant sings opera";
        const string message = "Confidential: I am returning after a difficult illness and need support.";
        var mentor = await PortalData.MentorAsync(factory);
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

        var programmeId = await PortalData.ProgrammeIdAsync(factory);
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
        Assert.Contains(logs, l => l.Contains("/account/login", StringComparison.Ordinal) && l.Contains("StatusCode", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("returning after a difficult illness", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(code[..20], StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("code=", StringComparison.Ordinal));
    }
}
