using System.Diagnostics;
using System.Reflection;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MentoringPortal.Web.Hosting;

/// <summary>Section "OpenTelemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The OTLP collector's address, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP). Empty: no telemetry at all.</summary>
    public string? Endpoint { get; set; }

    /// <summary>"grpc" (the default) or "http/protobuf".</summary>
    public string Protocol { get; set; } = Grpc;

    public string ServiceName { get; set; } = "mentoring-portal";
}

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces and metrics over OTLP, only when OpenTelemetry:Endpoint is set: otherwise nothing is registered,
    /// so development and the tests pay nothing.
    /// </summary>
    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            return builder;
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new PortalStartupException(
                $"OpenTelemetry:Endpoint \"{options.Endpoint}\" is not an http(s) address: set it to the collector's OTLP address, e.g. http://localhost:4317, or leave it empty to send no telemetry.");
        }

        var protocol = options.Protocol switch
        {
            TelemetryOptions.Grpc => OtlpExportProtocol.Grpc,
            TelemetryOptions.HttpProtobuf => OtlpExportProtocol.HttpProtobuf,
            _ => throw new PortalStartupException(
                $"OpenTelemetry:Protocol \"{options.Protocol}\" is not known: set it to \"{TelemetryOptions.Grpc}\" or \"{TelemetryOptions.HttpProtobuf}\"."),
        };

        var version = typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.EnrichWithHttpRequest = (activity, _) => RemoveRequestDetails(activity);
                    aspNetCore.EnrichWithHttpResponse = (activity, response) => NameByRoute(activity, response.HttpContext);
                })
                .AddHttpClientInstrumentation(httpClient =>
                    httpClient.EnrichWithHttpRequestMessage = (activity, request) => RemoveQuery(activity, request.RequestUri))

                // Npgsql's own ActivitySource: one span per command, SQL text with parameter placeholders, never their values.
                .AddNpgsql()
                .AddOtlpExporter(otlp => Point(otlp, endpoint, protocol, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()

                // Built into .NET and EF Core: GC, thread pool, exceptions; EF Core's query and save counters.
                .AddMeter("System.Runtime", "Microsoft.EntityFrameworkCore")
                .AddOtlpExporter(otlp => Point(otlp, endpoint, protocol, "v1/metrics")));
        return builder;
    }

    private static void Point(OtlpExporterOptions otlp, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        otlp.Protocol = protocol;

        // Over HTTP the exporter posts to the address as given, so each signal needs its own path.
        otlp.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(new Uri(endpoint.ToString().TrimEnd('/') + "/"), signalPath)
            : endpoint;
    }

    /// <summary>
    /// The instrumentation keeps the query string with its values redacted and the browser's user agent:
    /// the portal keeps neither. Query names alone can still say what someone was doing (a reset code).
    /// </summary>
    private static void RemoveRequestDetails(Activity activity)
    {
        activity.SetTag("url.query", null);
        activity.SetTag("user_agent.original", null);
    }

    /// <summary>The path carries ids and tokens: spans get the route template, as the request log does.</summary>
    private static void NameByRoute(Activity activity, HttpContext context)
    {
        var route = RequestRoute.Describe(context);
        activity.SetTag("url.path", route);
        if (RequestRoute.Template(context) is { } template)
        {
            activity.SetTag("http.route", template);
            activity.DisplayName = $"{context.Request.Method} {template}";
        }
        else
        {
            activity.SetTag("http.route", null);
            activity.DisplayName = context.Request.Method;
        }
    }

    private static void RemoveQuery(Activity activity, Uri? uri)
    {
        if (uri is { IsAbsoluteUri: true, Query.Length: > 0 })
        {
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
        }
    }
}
