using System.Globalization;
using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>Journey 1 of the product, in the browser: a trainee registers, finds a mentor and asks them.</summary>
[Collection(BrowserSuite.Name)]
public sealed class TraineeJourneyTests(BrowserPortal portal)
{
    private const string Password = "a kettle, two owls and a lighthouse";

    [Fact]
    public async Task NewTrainee_RegistersConfirmsCompletesProfile_FindsAMentor_AndSendsARequest()
    {
        var email = Unique.Email("trainee");
        var name = "Dr Jo Okafor " + email[8..16];
        var page = await portal.NewPageAsync();

        // Register. Leaving the confidentiality box unticked is refused beside the box.
        await OpenAsync(page, "/", "Find a mentor who has been where you are");
        await FollowNavigationAsync(page, "Register", "Register as a trainee or member");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var confidentiality = page.GetByRole(AriaRole.Checkbox, new() { Name = "I understand that mentoring is confidential" });
        var link = await ExpectFieldErrorAsync(page, confidentiality, "Confirm that you have read the limits of confidentiality.");
        await FollowErrorLinkAsync(link, confidentiality);
        await Expect(page.GetByLabel("Full name")).ToHaveValueAsync(name);
        await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(email);

        await confidentiality.CheckAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await ArriveAtAsync(page, "Check your email");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);

        // Confirm the address from the email's link, in the browser, then sign in.
        var confirmation = await portal.Mailbox.WaitForAsync(email);
        Assert.Contains("Confirm your email", confirmation.Subject, StringComparison.OrdinalIgnoreCase);
        await OpenAsync(page, confirmation.LinkContaining("/account/confirm-email"), "Email address confirmed");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await ArriveAtAsync(page, "Sign in");
        await SignInAsync(page, email, Password);

        // Complete the profile.
        await Expect(page.GetByText("You need it before you can contact a mentor")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Complete your profile" }).ClickAsync();
        await ArriveAtAsync(page, "Your profile");
        await Expect(page.GetByLabel("Full name")).ToHaveValueAsync(name);
        await page.GetByLabel("Specialty").SelectOptionAsync(new SelectOptionValue { Label = Demo.Specialty });
        await page.GetByLabel("Stage or grade").SelectOptionAsync(new SelectOptionValue { Label = "Specialty trainee (senior)" });
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "North West" });
        await page.GetByLabel("Background").SelectOptionAsync(new SelectOptionValue { Label = "Returned after parental leave" });
        await page.GetByLabel("Organisation (optional)").FillAsync("Northern Care Alliance");
        await page.GetByRole(AriaRole.Group, new() { Name = "Programmes where you choose your mentor" })
            .GetByRole(AriaRole.Checkbox, new() { Name = "Return to Training mentoring" }).CheckAsync();
        await page.GetByLabel("Short term (next 3 months)").FillAsync("Feel safe leading resus on nights again.");
        await page.GetByLabel("Medium term (next year)").FillAsync("Pass the next ARCP with a plan for the year.");
        await page.GetByLabel("Long term (2 to 5 years)").FillAsync("A consultant post in emergency medicine with a role in teaching.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await ExpectSuccessAsync(page, "Your profile has been saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "My mentoring" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Feel safe leading resus on nights again.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Complete your profile" })).ToHaveCountAsync(0);

        // Browse the directory: free text.
        await FollowNavigationAsync(page, "Find a mentor", "Find a mentor");
        await SearchDirectoryAsync(page, "parental leave");
        await Expect(ResultCards(page)).Not.ToHaveCountAsync(0);
        foreach (var card in await ResultCards(page).AllAsync())
        {
            await Expect(card).ToContainTextAsync("parental leave");
        }

        // A paused mentor is labelled "Paused until …", and the profile offers no contact form.
        await SearchDirectoryAsync(page, "Priya Hussain");
        await Expect(ResultCards(page)).ToHaveCountAsync(1);
        var pausedLabel = Pattern(@"Paused until \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}");
        await Expect(CardOf(page, Demo.Mentor9.Name)).ToContainTextAsync(pausedLabel);
        await CardOf(page, Demo.Mentor9.Name).GetByRole(AriaRole.Link, new() { Name = Demo.Mentor9.Name }).ClickAsync();
        await ArriveAtAsync(page, Demo.Mentor9.Name);
        await Expect(page.GetByText(pausedLabel)).ToBeVisibleAsync();
        await Expect(page.GetByText($"{Demo.Mentor9.Name} has paused mentoring until")).ToBeVisibleAsync();
        await ExpectNoContactFormAsync(page, Demo.Mentor9);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to all mentors" }).ClickAsync();
        await ArriveAtAsync(page, "Find a mentor");

        // Sorting and paging: by name, page 1 then page 2, in order. The sort and filters fold behind "Filter".
        await page.Locator("details.filter-panel summary").ClickAsync();
        await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Name (A to Z)" });
        await ShowMentorsAsync(page);
        var total = int.Parse((await Results(page).GetByRole(AriaRole.Heading, new() { Level = 2 }).InnerTextAsync()).Split(' ')[0],
            NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var pages = (int)Math.Ceiling(total / 20.0);
        Assert.True(pages >= 2, $"The demo data should fill more than one page of the directory; it lists {total} mentors.");
        await Expect(ResultCards(page)).ToHaveCountAsync(20);
        var firstPage = await ResultCards(page).GetByRole(AriaRole.Heading, new() { Level = 3 }).AllInnerTextsAsync();
        Assert.Equal(firstPage.Order(StringComparer.Ordinal), firstPage);
        var pagination = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of results" });
        await Expect(pagination).ToContainTextAsync($"Page 1 of {pages}");
        await Expect(pagination.Locator("[aria-current=page]")).ToHaveTextAsync("Page 1");
        await pagination.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(pagination).ToContainTextAsync($"Page 2 of {pages}");
        await ArriveAtAsync(page, "Find a mentor");
        Assert.Contains("sort=name", page.Url, StringComparison.Ordinal);
        var secondPage = await ResultCards(page).GetByRole(AriaRole.Heading, new() { Level = 3 }).AllInnerTextsAsync();
        Assert.NotEmpty(secondPage);
        Assert.Equal(secondPage.Order(StringComparer.Ordinal), secondPage);
        Assert.True(string.CompareOrdinal(firstPage[^1], secondPage[0]) <= 0, $"Page 2 starts with {secondPage[0]}, before page 1's last, {firstPage[^1]}.");
        await Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("name");
        await Expect(pagination.GetByRole(AriaRole.Link, new() { Name = "Previous page" })).ToBeVisibleAsync();

        // Filters: a specialty shows its mentors, the full one labelled "Full" (whose profile offers no
        // contact form) and one not accepting; "accepting only" leaves both out.
        await page.GetByLabel("Specialty").SelectOptionAsync(new SelectOptionValue { Label = Demo.Specialty });
        await ShowMentorsAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" })).ToBeVisibleAsync();
        await Expect(CardOf(page, Demo.Mentor3.Name)).ToContainTextAsync("Full");
        await Expect(CardOf(page, Demo.Mentor33.Name)).ToContainTextAsync("Not accepting new mentees");
        await Expect(CardOf(page, Demo.Mentor18.Name)).ToContainTextAsync(Pattern(@"Accepting mentees: \d+ places? free"));
        foreach (var card in await ResultCards(page).AllAsync())
        {
            await Expect(card).ToContainTextAsync(Demo.Specialty);
        }

        await CardOf(page, Demo.Mentor3.Name).GetByRole(AriaRole.Link, new() { Name = Demo.Mentor3.Name }).ClickAsync();
        await ArriveAtAsync(page, Demo.Mentor3.Name);
        await Expect(page.GetByText("Full: not taking new mentees")).ToBeVisibleAsync();
        await Expect(page.GetByText($"{Demo.Mentor3.Name} is at full capacity at the moment. Please contact another mentor.")).ToBeVisibleAsync();
        await ExpectNoContactFormAsync(page, Demo.Mentor3);
        await page.GoBackAsync();
        await ArriveAtAsync(page, "Find a mentor");

        await page.GetByLabel("Only mentors accepting mentees now").CheckAsync();
        await ShowMentorsAsync(page);
        await Expect(CardOf(page, Demo.Mentor3.Name)).ToHaveCountAsync(0);
        await Expect(CardOf(page, Demo.Mentor33.Name)).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Specialty")).ToHaveValueAsync(Demo.Specialty);
        await Expect(page.GetByLabel("Only mentors accepting mentees now")).ToBeCheckedAsync();
        await Expect(ResultCards(page)).Not.ToHaveCountAsync(0);
        foreach (var card in await ResultCards(page).AllAsync())
        {
            await Expect(card).ToContainTextAsync(Demo.Specialty);
            await Expect(card).ToContainTextAsync(Pattern(@"Accepting mentees: \d+ places? free"));
        }

        // Open an accepting mentor's profile and ask them, with a message.
        await CardOf(page, Demo.Mentor18.Name).GetByRole(AriaRole.Link, new() { Name = Demo.Mentor18.Name }).ClickAsync();
        await ArriveAtAsync(page, Demo.Mentor18.Name);
        await Expect(page.GetByText(Pattern(@"^Accepting mentees: \d+ places? free$"))).ToBeVisibleAsync();
        const string message = "I am returning to emergency medicine after a year of parental leave and would value help rebuilding confidence on night shifts.";
        await page.GetByLabel($"Your message to {Demo.Mentor18.Name}").FillAsync(message);
        var meeting = page.GetByRole(AriaRole.Group, new() { Name = "How would you prefer to meet after the first meeting?" });
        await meeting.GetByRole(AriaRole.Radio, new() { Name = "Face to face" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        // The request is on /me, waiting; the mentor is told by email.
        await ExpectSuccessAsync(page, $"Your request has been sent to {Demo.Mentor18.Name}.");
        await Expect(page).ToHaveURLAsync(Pattern("/me$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Demo.Mentor18.Name }) });
        await Expect(row).ToContainTextAsync("Waiting for an answer");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Cancel your request to {Demo.Mentor18.Name}" })).ToBeVisibleAsync();

        var toMentor = await portal.Mailbox.WaitForAsync(m => m.IsTo(Demo.Mentor18.Email) && m.Subject.Contains(name, StringComparison.Ordinal));
        Assert.Contains("/mentor/requests", toMentor.LinkContaining("/mentor/requests"), StringComparison.Ordinal);

        // Back on the mentor's profile, the trainee sees the request instead of a second form.
        await row.GetByRole(AriaRole.Link, new() { Name = Demo.Mentor18.Name }).ClickAsync();
        await ArriveAtAsync(page, Demo.Mentor18.Name);
        await Expect(page.GetByText($"You asked {Demo.Mentor18.Name} on")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send request" })).ToHaveCountAsync(0);

        portal.AssertNoPageErrors(page);
    }

    [Fact]
    public async Task ContactForm_BadInput_ShowsTheErrorBesideTheField_AndInTheSummary_AndSendsNothing()
    {
        var page = await portal.NewSignedInPageAsync(Demo.Mentee1.Email);
        await ArriveAtAsync(page, "My mentoring");
        await FollowNavigationAsync(page, "Find a mentor", "Find a mentor");
        await SearchDirectoryAsync(page, "Chloe Chaudhry");
        await CardOf(page, Demo.Mentor14.Name).GetByRole(AriaRole.Link, new() { Name = Demo.Mentor14.Name }).ClickAsync();
        await ArriveAtAsync(page, Demo.Mentor14.Name);
        var profileUrl = page.Url;
        var messageField = page.GetByLabel($"Your message to {Demo.Mentor14.Name}");

        // An empty message.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        var link = await ExpectFieldErrorAsync(page, messageField, "Write a short message to the mentor.");
        await Expect(messageField).ToHaveAccessibleDescriptionAsync(Pattern("Say a little about yourself"));
        await FollowErrorLinkAsync(link, messageField);

        // A message too short to tell the mentor anything; what was typed is kept.
        await messageField.FillAsync("Hello there");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Write between 20 and 2,000 characters");
        link = await ExpectFieldErrorAsync(page, messageField,
            "Write between 20 and 2,000 characters: say a little about yourself and what you hope for.");
        await Expect(messageField).ToHaveValueAsync("Hello there");
        await FollowErrorLinkAsync(link, messageField);

        // Nothing was sent.
        await FollowNavigationAsync(page, "My mentoring", "My mentoring");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Demo.Mentor14.Name })).ToHaveCountAsync(0);
        await OpenAsync(page, profileUrl, Demo.Mentor14.Name);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send request" })).ToBeVisibleAsync();

        portal.AssertNoPageErrors(page);
    }

    private static async Task ExpectNoContactFormAsync(IPage page, DemoPerson mentor)
    {
        await Expect(page.GetByLabel($"Your message to {mentor.Name}")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send request" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "See mentors who are accepting now" })).ToBeVisibleAsync();
    }
}
