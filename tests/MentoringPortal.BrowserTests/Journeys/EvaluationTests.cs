using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// The evaluation journey: a mentee whose pairing has reached the evaluation point (mentee7, paired
/// with mentor8 for 200 days) answers the survey from the invitation email, saving first and
/// sending later; the administrator reads the Future Leaders pilot's report, charts included.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class EvaluationTests(BrowserPortal portal)
{
    private static readonly DemoPerson Mentee7 = new("mentee7@demo.test", "Dr Olivia Kowalski");

    [Fact]
    public async Task Mentee_AnswersTheEvaluationSurvey_FromTheInvitation()
    {
        // The housekeeping job invites at start-up; running it again here changes nothing if it already has.
        await portal.Factory.InScopeAsync(services => services.GetRequiredService<SurveyInvitations>().SendDueAsync(CancellationToken.None));
        var invitation = await portal.Mailbox.WaitForAsync(m => m.IsTo(Mentee7.Email) && m.Subject == PortalEmails.EvaluationInvitationSubject);
        var link = invitation.LinkContaining("/evaluation");

        var page = await portal.NewSignedInPageAsync(Mentee7.Email);
        await page.GotoAsync(link);
        await ArriveAtAsync(page, "How is your mentoring going?");
        await Accessibility.AssertNoViolationsAsync(page);

        // Sending with nothing answered says what is missing, beside each question.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        var knowledge = page.GetByRole(AriaRole.Group, new() { Name = "Knowledge and experience in the field" });
        await ExpectFieldErrorAsync(page, knowledge, "Rate knowledge and experience in the field from 1 to 5.", fieldIsGroup: true);

        // Answer some, save, and come back.
        await knowledge.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("What worked?").FillAsync("Having a protected hour every six weeks to think about my return.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your answers have been saved.");
        await page.GotoAsync("/me");
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation survey" }).First.ClickAsync();
        await ArriveAtAsync(page, "How is your mentoring going?");
        await Expect(page.GetByText("They have not been sent yet.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Knowledge and experience in the field" })
            .GetByLabel("4", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("What worked?")).ToHaveValueAsync("Having a protected hour every six weeks to think about my return.");

        // Every other scale (benefits, satisfaction, and each goal where the mentee is now), then the recommendation.
        var groups = page.Locator("form fieldset");
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            var four = groups.Nth(i).GetByLabel("4", new() { Exact = true });
            if (await four.CountAsync() == 1 && !await four.IsCheckedAsync())
            {
                await four.CheckAsync();
            }
        }

        await page.GetByRole(AriaRole.Group, new() { Name = "Would you recommend the scheme?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await ArriveAtAsync(page, "Thank you for your evaluation");
        await ExpectSuccessAsync(page, "Thank you. Your answers have been sent.");
        await Accessibility.AssertNoViolationsAsync(page);
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Mentee_EndsAPairing_AndAnswersTheExitSurvey()
    {
        var mentor = await portal.Factory.Data.MentorAsync();
        var mentee = await portal.Factory.Data.MenteeAsync();
        await portal.Factory.Data.PairAsync(mentee, mentor);
        var pairing = await portal.Factory.Data.PairingIdAsync(mentee, mentor);

        var page = await portal.NewSignedInPageAsync(mentee.Email, TestData.Password);
        await OpenAsync(page, $"/pairings/{pairing}/end", $"End your pairing with {mentor.Name}");
        await page.GetByLabel("Mentoring is no longer needed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "End the pairing" }).ClickAsync();
        await ExpectSuccessAsync(page, "The pairing has ended. You have both been emailed.");

        // Both are offered the exit survey by email.
        await portal.Factory.InScopeAsync(services => services.GetRequiredService<SurveyInvitations>().SendDueAsync(CancellationToken.None));
        await portal.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject == PortalEmails.ExitSurveyInvitationSubject);
        var invitation = await portal.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.ExitSurveyInvitationSubject);
        await page.GotoAsync(invitation.LinkContaining("/exit-survey"));
        await ArriveAtAsync(page, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync() ?? string.Empty);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await ExpectFieldErrorAsync(page, page.GetByRole(AriaRole.Group, new() { Name = "Why did the pairing end?" }), "Choose why the pairing ended.",
            fieldIsGroup: true);
        await page.GetByLabel("Circumstances changed").CheckAsync();
        await page.GetByLabel("What would have helped?").FillAsync("More flexible meeting times around my rota.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await ArriveAtAsync(page, "Thank you for your answers");
        await Expect(page.GetByText("More flexible meeting times around my rota.")).ToBeVisibleAsync();
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Administrator_ReadsTheEvaluationReport_WithChartsAndTables()
    {
        var page = await portal.NewSignedInPageAsync("admin@demo.test");
        await OpenAsync(page, "/admin", "Scheme administration");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await ArriveAtAsync(page, "Evaluation report");

        await page.GetByLabel("Programme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Future Leaders pilot" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = Pattern("^Future Leaders pilot") })).ToBeVisibleAsync();

        // Charts are drawn (Chart.js under the page's own CSP) and each has its table of numbers.
        var charts = page.Locator("canvas[role='img']");
        Assert.True(await charts.CountAsync() >= 3, "The report should draw its charts.");
        await Expect(charts.First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas[role=img]')].every(c => c.width > 0 && c.height > 0)");
        await Expect(page.GetByRole(AriaRole.Table).First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // No names in the report: not the demo mentee who answered above, not the administrator.
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(Mentee7.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain("@demo.test", text, StringComparison.Ordinal);

        // The CSV downloads from the same page.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Download as CSV") }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);
        Assert.StartsWith("section,measure,group,responses,average", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        portal.AssertNoPageErrors(page);

        // A bad period says so beside the field and shows no figures.
        await page.GetByLabel("From (date, included)").FillAsync("2026-12-31");
        await page.GetByLabel("To (date, included)").FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToBeVisibleAsync();
        await Expect(page.Locator("canvas")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
