using MentoringPortal.Domain.Privacy;
using MentoringPortal.Web.Features.Resources;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Features.Privacy;

public sealed record PrivacyViewModel(int UnusedAccountYears, int RequestExpiryDays, int WaitingDays, int NoticeDays, int DownloadDays);

public sealed record AccessibilityViewModel(HtmlString Statement);

/// <summary>The privacy notice and the accessibility statement, linked from every page's footer.</summary>
public sealed class PrivacyController(IOptions<PortalOptions> options) : Controller
{
    private static readonly Lazy<HtmlString> Statement = new(() =>
    {
        using var stream = typeof(PrivacyController).Assembly.GetManifestResourceStream("AccessibilityStatement.md")
            ?? throw new InvalidOperationException("The accessibility statement is missing from the build.");
        using var reader = new StreamReader(stream);
        return MarkdownRenderer.Render(reader.ReadToEnd());
    });

    [HttpGet("/privacy")]
    public IActionResult Index() => View(new PrivacyViewModel(options.Value.UnusedAccountYears, options.Value.RequestExpiryDays,
        ErasureRequest.WaitingPeriod.Days, ErasureRequest.InactivityNotice.Days, Data.DataExport.Lifetime.Days));

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View(new AccessibilityViewModel(Statement.Value));
}
