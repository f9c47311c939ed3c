using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;

namespace MentoringPortal.Web.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, believed only from the proxies named in
/// ForwardedHeaders:KnownProxies and ForwardedHeaders:KnownNetworks (by default the machine itself),
/// so nobody else can choose the address the rate limits count or pretend a request was HTTPS.
/// </summary>
public static class ForwardedHeadersExtensions
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddPortalForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = Values(section.GetSection("KnownProxies")).Select(ParseProxy).ToList();
        var networks = Values(section.GetSection("KnownNetworks")).Select(ParseNetwork).ToList();

        // PostConfigure, so it also wins over ASPNETCORE_FORWARDEDHEADERS_ENABLED, which would trust everyone.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.KnownProxies.Add(IPAddress.Loopback);
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }

            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>Outside Development and tests, a request that is not HTTPS (after the proxy's headers) is refused with what to set.</summary>
    public static WebApplication UsePortalHttpsRequirement(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing"))
        {
            return app;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwardedHeadersExtensions).FullName!);
        const string whatToSet = "The portal must be reached over HTTPS: serve HTTPS from Kestrel, or put a TLS proxy in front "
            + "that sends X-Forwarded-Proto and name it in ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks.";
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (!addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
                && !app.Configuration.GetSection(Section).GetChildren().Any())
            {
                logger.LogWarning("Listening without HTTPS and no proxy is named in ForwardedHeaders:KnownProxies. {WhatToSet}", whatToSet);
            }
        });

        var warned = 0;
        app.Use(async (context, next) =>
        {
            // Health checks are probed over plain HTTP from inside the network; everything else sets Secure cookies.
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            if (Interlocked.Exchange(ref warned, 1) == 0)
            {
                logger.LogWarning("Refused a plain-HTTP request. {WhatToSet}", whatToSet);
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(whatToSet, context.RequestAborted);
        });
        return app;
    }

    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } list ? list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [])
            .Concat(section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0).Select(v => v.Trim()));

    private static IPAddress ParseProxy(string value) => IPAddress.TryParse(value, out var address)
        ? address
        : throw new PortalStartupException($"ForwardedHeaders:KnownProxies has \"{value}\", which is not an IP address: list the proxies' addresses, e.g. 10.0.0.5.");

    private static System.Net.IPNetwork ParseNetwork(string value) => System.Net.IPNetwork.TryParse(value, out var network)
        ? network
        : throw new PortalStartupException($"ForwardedHeaders:KnownNetworks has \"{value}\", which is not a network: write it as address/prefix, e.g. 10.0.0.0/24.");
}
