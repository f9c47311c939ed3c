using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace MentoringPortal.BrowserTests.Infrastructure;

/// <summary>Checks a page against WCAG 2.2 AA (the rules axe-core can test automatically).</summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException("axe.min.js is missing from the test output: run npm ci in tests/MentoringPortal.BrowserTests and rebuild.", path);
    });

    /// <summary>Runs axe-core on the page as it is now and fails with a readable list of violations.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await FindViolationsAsync(page);
        if (violations.Count > 0)
        {
            Assert.Fail(Describe(page.Url, violations));
        }
    }

    /// <summary>The axe-core violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> FindViolationsAsync(IPage page)
    {
        // Injected through Evaluate (DevTools), not AddScriptTagAsync: a script tag with inline content is
        // blocked by the app's Content-Security-Policy, and bypassing CSP for the whole context would hide
        // the app's own CSP violations from these tests.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync("() => {\n" + AxeSource.Value + "\n}");
        }

        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify(results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html, failureSummary: n.failureSummary })),
              })));
            }
            """,
            Tags);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonOptions) ?? [];
    }

    public static string Describe(string url, IReadOnlyList<AxeViolation> violations)
    {
        var text = new StringBuilder($"{violations.Count} accessibility violation(s) on {url}:\n");
        foreach (var violation in violations)
        {
            text.Append($"- {violation.Id} ({violation.Impact}): {violation.Help}\n  {violation.HelpUrl}\n");
            foreach (var node in violation.Nodes)
            {
                text.Append($"    at {node.Target}: {node.Html}\n");
                if (!string.IsNullOrWhiteSpace(node.FailureSummary))
                {
                    text.Append("      ").Append(node.FailureSummary.ReplaceLineEndings("\n      ")).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}

/// <summary>One axe-core rule the page breaks, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

/// <summary>An element breaking a rule: its CSS selector path (JSON), its HTML, and what to fix.</summary>
public sealed record AxeNode(string Target, string Html, string? FailureSummary);
