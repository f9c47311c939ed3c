using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>
/// Gives each test request the TCP peer address named in its X-Test-Peer header, as a real
/// connection from that address would have, before the app's own middleware runs.
/// </summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class BehindProxyPortal() : PortalFactory(new PortalFactoryOptions
{
    Settings =
    {
        ["RateLimits:PermitsPerMinute"] = "3",
        ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
    },
    ConfigureServices = services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>(),
})
{
    public const string TrustedProxy = "10.20.30.40";
}

/// <summary>X-Forwarded-For is believed only from the configured proxies (issue 10, item 8).</summary>
public sealed class ForwardedHeadersTests(BehindProxyPortal factory) : IClassFixture<BehindProxyPortal>
{
    [Fact]
    public async Task ForgedForwardedFor_FromAnUntrustedAddress_DoesNotChangeTheRateLimitPartition()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            statuses.Add(await SignInAttemptAsync(peer: "203.0.113.7", forwardedFor: $"198.51.100.{i}"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromTheTrustedProxy_CountsEachClientApart()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            statuses.Add(await SignInAttemptAsync(peer: BehindProxyPortal.TrustedProxy, forwardedFor: $"192.0.2.{i}"));
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private async Task<HttpStatusCode> SignInAttemptAsync(string peer, string forwardedFor)
    {
        using var client = factory.CreateClientNoRedirect();
        client.DefaultRequestHeaders.Add(PeerAddressStartupFilter.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string>
        {
            ["Email"] = "nobody@mentoring.test",
            ["Password"] = "wrong password here",
        });
        return response.StatusCode;
    }
}

/// <summary>HSTS (issue 10, item 13).</summary>
public sealed class HstsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Https_OutsideDevelopment_SendsHstsForAYearWithSubdomains()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://mentoring.example.org"),
            AllowAutoRedirect = false,
        });
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }
}
