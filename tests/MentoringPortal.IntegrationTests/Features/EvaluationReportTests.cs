using System.Net;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Features.Admin.EvaluationReport;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// The portal with one scheme-matched programme of known answers, arranged once for the class:
/// six pairings matched 10, 12, … 20 days after applying; five mentees and four mentors answer
/// the evaluation; three pairings end with both exit surveys answered.
/// </summary>
public sealed class EvaluationReportPortal : PortalFactory
{
    public static readonly DateTime Base = new(2025, 1, 6, 10, 0, 0, DateTimeKind.Utc);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private EvaluationScenario? _scenario;

    public async Task<EvaluationScenario> ScenarioAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _scenario ??= await ArrangeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<EvaluationScenario> ArrangeAsync()
    {
        var programme = await Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        var pairings = new List<EvaluatedPairing>();
        for (var i = 0; i < 6; i++)
        {
            pairings.Add(await MatchedAsync(this, programme, Base.AddDays(i), daysToMatch: 10 + (2 * i), goalStart: 2));
        }

        int?[] menteeRatings = [5, 4, 4, 3, 5, null];
        int?[] mentorRatings = [4, 4, 3, 5, null, null];
        for (var i = 0; i < 6; i++)
        {
            var mentee = menteeRatings[i] is { } m
                ? new Answers(m, i == 3 ? Recommendation.NotSure : Recommendation.Yes, $"Worked well number {i}", i == 0 ? "More time together" : null)
                : null;
            var mentor = mentorRatings[i] is { } r ? new Answers(r, Recommendation.Yes, $"Mentor found it rewarding {i}") : null;
            await Data.EvaluateAsync(pairings[i].Id, mentee, mentor, goalReview: 4);
        }

        await Data.MeetingAsync(pairings[0].Id, Base.AddDays(40), held: true, mode: MeetingModes.Video);
        await Data.MeetingAsync(pairings[0].Id, Base.AddDays(80), held: true, mode: MeetingModes.Video);
        await Data.MeetingAsync(pairings[1].Id, Base.AddDays(60), held: true, mode: MeetingModes.Video);

        var ended = Base.AddMonths(8);
        await Data.EndAsync(pairings[0].Id, ended, exitInvitationsSent: true, ExitReason.GoalsMet, ExitReason.GoalsMet, "A clearer end date");
        await Data.EndAsync(pairings[1].Id, ended, exitInvitationsSent: true, ExitReason.GoalsMet, ExitReason.HardToFindTime, "Protected time");
        await Data.EndAsync(pairings[2].Id, ended, exitInvitationsSent: true, ExitReason.GoalsMet, ExitReason.HardToFindTime, null);

        var admin = await Data.AdministratorAsync();
        return new EvaluationScenario(programme, pairings, admin);
    }

    /// <summary>
    /// A mentee applies on <paramref name="appliedAt"/> with a short-term goal rated
    /// <paramref name="goalStart"/>, and is matched <paramref name="daysToMatch"/> days later with a new mentor.
    /// </summary>
    public static async Task<EvaluatedPairing> MatchedAsync(PortalFactory factory, TestProgramme programme, DateTime appliedAt, int daysToMatch,
        int goalStart = 2)
    {
        var mentor = await factory.Data.MentorAsync(programme, name: Unique.Name("Dr Evalmentor"), at: appliedAt.AddYears(-2));
        var mentee = await factory.Data.MenteeAsync(programme, name: Unique.Name("Dr Evalmentee"), goal: "Lead the morning handover with confidence.",
            goalRating: goalStart, at: appliedAt.AddDays(-1));
        var application = await factory.Data.ApplyAsync(mentee, programme, at: appliedAt);
        var pairingId = await factory.Data.MatchAsync(application, mentor, appliedAt.AddDays(daysToMatch));
        return new EvaluatedPairing(pairingId, mentee, mentor);
    }
}

/// <summary>A pairing a test made, with the people in it (whose names must never reach the report).</summary>
public sealed record EvaluatedPairing(int Id, Person Mentee, Person Mentor);

public sealed record EvaluationScenario(TestProgramme Programme, IReadOnlyList<EvaluatedPairing> Pairings, Person Admin)
{
    public const string WholePeriod = "from=2025-01-01&to=2025-12-31";

    public string ReportUrl(string period = WholePeriod) => $"/admin/reports/evaluation?programme={Programme.Slug}&{period}";

    public string CsvUrl(string period = WholePeriod) => $"/admin/reports/evaluation.csv?programme={Programme.Slug}&{period}";

    public IEnumerable<string> PersonalDetails => Pairings.SelectMany(p => new[] { p.Mentee.Name, p.Mentee.Email, p.Mentor.Name, p.Mentor.Email })
        .Concat(["Evalmentee", "Evalmentor", "evalmentee", "evalmentor"]);
}

/// <summary>The administrator's evaluation report and its CSV: numbers, suppression, scope, dates, and never a name.</summary>
public sealed class EvaluationReportTests(EvaluationReportPortal portal) : IClassFixture<EvaluationReportPortal>
{
    private const string Suppressed = EvaluationSummary.Suppressed;

    [Fact]
    public async Task Report_ShowsTheNumbersOfKnownAnswers()
    {
        var scenario = await portal.ScenarioAsync();
        using var client = await portal.Data.SignInAsync(scenario.Admin);

        using var response = await client.GetAsync(scenario.ReportUrl());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Equal("Evaluation report", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"{scenario.Programme.Name}, 1 January 2025 to 31 December 2025", page.QuerySelector("#report-title")!.TextContent,
            StringComparison.Ordinal);

        // Response rate: 6 invited of each; 5 mentees and 4 mentors answered; 3 pairings ended, both answered the exit survey.
        var rates = Captioned(page, "Surveys sent and answered");
        AssertRow(rates, "Evaluation survey", "Mentees", "6", "5", "83%");
        AssertRow(rates, "Evaluation survey", "Mentors", "6", "4", "67%");
        AssertRow(rates, "Evaluation survey", "Everyone", "12", "9", "75%");
        AssertRow(rates, "Exit survey", "Everyone", "6", "6", "100%");

        // 9 answers: 5,4,4,3,5 from mentees and 4,4,3,5 from mentors. Mentors are fewer than 5, so nobody is broken down.
        var averages = Rows(page, "#averages-table");
        AssertRow(averages, "Overall satisfaction", "9", "4.1");
        Assert.Equal(3, page.QuerySelectorAll("#averages-table thead th").Length);
        Assert.Contains("Mentees and mentors are not shown apart", page.Body!.TextContent, StringComparison.Ordinal);
        AssertRow(Rows(page, "#distribution-table"), "Confidence", "0", "0", "2", "4", "3");

        AssertRow(Rows(page, "#recommend-table"), "Yes", "8");
        AssertRow(Rows(page, "#recommend-table"), "Not sure", "1");
        AssertRow(Rows(page, "#goals-table"), "Short term (next 3 months)", "5", "5", "2.0", "4.0", "+2.0");
        AssertRow(Rows(page, "#goals-table"), "Medium term (next year)", Suppressed);
        AssertRow(Rows(page, "#exit-table"), "The goals were met", "4");
        AssertRow(Rows(page, "#exit-table"), "It was hard to find time to meet", "2");

        var pairings = Captioned(page, "Pairings in the period");
        AssertRow(pairings, "Started", "6");
        AssertRow(pairings, "Ended (not reassigned)", "3");
        AssertRow(pairings, "Reassigned to another mentor", "0");
        AssertRow(pairings, "Meetings held in the period", "3");
        AssertRow(pairings, "Meetings held per active pairing (average)", "0.5");
        var wait = Captioned(page, "Time to match");
        AssertRow(wait, "Matches in the period", "6");
        AssertRow(wait, "Median", "15.0");
        AssertRow(wait, "Average", "15.0");

        // Free text: nine evaluation answers and six exit answers, so both are listed, in alphabetical order.
        var answers = page.QuerySelectorAll(".answers li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Worked well number 0", answers);
        Assert.Contains("More time together", answers);
        Assert.Contains("Protected time", answers);
        var worked = page.QuerySelectorAll(".answers")[0].QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(worked.Order(StringComparer.OrdinalIgnoreCase).ToList(), worked);

        // Charts: a canvas per chart, drawn by the vendored Chart.js from a script file, each in a figure with a caption.
        var canvases = page.QuerySelectorAll("figure > .chart-area > canvas[role=img]");
        Assert.Equal(5, canvases.Length);
        Assert.All(canvases, c => Assert.False(string.IsNullOrWhiteSpace(c.GetAttribute("aria-label"))));
        Assert.All(canvases, c => Assert.NotNull(page.GetElementById(c.GetAttribute("data-chart-table")!)));
        Assert.All(page.QuerySelectorAll("figure"), f => Assert.NotNull(f.QuerySelector("figcaption")));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/lib/chart.js/chart.umd.min.js", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/evaluation-report.js", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
        Assert.All(page.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
        var download = page.QuerySelector("a[href^='/admin/reports/evaluation.csv']");
        Assert.NotNull(download);
        Assert.StartsWith("Download as CSV", download.TextContent, StringComparison.Ordinal);
        Assert.Equal(scenario.CsvUrl(), download.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/reports/evaluation" && a.TextContent == "Reports");

        using var script = await client.GetAsync("/js/evaluation-report.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var chartJs = await client.GetAsync("/lib/chart.js/chart.umd.min.js");
        Assert.Equal(HttpStatusCode.OK, chartJs.StatusCode);
    }

    [Fact]
    public async Task Csv_HasTheExactHeader_TheSameNumbers_AndTheSameSuppression()
    {
        var scenario = await portal.ScenarioAsync();
        using var client = await portal.Data.SignInAsync(scenario.Admin);

        using var response = await client.GetAsync(scenario.CsvUrl());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"evaluation-{scenario.Programme.Slug}-2025-01-01-to-2025-12-31.csv",
            response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("section,measure,group,responses,average,count_1,count_2,count_3,count_4,count_5,value", lines[0]);
        Assert.Equal(EvaluationReportCsv.Header, lines[0]);
        Assert.Contains("Response rate: evaluation survey,Answered,Mentees,,,,,,,,5", lines);
        Assert.Contains("Response rate: evaluation survey,Response rate (%),Everyone,,,,,,,,75", lines);
        Assert.Contains("Ratings (1 to 5),Overall satisfaction,All,9,4.11,0,0,2,4,3,", lines);
        Assert.Contains($"Ratings (1 to 5),Overall satisfaction,Mentees,,,,,,,,{Suppressed}", lines);
        Assert.Contains($"Ratings (1 to 5),Overall satisfaction,Mentors,,,,,,,,{Suppressed}", lines);
        Assert.Contains("Would recommend,Yes,All,9,,,,,,,8", lines);
        Assert.Contains("Goal progress,Average change,Short term (next 3 months),5,2,,,,,,", lines);
        Assert.Contains($"Goal progress,All measures,Long term (2 to 5 years),,,,,,,,{Suppressed}", lines);
        Assert.Contains("Exit reasons,The goals were met,All,6,,,,,,,4", lines);
        Assert.Contains("Pairings,Started in the period,All,,,,,,,,6", lines);
        Assert.Contains("Pairings,Meetings held per active pairing,All,,,,,,,,0.5", lines);
        Assert.Contains("Time to match (days),Median,From the application to the scheme's match,,,,,,,,15", lines);
        Assert.All(lines, line => Assert.Equal(11, CountFields(line)));

        // No free text in the file.
        var text = string.Join('\n', lines);
        Assert.DoesNotContain("Worked well number", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Protected time", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAndCsv_NeverShowAName_OrAnEmailAddress()
    {
        var scenario = await portal.ScenarioAsync();
        using var client = await portal.Data.SignInAsync(scenario.Admin);

        var html = await client.GetStringAsync(scenario.ReportUrl());
        var csv = await client.GetStringAsync(scenario.CsvUrl());
        foreach (var detail in scenario.PersonalDetails)
        {
            Assert.DoesNotContain(detail, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(detail, csv, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("@mentoring.test", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Admin.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/pairings/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FewerThanFiveResponses_ShowNoNumbersAndNoFreeText()
    {
        var scenario = await portal.ScenarioAsync();
        var programme = await portal.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        for (var i = 0; i < 2; i++)
        {
            var pairing = await EvaluationReportPortal.MatchedAsync(portal, programme, EvaluationReportPortal.Base, daysToMatch: 5);
            await portal.Data.EvaluateAsync(pairing.Id, new Answers(5, Worked: $"Secret small group answer {i}"),
                i == 0 ? new Answers(4, Worked: "Mentor small group answer") : null);
        }

        using var client = await portal.Data.SignInAsync(scenario.Admin);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(
            $"/admin/reports/evaluation?programme={programme.Slug}&{EvaluationScenario.WholePeriod}"));
        var text = page.Body!.TextContent;

        Assert.DoesNotContain("small group answer", text, StringComparison.Ordinal);
        Assert.Contains($"Evaluation survey: {Suppressed}.", text, StringComparison.Ordinal);
        Assert.Contains($"Evaluation survey answers: {Suppressed}.", text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#averages-table"));
        Assert.Null(page.QuerySelector("canvas"));
        Assert.Empty(page.QuerySelectorAll("script[src*='chart']"));
        AssertRow(Captioned(page, "Surveys sent and answered"), "Evaluation survey", "Everyone", "4", "3", "75%");

        var csv = await client.GetStringAsync($"/admin/reports/evaluation.csv?programme={programme.Slug}&{EvaluationScenario.WholePeriod}");
        Assert.Contains($"Ratings (1 to 5),Confidence,All,,,,,,,,{Suppressed}", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Ratings (1 to 5),Confidence,Mentees", csv, StringComparison.Ordinal);
        Assert.Contains($"Would recommend,All answers,All,,,,,,,,{Suppressed}", csv, StringComparison.Ordinal);
        Assert.Contains($"Exit reasons,All reasons,All,,,,,,,,{Suppressed}", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("small group answer", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Period_CountsOnlyWhatHappenedInIt()
    {
        var scenario = await portal.ScenarioAsync();
        using var client = await portal.Data.SignInAsync(scenario.Admin);

        // January and February 2025: the pairings started, but nobody was asked to evaluate yet.
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(scenario.ReportUrl("from=2025-01-01&to=2025-02-28")));
        var pairings = Captioned(page, "Pairings in the period");
        AssertRow(pairings, "Started", "6");
        AssertRow(pairings, "Ended (not reassigned)", "0");
        AssertRow(Captioned(page, "Surveys sent and answered"), "Evaluation survey", "Everyone", "0", "0", "–");
        Assert.Null(page.QuerySelector("#averages-table"));
        AssertRow(Captioned(page, "Time to match"), "Median", "15.0");

        // 2026: nothing happened at all.
        var later = await Forms.ParseHtmlAsync(await client.GetAsync(scenario.ReportUrl("from=2026-01-01&to=2026-01-31")));
        AssertRow(Captioned(later, "Pairings in the period"), "Started", "0");
        AssertRow(Captioned(later, "Time to match"), "Matches in the period", "0");
        Assert.Equal("2026-01-01", later.QuerySelector("input#From")!.GetAttribute("value"));

        // No dates: the last 12 months up to today.
        var standard = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/reports/evaluation?programme={scenario.Programme.Slug}"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(today.ToString("yyyy-MM-dd"), standard.QuerySelector("input#To")!.GetAttribute("value"));
        Assert.Equal(today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd"), standard.QuerySelector("input#From")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("from=2025-13-01&to=2025-12-31", "From", "Enter the start date as year-month-day, for example 2026-01-31.")]
    [InlineData("from=2025-01-01&to=tomorrow", "To", "Enter the end date as year-month-day, for example 2026-01-31.")]
    [InlineData("from=2025-06-01&to=2025-05-31", "From", "The start date must be on or before the end date.")]
    [InlineData("from=1900-01-01&to=2025-05-31", "From", "Enter a start date between 2000 and 2100.")]
    public async Task InvalidDates_GetAMessageBesideTheField_AndNoReport(string period, string field, string message)
    {
        var scenario = await portal.ScenarioAsync();
        using var client = await portal.Data.SignInAsync(scenario.Admin);

        using var response = await client.GetAsync(scenario.ReportUrl(period));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.GetElementById($"{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"input#{field}")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("#report-title"));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);

        using var csv = await client.GetAsync(scenario.CsvUrl(period));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains(message, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitedAdministrator_SeesOnlyTheirProgrammes_AndAnotherIsNotFound()
    {
        var scenario = await portal.ScenarioAsync();
        var own = await portal.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        var limited = await portal.Data.AdministratorAsync(own);
        using var client = await portal.Data.SignInAsync(limited);

        using var page = await client.GetAsync(scenario.ReportUrl());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var csv = await client.GetAsync(scenario.CsvUrl());
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        using var unknown = await client.GetAsync("/admin/reports/evaluation?programme=no-such-programme");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Without a programme, the report is for their own; the other is not offered.
        var standard = await Forms.ParseHtmlAsync(await client.GetAsync("/admin/reports/evaluation"));
        var options = standard.QuerySelectorAll("select#Programme option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([own.Slug], options);
        Assert.Contains(own.Name, standard.QuerySelector("#report-title")!.TextContent, StringComparison.Ordinal);
        using var ownCsv = await client.GetAsync($"/admin/reports/evaluation.csv?programme={own.Slug}");
        Assert.Equal(HttpStatusCode.OK, ownCsv.StatusCode);
    }

    [Fact]
    public async Task MembersCannotOpenTheReport()
    {
        var scenario = await portal.ScenarioAsync();
        using var client = await portal.CreateSignedInClientAsync(scenario.Pairings[0].Mentee.Email, TestData.Password);

        using var page = await client.GetAsync(scenario.ReportUrl());
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        using var csv = await client.GetAsync(scenario.CsvUrl());
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
    }

    private static List<string[]> Rows(AngleSharp.Html.Dom.IHtmlDocument page, string tableSelector)
    {
        var table = page.QuerySelector(tableSelector);
        Assert.NotNull(table);
        return RowsOf(table);
    }

    /// <summary>The rows of the table whose caption starts with <paramref name="caption"/>.</summary>
    private static List<string[]> Captioned(AngleSharp.Html.Dom.IHtmlDocument page, string caption)
    {
        var table = page.QuerySelectorAll("table")
            .FirstOrDefault(t => t.QuerySelector("caption")?.TextContent.Trim().StartsWith(caption, StringComparison.Ordinal) == true);
        Assert.True(table is not null, $"No table captioned \"{caption}\".");
        return RowsOf(table);
    }

    private static List<string[]> RowsOf(AngleSharp.Dom.IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(tr => tr.Children.Select(cell => cell.TextContent.Trim()).ToArray()).ToList();

    private static void AssertRow(List<string[]> rows, params string[] expected) =>
        Assert.True(rows.Exists(r => r.SequenceEqual(expected)),
            $"No row [{string.Join(" | ", expected)}] among:\n{string.Join("\n", rows.Select(r => string.Join(" | ", r)))}");

    private static int CountFields(string line)
    {
        var fields = 1;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields++;
            }
        }

        return fields;
    }
}

/// <summary>The demo data gives the Future Leaders pilot a report worth reading, and leaves the survey job nothing to send.</summary>
public sealed class EvaluationReportDemoTests
{
    [Fact]
    public async Task DemoPilot_HasAMeaningfulReport_AndNoSurveyLeftToEmail()
    {
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions { SeedDemoData = true });
        using var client = await factory.CreateSignedInClientAsync("admin2@demo.test", Web.Data.DemoSeed.Password);

        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/admin/reports/evaluation"));
        Assert.Contains("Future Leaders pilot", page.QuerySelector("#report-title")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#averages-table"));
        Assert.Equal(5, page.QuerySelectorAll("canvas[role=img]").Length);
        Assert.Equal(5, page.QuerySelectorAll("#averages-table thead th").Length);
        Assert.True(page.QuerySelectorAll(".answers li").Length >= 10);
        Assert.DoesNotContain("alumnus", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Aisha Bello", page.Body.TextContent, StringComparison.Ordinal);
        using var other = await client.GetAsync("/admin/reports/evaluation?programme=return-to-training");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);

        // The seeded surveys only: the survey job may be inviting mentee7's current pairing (200 days old) at this moment.
        var (unsent, unreminded, activeAlumni) = await factory.Data.QueryAsync(async db =>
        {
            var alumniPairings = db.Pairings.Where(m => db.Users.Any(u => u.Id == m.Mentee!.UserId && u.Email!.StartsWith("alumnus"))).Select(m => m.Id);
            var seeded = db.SurveyResponses.Where(s => alumniPairings.Contains(s.PairingId));
            return (
            await seeded.CountAsync(s => s.InvitationSentAt == null),
            await seeded.CountAsync(s => s.Kind == SurveyKind.Evaluation && s.SubmittedAt == null && s.ReminderSentAt == null),
            await db.Pairings.CountAsync(m => m.Status == Domain.Pairings.PairingStatus.Active
                && db.Users.Any(u => u.Id == m.Mentee!.UserId && u.Email!.StartsWith("alumnus"))));
        });
        Assert.Equal(0, unsent);
        Assert.Equal(0, unreminded);
        Assert.Equal(0, activeAlumni);
    }
}
