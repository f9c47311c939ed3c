using MentoringPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// The scheme administrator's journeys: approving a mentor and recording their training (mentor47),
/// matching an applicant from suggestions (mentee10), reassigning an unproductive pairing
/// (mentee2 with mentor2, whose mentor asked for a change), and a mentee applying (mentee7).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AdministrationTests(BrowserPortal portal)
{
    private static readonly DemoPerson Mentor47 = new("mentor47@demo.test", "Dr Rhiannon Baxter");
    private static readonly DemoPerson Mentee2 = new("mentee2@demo.test", "Dr Niall Patel");
    private static readonly DemoPerson Mentor2 = new("mentor2@demo.test", "Dr Olivia Gallagher");
    private static readonly DemoPerson Mentee7 = new("mentee7@demo.test", "Dr Olivia Kowalski");

    [Fact]
    public async Task Administrator_ApprovesAMentorSignUp_AndRecordsTheirTraining()
    {
        var page = await AdministratorAtTheDeskAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Mentor sign-ups to approve" }).ClickAsync();
        await ArriveAtAsync(page, "Mentors");
        await page.GetByRole(AriaRole.Link, new() { Name = Mentor47.Name, Exact = true }).ClickAsync();
        await ArriveAtAsync(page, Mentor47.Name);
        await Expect(page.GetByText("I completed the deanery's 2-day mentor training course")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Approve", Exact = true }).ClickAsync();
        await ArriveAtAsync(page, $"Approve {Mentor47.Name} as a mentor?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and email" }).ClickAsync();
        await ExpectSuccessAsync(page, $"{Mentor47.Name} has been approved as a mentor");
        var approved = await portal.Mailbox.WaitForAsync(m => m.IsTo(Mentor47.Email));
        Assert.Contains("approved", approved.Subject, StringComparison.OrdinalIgnoreCase);

        // Bad input first: a completion date in the future changes nothing.
        var completedOn = page.GetByLabel("Completed on");
        await completedOn.FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record training" }).ClickAsync();
        await ExpectFieldErrorAsync(page, page.GetByLabel("Completed on"), "The date completed cannot be in the future.");

        await page.GetByLabel("Completed on").FillAsync(DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record training" }).ClickAsync();
        await ExpectSuccessAsync(page, $"Training recorded for {Mentor47.Name}.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "2-day mentor training course" }).First).ToBeVisibleAsync();
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Administrator_MatchesAnApplicant_FromRankedSuggestions()
    {
        var page = await AdministratorAtTheDeskAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Applications" }).ClickAsync();
        await ArriveAtAsync(page, "Applications");
        await page.GetByRole(AriaRole.Link, new() { Name = Demo.Mentee10.Name, Exact = true }).ClickAsync();
        await ArriveAtAsync(page, $"Application from {Demo.Mentee10.Name}");
        await Expect(page.GetByText("I want to understand medical management")).ToBeVisibleAsync();

        // Ranked and explained: each suggestion has a score and reasons in words.
        var first = page.Locator(".suggestion").First;
        await Expect(first.GetByText(Pattern(@"^Score \d+ of \d+$"))).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Listitem).Filter(new() { HasTextRegex = Pattern("places? free") })).ToBeVisibleAsync();
        var mentorName = (await first.GetByRole(AriaRole.Heading, new() { Level = 3 }).TextContentAsync())!.Trim();

        await first.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Choose ") }).ClickAsync();
        await ArriveAtAsync(page, $"Match {Demo.Mentee10.Name} with {mentorName}?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the match" }).ClickAsync();
        await ExpectSuccessAsync(page, $"{Demo.Mentee10.Name} has been proposed to {mentorName}");

        // The mentor is asked first; the applicant is told a mentor was found, without the name until the mentor accepts.
        var toMentee = await portal.Mailbox.WaitForAsync(m => m.IsTo(Demo.Mentee10.Email) && m.Subject.StartsWith("We have found a mentor", StringComparison.Ordinal));
        Assert.DoesNotContain(mentorName, toMentee.TextBody, StringComparison.Ordinal);
        portal.AssertNoPageErrors(page);

        var mentee = await portal.NewSignedInPageAsync(Demo.Mentee10.Email);
        await OpenAsync(mentee, "/me", "My mentoring");
        await Expect(mentee.GetByText("Your match is waiting for their answer", new() { Exact = false })).ToBeVisibleAsync();
        portal.AssertNoPageErrors(mentee);
    }

    [Fact]
    public async Task Administrator_ReassignsAnUnproductivePairing()
    {
        var page = await AdministratorAtTheDeskAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change requests", Exact = true }).First.ClickAsync();
        await ArriveAtAsync(page, "Change requests");
        var request = page.GetByRole(AriaRole.Region, new() { Name = $"{Mentee2.Name} with {Mentor2.Name}" });
        await Expect(request.GetByText("very different expectations of what mentoring is for")).ToBeVisibleAsync();
        await request.GetByRole(AriaRole.Link, new() { Name = $"Find a new mentor for {Mentee2.Name}" }).ClickAsync();
        await ArriveAtAsync(page, $"Find a new mentor for {Mentee2.Name}");

        // The current mentor is never suggested.
        await Expect(page.Locator(".suggestion").GetByRole(AriaRole.Heading, new() { Name = Mentor2.Name, Exact = true })).ToHaveCountAsync(0);
        var first = page.Locator(".suggestion").First;
        var newMentor = (await first.GetByRole(AriaRole.Heading, new() { Level = 3 }).TextContentAsync())!.Trim();
        await first.GetByRole(AriaRole.Link, new() { NameRegex = Pattern("^Choose ") }).ClickAsync();
        await ArriveAtAsync(page, $"Move {Mentee2.Name} to {newMentor}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move {Mentee2.Name} to {newMentor}" }).ClickAsync();
        await ExpectSuccessAsync(page, $"{Mentee2.Name} is now paired with {newMentor}. All three have been emailed.");
        await ArriveAtAsync(page, $"{Mentee2.Name} with {newMentor}");

        // Three different emails; the old mentor's is neutral and carries nothing of the request.
        var toOldMentor = await portal.Mailbox.WaitForAsync(m => m.IsTo(Mentor2.Email) && m.Subject.Contains(Mentee2.Name, StringComparison.Ordinal));
        Assert.DoesNotContain("expectations", toOldMentor.TextBody, StringComparison.Ordinal);
        await portal.Mailbox.WaitForAsync(m => m.IsTo(Mentee2.Email) && m.Subject.Contains(newMentor, StringComparison.Ordinal));
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Mentee_AppliesToTheSchemeMatchedPilot()
    {
        var page = await portal.NewPageAsync();
        await OpenAsync(page, "/account/login", "Sign in");
        await SignInAsync(page, Mentee7.Email, BrowserPortal.DemoPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Apply to Future Leaders pilot" }).ClickAsync();
        await ArriveAtAsync(page, "Apply to Future Leaders pilot");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my application" }).ClickAsync();
        await ExpectFieldErrorAsync(page, page.GetByLabel("What do you hope to gain from mentoring?"), "Tell the scheme what you hope to gain from mentoring.");

        await page.GetByLabel("What do you hope to gain from mentoring?").FillAsync("Confidence to lead my department's quality improvement work.");
        await page.GetByLabel("Video call").CheckAsync();
        await page.GetByLabel("Do not match me with a mentor from my own organisation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my application" }).ClickAsync();
        await ExpectSuccessAsync(page, "application");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Waiting to be matched with a mentor" })).ToBeVisibleAsync();
        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task EveryAdministrationPage_PassesAxe()
    {
        var page = await AdministratorAtTheDeskAsync();
        foreach (var url in new[]
        {
            "/admin/programmes", "/admin/programmes/new", "/admin/administrators", "/admin/administrators/new", "/admin/audit",
            "/admin/audit?action=Mentor+approved", "/admin/pairings", "/admin/pairings?overdue=true&status=all", "/admin/change-requests",
            "/admin/mentors?status=all&training=due", "/admin/applications?status=all", "/admin/resources",
        })
        {
            await OpenWithAxeAsync(page, url);
        }

        // Pages reached from the lists: a programme's settings, a pairing and its end page, and the decline forms.
        await OpenWithAxeAsync(page, "/admin/programmes");
        await OpenFirstLinkAsync(page, "/admin/programmes/", "/edit");
        await OpenWithAxeAsync(page, "/admin/pairings");
        var pairing = await OpenFirstLinkAsync(page, "/admin/pairings/", string.Empty);
        await OpenWithAxeAsync(page, pairing + "/end");
        await OpenWithAxeAsync(page, "/admin/change-requests");
        await OpenFirstLinkAsync(page, "/admin/change-requests/", "/decline");
        await OpenWithAxeAsync(page, "/admin/applications");
        await OpenFirstLinkAsync(page, "/admin/applications/", string.Empty);
        await OpenFirstLinkAsync(page, "/admin/applications/", "/decline");
        await OpenWithAxeAsync(page, "/admin/mentors?status=waiting");
        await OpenFirstLinkAsync(page, "/admin/mentors/", string.Empty);
        await OpenFirstLinkAsync(page, "/admin/mentors/", "/decline");
        portal.AssertNoPageErrors(page);

        // A person whose offer to mentor waits for approval sees where it stands.
        var volunteer = await portal.NewSignedInPageAsync("mentor48@demo.test");
        await OpenWithAxeAsync(volunteer, "/mentor/sign-up");
        await Expect(volunteer.GetByText("waiting", new() { Exact = false }).First).ToBeVisibleAsync();
        portal.AssertNoPageErrors(volunteer);
    }

    private static async Task OpenWithAxeAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response?.Ok, $"GET {url} answered {response?.Status}.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Opens the first link on the page whose address starts with the prefix and ends with the suffix (then a digit-only id between).</summary>
    private static async Task<string> OpenFirstLinkAsync(IPage page, string prefix, string suffix)
    {
        var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var href = hrefs.FirstOrDefault(h => h.StartsWith(prefix, StringComparison.Ordinal) && h.EndsWith(suffix, StringComparison.Ordinal)
            && h[prefix.Length..^suffix.Length].All(char.IsAsciiDigit) && h.Length > prefix.Length + suffix.Length);
        Assert.True(href is not null, $"No link like {prefix}{{id}}{suffix} on {page.Url}.");
        await OpenWithAxeAsync(page, href);
        return href;
    }

    private async Task<IPage> AdministratorAtTheDeskAsync()
    {
        var page = await portal.NewPageAsync();
        await OpenAsync(page, "/account/login", "Sign in");
        await SignInAsAdministratorAsync(portal, page, "admin@demo.test");
        await FollowNavigationAsync(page, "Administration", "Scheme administration");
        return page;
    }
}
