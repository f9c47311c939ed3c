using System.Net;
using System.Text.RegularExpressions;
using MentoringPortal.IntegrationTests.Infrastructure;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Every page the README's "Pages and URLs" table names opens, on the demo data, for the people the table says it is for.</summary>
public sealed partial class ReadmeUrlsTests
{
    private const string DemoPassword = "Demo-Passw0rd!";

    [Fact]
    public async Task EveryUrlInTheReadme_OpensForTheRoleItNames()
    {
        var rows = ReadmeRows();
        Assert.True(rows.Count > 30, $"Only {rows.Count} rows were read from README.md's table of pages.");
        await using var demo = await PortalFactory.CreateAsync(new PortalFactoryOptions { SeedDemoData = true });
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            var problems = new List<string>();
            foreach (var (url, who) in rows)
            {
                var account = AccountFor(who);
                if (!clients.TryGetValue(account ?? string.Empty, out var client))
                {
                    client = account is null ? demo.CreateClientNoRedirect() : await demo.CreateSignedInClientAsync(account, DemoPassword);
                    clients[account ?? string.Empty] = client;
                }

                using var response = await client.GetAsync(url);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.InternalServerError)
                {
                    problems.Add($"{url} ({who}, as {account ?? "a visitor"}): {(int)response.StatusCode}");
                }
            }

            Assert.True(problems.Count == 0, "README URLs that do not open:\n" + string.Join('\n', problems));
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The demo account that stands for the "Who" column, or null for a visitor.</summary>
    private static string? AccountFor(string who) => who switch
    {
        _ when who.StartsWith("administrators", StringComparison.Ordinal) => "admin@demo.test",
        "mentors" => "mentor1@demo.test",
        "everyone" or "monitoring" => null,
        _ => "mentee1@demo.test", // signed in, mentees, members of the programme
    };

    /// <summary>The first URL of each row that can be opened as it is written (no placeholder, not a POST).</summary>
    private static List<(string Url, string Who)> ReadmeRows()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith("## Pages and URLs", StringComparison.Ordinal));
        var rows = new List<(string, string)>();
        foreach (var line in readme.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            if (cells.Length < 4 || FirstUrl().Match(cells[1]) is not { Success: true } match)
            {
                continue;
            }

            var url = match.Groups["url"].Value;
            if (!url.Contains('{', StringComparison.Ordinal) && !url.Contains('…', StringComparison.Ordinal))
            {
                rows.Add((url.Split('?')[0], cells[2].Trim()));
            }
        }

        return rows;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MentoringPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*`(?<url>/[^`\s]*)`", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FirstUrl();
}
