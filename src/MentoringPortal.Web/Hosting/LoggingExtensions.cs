using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace MentoringPortal.Web.Hosting;

public static class LoggingExtensions
{
    public const string RequestMessageTemplate = "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {Elapsed:0.0} ms";

    /// <summary>Serilog from the "Serilog" section, plus any sink, enricher or filter registered as a service (tests add a sink this way).</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLoggingOptions>().BindConfiguration(RequestLoggingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<UserPseudonyms>();

        // The static Log.Logger is left alone: each host (and each test's app) has its own logger, disposed with it.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<WithoutRawPath>(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One event per request: method, route template (never the raw path or query, which carry ids and tokens),
    /// status, elapsed time, the trace id (on the event itself) and a pseudonym of the signed-in user.
    /// Put it before the exception handler so a failed request is logged with the 500 it answers.
    /// </summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        var pseudonyms = app.Services.GetRequiredService<UserPseudonyms>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestMessageTemplate;
            options.IncludeQueryInRequestPath = false;
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RouteTemplate", new ScalarValue(RequestRoute.Describe(context))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                if (pseudonyms.Of(context.User) is { } user)
                {
                    diagnostics.Set("UserPseudonym", user);
                }
            };
        });
        return app;
    }

    /// <summary>Remembers the route template the request matched; call right after UseRouting.</summary>
    public static WebApplication UseRequestRouteCapture(this WebApplication app)
    {
        app.Use(RequestRoute.RememberAsync);
        return app;
    }
}

/// <summary>
/// ASP.NET Core's request scope puts the raw path (with ids, and tokens where a path holds one) on every event
/// logged during a request; the route template on the request event says enough.
/// </summary>
public sealed class WithoutRawPath : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => logEvent.RemovePropertyIfPresent("RequestPath");
}

/// <summary>Section "RequestLogging".</summary>
public sealed class RequestLoggingOptions
{
    public const string Section = "RequestLogging";

    /// <summary>
    /// Secret for the user pseudonym in request logs (HMAC-SHA256 of the user id). Empty: a random key per process,
    /// so pseudonyms cannot be linked across restarts or instances.
    /// </summary>
    [MinLength(32, ErrorMessage = "RequestLogging:UserPseudonymKey must be at least 32 characters (or empty for a random key per process).")]
    public string? UserPseudonymKey { get; set; }
}

/// <summary>
/// Pseudonymous user ids for logs: the first 8 bytes of HMAC-SHA256(key, user id), as 16 lower-case hex digits.
/// Whoever holds the key can tell whether a pseudonym is a given user's; nobody else can, and the log never holds
/// the id or the email address.
/// </summary>
public sealed class UserPseudonyms
{
    private readonly byte[] _key;
    private readonly string _userIdClaimType;

    public UserPseudonyms(IOptions<RequestLoggingOptions> options, IOptions<IdentityOptions> identity)
    {
        _key = string.IsNullOrEmpty(options.Value.UserPseudonymKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Encoding.UTF8.GetBytes(options.Value.UserPseudonymKey);
        _userIdClaimType = identity.Value.ClaimsIdentity.UserIdClaimType;
    }

    public string? Of(ClaimsPrincipal? user) =>
        user?.FindFirstValue(_userIdClaimType) is { Length: > 0 } id ? Of(id) : null;

    public string Of(string userId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId));
        return Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }
}

/// <summary>The route template a request matched, for logs and traces: ids and tokens stay out of both.</summary>
public static class RequestRoute
{
    private static readonly object Key = new();

    /// <summary>
    /// Keeps the first match only: status-code pages and the exception handler run the pipeline again for
    /// /error, and the log should name the route that was asked for, not the error page.
    /// </summary>
    public static Task RememberAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Items.ContainsKey(Key))
        {
            context.Items[Key] = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        }

        return next(context);
    }

    /// <summary>The matched route template (e.g. "/mentors/{id:int}"), or null when no endpoint matched.</summary>
    public static string? Template(HttpContext context) =>
        context.Items.TryGetValue(Key, out var template) && template is string text ? "/" + text.TrimStart('~', '/') : null;

    /// <summary>The route template, or the path without its query string when no endpoint matched (a 404, a static file).</summary>
    public static string Describe(HttpContext context)
    {
        if (Template(context) is { } template)
        {
            return template;
        }

        var path = (context.Request.PathBase + context.Request.Path).ToString();
        return path.Length > 0 ? path : "/";
    }
}
