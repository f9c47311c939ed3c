using System.Net;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>One racer: a signed-in client, the page whose form it posts (for its antiforgery token), where it posts, and the fields.</summary>
public sealed record Racer(HttpClient Client, string PageUrl, string PostUrl, IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>What one racer's POST answered.</summary>
public sealed record RaceResult(HttpStatusCode StatusCode, string Body);

/// <summary>Fires several form posts at the same moment, the way two people (or a double click) would, to test the rules races could break.</summary>
public static class Races
{
    public static async Task<IReadOnlyList<RaceResult>> RunAsync(IReadOnlyList<Racer> racers)
    {
        var tokens = new List<string>(racers.Count);
        foreach (var racer in racers)
        {
            using var page = await racer.Client.GetAsync(new Uri(racer.PageUrl, UriKind.Relative));
            var document = await Forms.ParseHtmlAsync(page);
            tokens.Add(document.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"GET {racer.PageUrl} answered {(int)page.StatusCode} with no form token."));
        }

        using var start = new SemaphoreSlim(0);
        var posts = racers.Select(async (racer, i) =>
        {
            await start.WaitAsync();
            var fields = new Dictionary<string, string>(racer.Fields ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [Forms.AntiforgeryField] = tokens[i],
            };
            using var content = new FormUrlEncodedContent(fields);
            using var response = await racer.Client.PostAsync(new Uri(racer.PostUrl, UriKind.Relative), content);
            return new RaceResult(response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(racers.Count);
        return await Task.WhenAll(posts);
    }
}
