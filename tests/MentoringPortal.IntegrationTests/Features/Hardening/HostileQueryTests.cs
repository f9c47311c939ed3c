using System.Net;
using System.Reflection;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

public sealed class DemoPortal() : PortalFactory(new PortalFactoryOptions { SeedDemoData = true });

/// <summary>
/// No query string value produces a 500 (issue 10, item 11): every GET route of the app, found
/// from its endpoint data sources, with hostile values in each query parameter its action binds,
/// as an administrator and as a mentee.
/// </summary>
public sealed class HostileQueryTests(DemoPortal factory, ITestOutputHelper output) : IClassFixture<DemoPortal>
{
    private static readonly string[] HostileValues =
    [
        "99999999999999999999999", "-2147483649", "2147483647", "-1", "0", "9999-12-31", "0001-01-01", "-0001-01-01",
        "1e308", "not-a-number", new string('x', 10_000), "\0", "a\0b", "\r\nX-Injected: 1", "%", "[]",
    ];

    [Theory]
    [InlineData("admin@demo.test")]
    [InlineData("mentee1@demo.test")]
    public async Task EveryGetRoute_HostileQueryValues_NeverA500(string person)
    {
        var routes = await GetRoutesAsync();
        Assert.Contains(routes, r => r.Path == "/admin/audit" && r.QueryNames.Contains("to", StringComparer.OrdinalIgnoreCase));
        using var client = await factory.CreateSignedInClientAsync(person, DemoSeed.Password);

        var failures = new List<string>();
        var requests = 0;
        foreach (var route in routes)
        {
            foreach (var name in route.QueryNames.DefaultIfEmpty("unexpected"))
            {
                foreach (var value in HostileValues)
                {
                    var url = $"{route.Path}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
                    using var response = await client.GetAsync(url);
                    requests++;
                    if (!IsAcceptable(response.StatusCode) && !(route.Path == "/account/access-denied" && response.StatusCode == HttpStatusCode.Forbidden))
                    {
                        failures.Add($"{(int)response.StatusCode} {route.Path}?{name}={Shorten(value)}");
                    }
                }
            }
        }

        output.WriteLine($"{routes.Count} routes, {requests} requests as {person}.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }

    private static bool IsAcceptable(HttpStatusCode status) =>
        status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound
            or HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string Shorten(string value) =>
        (value.Length > 20 ? $"{value[..10]}… ({value.Length} characters)" : value).Replace("\0", "\\0", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed record GetRoute(string Path, IReadOnlyList<string> QueryNames);

    /// <summary>The app's GET endpoints with real route values (from the demo data), and the query names each action binds.</summary>
    private async Task<List<GetRoute>> GetRoutesAsync()
    {
        var values = await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["slug"] = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync(),
                ["code"] = "404",
            };
        });

        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = new List<GetRoute>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("GET"))
            {
                continue;
            }

            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => values.GetValueOrDefault(parameter.Name, "1"),
                RoutePatternSeparatorPart separator => separator.Content,
                _ => string.Empty,
            }))));
            routes.Add(new GetRoute(path, QueryNames(endpoint.Metadata.GetMetadata<ControllerActionDescriptor>())));
        }

        return [.. routes.DistinctBy(r => r.Path)];
    }

    private static List<string> QueryNames(ControllerActionDescriptor? action)
    {
        var names = new List<string>();
        foreach (var parameter in action?.Parameters ?? [])
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (parameter.ParameterType == typeof(CancellationToken) || source == BindingSource.Path || source == BindingSource.Services
                || source == BindingSource.Body || source == BindingSource.Form || source == BindingSource.Header)
            {
                continue;
            }

            var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            if (IsSimple(parameter.ParameterType))
            {
                names.Add(name);
                continue;
            }

            // A complex query object: each of its settable properties is a query name.
            names.AddRange(parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => p.Name));
        }

        return names;
    }

    private static bool IsSimple(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(decimal) || inner == typeof(DateOnly)
            || inner == typeof(DateTime) || inner == typeof(Guid) || inner == typeof(TimeOnly)
            || (inner.IsArray && IsSimple(inner.GetElementType()!))
            || (inner.IsGenericType && inner.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(inner)
                && IsSimple(element));
    }
}
