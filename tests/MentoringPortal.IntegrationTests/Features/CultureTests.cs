using System.Globalization;
using System.Text.RegularExpressions;
using MentoringPortal.IntegrationTests.Features.Hardening;
using MentoringPortal.Web.Data;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Dates read the British way whatever culture the server runs in or the browser asks for (issue 15, item 5).</summary>
public sealed partial class CultureTests(DemoPortal factory) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Dates_AreBritish_OnAGermanServer_ForAFrenchBrowser()
    {
        factory.Server.PreserveExecutionContext = true;
        using var client = await factory.CreateSignedInClientAsync("mentee1@demo.test", DemoSeed.Password);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var page = string.Empty;
            for (var number = 1; number <= 3; number++)
            {
                page += await client.GetStringAsync($"/mentors?sort=name&page={number}");
            }

            var paused = PausedUntil().Match(page);
            Assert.True(paused.Success, "The demo directory shows a paused mentor.");
            Assert.Matches("^[0-9]{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}$",
                paused.Groups["date"].Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex("Paused until (?<date>[^<]+)</span>", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PausedUntil();
}
