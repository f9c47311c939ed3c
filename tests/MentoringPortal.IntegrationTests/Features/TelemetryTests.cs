using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Traces and metrics over OTLP, only when OpenTelemetry:Endpoint is set (issue 11).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task WithoutEndpoint_NothingIsRegistered()
    {
        await using var factory = await PortalFactory.CreateAsync();
        factory.StartHost();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task WithEndpoint_ServerSpansCarryTheRoute_NotThePathOrQuery_AndReachTheCollector()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var spans = new List<Activity>();
        int mentorId;
        var ourTrace = ActivityTraceId.CreateRandom();
        await using (var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            Settings = { ["OpenTelemetry:Endpoint"] = collector.Address, ["OpenTelemetry:Protocol"] = "http/protobuf" },
            ConfigureServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)),
        }))
        {
            Assert.NotNull(factory.Services.GetService<TracerProvider>());
            Assert.NotNull(factory.Services.GetService<MeterProvider>());

            var mentor = await factory.Data.MentorAsync();
            mentorId = mentor.Id;
            var mentee = await factory.Data.MenteeAsync();
            using var client = await factory.Data.SignInAsync(mentee);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/mentors/{mentor.Id}?utm=span-secret");
            request.Headers.UserAgent.ParseAdd("SpanCheck/1.0");

            // The listener sees every test's requests in this process: this one is told apart by the trace it continues.
            request.Headers.Add("traceparent", $"00-{ourTrace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // On a busy machine the flush at shutdown can run out of time; flush while the app still runs.
            factory.Services.GetRequiredService<TracerProvider>().ForceFlush(30_000);
            factory.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000);
        }

        // The factory is disposed: the providers have flushed to the in-memory exporter and to the collector.
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.TraceId == ourTrace && Equals(s.GetTagItem("http.route"), "/mentors/{id:int}"));
        Assert.Equal("GET /mentors/{id:int}", server.DisplayName);
        Assert.Equal("/mentors/{id:int}", server.GetTagItem("url.path"));
        Assert.Equal(200, Convert.ToInt32(server.GetTagItem("http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
        var recorded = server.TagObjects.Select(tag => tag.Key).ToList();
        Assert.DoesNotContain("url.query", recorded);
        Assert.DoesNotContain("user_agent.original", recorded);
        Assert.DoesNotContain("client.address", recorded);
        Assert.DoesNotContain("network.peer.address", recorded);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.TraceId == server.TraceId);
        var tagValues = spans.SelectMany(s => s.TagObjects).Select(tag => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList();
        Assert.DoesNotContain(tagValues, value => value.Contains("span-secret", StringComparison.Ordinal));
        Assert.DoesNotContain(tagValues, value => value.Contains("SpanCheck", StringComparison.Ordinal));
        Assert.DoesNotContain(tagValues, value => value.Contains($"/mentors/{mentorId}", StringComparison.Ordinal));

        // OTLP/HTTP bodies are protobuf, in which strings are plain UTF-8.
        var traces = collector.Received("/v1/traces");
        Assert.Contains("/mentors/{id:int}", traces, StringComparison.Ordinal);
        Assert.Contains("mentoring-portal", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("span-secret", traces, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", collector.Received("/v1/metrics"), StringComparison.Ordinal);
    }
}

/// <summary>An OTLP/HTTP receiver on a free local port that keeps what it was sent.</summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _requests = new();
    private WebApplication? _app;

    public string Address { get; private set; } = string.Empty;

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var collector = new FakeOtlpCollector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{**signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            collector._requests.Enqueue((context.Request.Path.Value ?? string.Empty, body.ToArray()));

            // An empty Export*ServiceResponse: full success.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        collector._app = app;
        collector.Address = app.Urls.Single();
        return collector;
    }

    /// <summary>All bodies posted to <paramref name="path"/>, as text (protobuf strings are UTF-8).</summary>
    public string Received(string path) =>
        string.Concat(_requests.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
