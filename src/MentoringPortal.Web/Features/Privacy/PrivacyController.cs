using MentoringPortal.Domain.Privacy;
using MentoringPortal.Web.Features.Resources;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Privacy;

public sealed record PrivacyViewModel(int UnusedAccountYears, int RequestExpiryDays, int WaitingDays, int NoticeDays, int DownloadDays);

public sealed record AccessibilityViewModel(string Title, HtmlString Statement);

/// <summary>The privacy notice and the accessibility statement, linked from every page's footer.</summary>
public sealed class PrivacyController(IOptions<PortalOptions> options) : Controller
{
    private static readonly Lazy<AccessibilityViewModel> Statement = new(() =>
    {
        using var stream = typeof(PrivacyController).Assembly.GetManifestResourceStream("AccessibilityStatement.md")
            ?? throw new InvalidOperationException("The accessibility statement is missing from the build.");
        using var reader = new StreamReader(stream);
        var markdown = reader.ReadToEnd();

        // The document's own "# " title becomes the page's h1; the renderer starts the text's headings at h2.
        var firstLine = markdown.Split('\n', 2);
        return firstLine[0].StartsWith("# ", StringComparison.Ordinal)
            ? new AccessibilityViewModel(firstLine[0][2..].Trim(), MarkdownRenderer.Render(firstLine.Length > 1 ? firstLine[1] : string.Empty))
            : new AccessibilityViewModel("Accessibility statement", MarkdownRenderer.Render(markdown));
    });

    [HttpGet("/privacy")]
    public IActionResult Index() => View(new PrivacyViewModel(options.Value.UnusedAccountYears, options.Value.RequestExpiryDays,
        ErasureRequest.WaitingPeriod.Days, ErasureRequest.InactivityNotice.Days, Data.DataExport.Lifetime.Days));

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View(Statement.Value);
}
