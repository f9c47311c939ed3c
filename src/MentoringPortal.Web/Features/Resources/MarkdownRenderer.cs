using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace MentoringPortal.Web.Features.Resources;

/// <summary>
/// Turns a resource page's stored Markdown into HTML. This is the only HTML the portal writes
/// unencoded, and it is safe because: raw HTML in the Markdown is escaped (DisableHtml), no
/// extension that writes attributes or embeds is enabled, links and images whose address is not
/// http(s), mailto or relative (javascript:, data:, vbscript:…) become plain text, and Markdig
/// encodes every text and attribute it writes. Never pass anything but stored Markdown here.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static HtmlString Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(t => t.Content.ToString()))));
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }

        // The page's title is its h1; headings in the text start at h2.
        foreach (var heading in document.Descendants<HeadingBlock>().Where(h => h.Level < 2))
        {
            heading.Level = 2;
        }

        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>Relative addresses and the schemes above; browsers ignore tabs, newlines and spaces inside a scheme, so this does too.</summary>
    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var compact = new string(url.Where(c => c > ' ').ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var beforeColon = compact[..colon];
        if (beforeColon.IndexOfAny(['/', '?', '#']) >= 0)
        {
            return true;
        }

        return SafeSchemes.Contains(beforeColon, StringComparer.OrdinalIgnoreCase);
    }
}
