using System.Net;
using System.Text.Json;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// Private messages between the two members of a pairing, over HTTP on PostgreSQL and SMTP: sending,
/// reading, unread counts, the "message waiting" email that never carries the text, and nobody else
/// (administrators included) reading a word. Contact details and the shared phone number too.
/// </summary>
public sealed class MessagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Send_ShowsTheMessageToBoth_WithSenderAndUkTime_AndEmailsTheOtherWithoutTheText()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        const string text = "Could we move our meeting to the afternoon? My clinic runs late on Tuesdays.";
        using var menteeClient = await factory.Data.SignInAsync(mentee);

        using (var response = await SendAsync(menteeClient, pairingId, text))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/pairings/{pairingId}#messages", response.Headers.Location!.OriginalString);
        }

        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var thread = (await Forms.ParseHtmlAsync(await mentorClient.GetAsync($"/pairings/{pairingId}"))).QuerySelector("#messages")!;
        var message = Assert.Single(thread.QuerySelectorAll("li.message"));
        Assert.Contains(text, message.TextContent, StringComparison.Ordinal);
        Assert.Contains(mentee.Name, message.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"\d{1,2} \w+ \d{4} at \d{2}:\d{2} (GMT|BST) \(UK time\)", message.TextContent);
        Assert.Contains(text, await menteeClient.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject == $"A message from {mentee.Name} is waiting for you");
        Assert.EndsWith($"/pairings/{pairingId}#messages", email.LinkContaining($"/pairings/{pairingId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("clinic runs late", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("clinic runs late", email.HtmlBody, StringComparison.Ordinal);
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("is waiting for you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABurstOfMessages_EmailsOnce_UntilTheRecipientHasRead_ThenAgain()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        var subject = $"A message from {mentee.Name} is waiting for you";
        using var menteeClient = await factory.Data.SignInAsync(mentee);

        (await SendAsync(menteeClient, pairingId, "First thought.")).Dispose();
        (await SendAsync(menteeClient, pairingId, "Second thought.")).Dispose();
        (await SendAsync(menteeClient, pairingId, "Third thought.")).Dispose();
        Assert.Equal(1, await factory.Data.OutboxCountAsync(mentor.Email, subject));

        using var mentorClient = await factory.Data.SignInAsync(mentor);
        (await mentorClient.GetAsync($"/pairings/{pairingId}")).Dispose();
        (await SendAsync(menteeClient, pairingId, "A new thought after you read the others.")).Dispose();

        Assert.Equal(2, await factory.Data.OutboxCountAsync(mentor.Email, subject));
        Assert.Equal(4, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId)));
    }

    [Fact]
    public async Task UnreadCounts_OnMe_LinkToTheThread_AndOpeningThePairingPageMarksThemRead()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        (await SendAsync(menteeClient, pairingId, "Hello!")).Dispose();
        (await SendAsync(menteeClient, pairingId, "One more thing.")).Dispose();

        // The sender reading their own thread marks nothing read.
        (await menteeClient.GetAsync($"/pairings/{pairingId}")).Dispose();
        Assert.DoesNotContain("unread", await menteeClient.GetStringAsync("/me"), StringComparison.Ordinal);

        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var me = await Forms.ParseHtmlAsync(await mentorClient.GetAsync("/me"));
        var link = me.QuerySelectorAll("a").Single(a => a.TextContent == $"2 unread messages from {mentee.Name}");
        Assert.Equal($"/pairings/{pairingId}#messages", link.GetAttribute("href"));

        var page = await Forms.ParseHtmlAsync(await mentorClient.GetAsync($"/pairings/{pairingId}"));
        Assert.Equal(2, page.QuerySelectorAll("#messages .message-new").Length);

        Assert.DoesNotContain("unread message", await mentorClient.GetStringAsync("/me"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId && m.ReadAt == null)));
        Assert.Empty((await Forms.ParseHtmlAsync(await mentorClient.GetAsync($"/pairings/{pairingId}"))).QuerySelectorAll("#messages .message-new"));
    }

    [Fact]
    public async Task AnAdministratorOfEveryProgramme_Gets404OnTheThread_AndTheAdminPairingPageNeverShowsMessages()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        const string secret = "Something I would only tell my mentor.";
        using (var menteeClient = await factory.Data.SignInAsync(mentee))
        {
            (await SendAsync(menteeClient, pairingId, secret)).Dispose();
        }

        var administrator = await factory.Data.AdministratorAsync();
        using var adminClient = await factory.Data.SignInAsync(administrator);
        foreach (var path in new[] { $"/pairings/{pairingId}", $"/pairings/{pairingId}/messages", $"/pairings/{pairingId}/messages?before=999999" })
        {
            using var response = await adminClient.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var post = await PostWithTokenAsync(adminClient, "/me", pairingId, "Administrator writing in."))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using var adminPage = await adminClient.GetAsync($"/admin/pairings/{pairingId}");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        var html = await adminPage.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Administrator writing in.", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId)));
    }

    [Fact]
    public async Task AnotherMember_Gets404_AndCannotWrite()
    {
        var (mentee, _, pairingId) = await PairedAsync();
        using (var menteeClient = await factory.Data.SignInAsync(mentee))
        {
            (await SendAsync(menteeClient, pairingId, "Only for my mentor.")).Dispose();
        }

        var stranger = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(stranger);
        using (var page = await client.GetAsync($"/pairings/{pairingId}/messages"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("Only for my mentor.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var post = await PostWithTokenAsync(client, "/me/profile", pairingId, "Let me in."))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(1, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId)));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400_AndSavesNothing()
    {
        var (mentee, _, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "No token." });

        using var response = await client.PostAsync($"/pairings/{pairingId}/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId)));
    }

    [Theory]
    [InlineData("   ", "Enter your message.")]
    [InlineData(null, "Keep your message to 4,000 characters or fewer.")]
    public async Task BadMessage_IsRefusedBesideTheBox_KeepsWhatWasTyped_AndSavesNothing(string? text, string problem)
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        var typed = text ?? "Long. " + new string('x', PairingMessage.MaxTextLength);
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await SendAsync(client, pairingId, typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains(problem, page.QuerySelector("#Text-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(problem, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("textarea#Text")!.GetAttribute("aria-invalid"));
        if (text is null)
        {
            Assert.Equal(typed, page.QuerySelector("textarea#Text")!.TextContent);
        }

        Assert.Equal(0, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId)));
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentor.Email) && m.Subject.Contains("is waiting for you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndedPairing_ThreadStaysReadable_SendingIsClosedWithAReason_AndContactDetailsAreGone()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        (await SendAsync(client, pairingId, "Thank you for everything.")).Dispose();
        var token = await TokenAsync(client, "/me/profile");
        await factory.Data.EndAsync(pairingId);

        var page = await Forms.ParseHtmlAsync(await client.GetAsync($"/pairings/{pairingId}"));
        var thread = page.QuerySelector("#messages")!;
        Assert.Contains("Thank you for everything.", thread.TextContent, StringComparison.Ordinal);
        Assert.Contains("This pairing has ended, so no new messages can be sent.", thread.TextContent, StringComparison.Ordinal);
        Assert.Null(thread.QuerySelector("form"));
        Assert.Null(page.QuerySelector("#contact-details-title"));
        Assert.DoesNotContain(mentor.Email, page.Body!.TextContent, StringComparison.Ordinal);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = token, ["Text"] = "One more?" });
        using var response = await client.PostAsync($"/pairings/{pairingId}/messages", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This pairing has ended", (await Forms.ParseHtmlAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId)));
    }

    [Fact]
    public async Task ALongThread_ShowsTheLatest50_WithALinkToEarlierOnes()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        var menteeUserId = await factory.Data.UserIdAsync(mentee.Email);
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await db.Pairings.Include(p => p.Mentor).Include(p => p.Mentee).SingleAsync(p => p.Id == pairingId);
            var start = DateTime.UtcNow.AddDays(-10);
            for (var i = 1; i <= 55; i++)
            {
                db.PairingMessages.Add(PairingMessage.Write(pairing, menteeUserId, $"Message number {i:00}.", start.AddMinutes(i)));
            }

            await db.SaveChangesAsync();
        });
        using var client = await factory.Data.SignInAsync(mentor);

        var latest = await Forms.ParseHtmlAsync(await client.GetAsync($"/pairings/{pairingId}"));
        var shown = latest.QuerySelectorAll("#messages li.message").Select(m => m.QuerySelector(".message-text")!.TextContent).ToList();
        Assert.Equal(50, shown.Count);
        Assert.Equal("Message number 06.", shown[0]);
        Assert.Equal("Message number 55.", shown[^1]);

        var earlierLink = latest.QuerySelectorAll("#messages a").Single(a => a.TextContent == "Earlier messages").GetAttribute("href")!;
        var earlier = await Forms.ParseHtmlAsync(await client.GetAsync(earlierLink));
        Assert.Equal(
            ["Message number 01.", "Message number 02.", "Message number 03.", "Message number 04.", "Message number 05."],
            earlier.QuerySelectorAll("li.message .message-text").Select(m => m.TextContent));
        Assert.Null(earlier.QuerySelector("form textarea"));
        Assert.Contains(earlier.QuerySelectorAll("a"), a => a.TextContent == "Back to the latest messages");
    }

    [Fact]
    public async Task ContactDetails_ShowEachEmail_AndThePhoneNumberEachChoseToShare_ToTheOtherMemberOnly()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        using (var response = await Forms.SubmitAsync(mentorClient, "/mentor/profile", new Dictionary<string, string> { ["PhoneNumber"] = " +44 (0)20  7946 0958 " }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using var menteeClient = await factory.Data.SignInAsync(mentee);
        using (var refused = await Forms.SubmitAsync(menteeClient, "/me/profile", new Dictionary<string, string> { ["PhoneNumber"] = "call me maybe" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await Forms.ParseHtmlAsync(refused);
            Assert.Contains(ContactPhone.Problem, page.QuerySelector("#PhoneNumber-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("call me maybe", page.QuerySelector("input#PhoneNumber")!.GetAttribute("value"));
            Assert.Contains("Shown only to your mentor or mentee", page.QuerySelector("#PhoneNumber-hint")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Null(await factory.Data.QueryAsync(db => db.Users.Where(u => u.Email == mentee.Email).Select(u => u.PhoneNumber).SingleAsync()));
        using (var saved = await Forms.SubmitAsync(menteeClient, "/me/profile", new Dictionary<string, string> { ["PhoneNumber"] = "07700 900123" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var menteeView = (await Forms.ParseHtmlAsync(await menteeClient.GetAsync($"/pairings/{pairingId}"))).Body!;
        Assert.Contains(mentor.Email, menteeView.TextContent, StringComparison.Ordinal);
        Assert.Contains("+44 (0)20 7946 0958", menteeView.TextContent, StringComparison.Ordinal);
        Assert.NotNull(menteeView.QuerySelector("a[href='tel:+44(0)2079460958']"));
        var mentorView = (await Forms.ParseHtmlAsync(await mentorClient.GetAsync($"/pairings/{pairingId}"))).Body!;
        Assert.Contains(mentee.Email, mentorView.TextContent, StringComparison.Ordinal);
        Assert.Contains("07700 900123", mentorView.TextContent, StringComparison.Ordinal);

        var administrator = await factory.Data.AdministratorAsync();
        using var adminClient = await factory.Data.SignInAsync(administrator);
        var adminHtml = await adminClient.GetStringAsync($"/admin/pairings/{pairingId}");
        Assert.DoesNotContain("07700 900123", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("7946 0958", adminHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesAndThePhoneNumber_AreInTheDataExport_AndErasingTheAccountRemovesThem()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        using (var menteeClient = await factory.Data.SignInAsync(mentee))
        {
            (await Forms.SubmitAsync(menteeClient, "/me/profile", new Dictionary<string, string> { ["PhoneNumber"] = "0121 496 0000" })).Dispose();
            (await SendAsync(menteeClient, pairingId, "From the mentee, to be exported.")).Dispose();
        }

        using (var mentorClient = await factory.Data.SignInAsync(mentor))
        {
            (await SendAsync(mentorClient, pairingId, "The mentor's reply.")).Dispose();
        }

        var menteeUserId = await factory.Data.UserIdAsync(mentee.Email);
        var export = JsonSerializer.Serialize(await factory.InScopeAsync(services =>
            services.GetRequiredService<PersonalDataExport>().CollectAsync(menteeUserId, CancellationToken.None)));
        Assert.Contains("From the mentee, to be exported.", export, StringComparison.Ordinal);
        Assert.Contains("The mentor\\u0027s reply.", export, StringComparison.Ordinal);
        Assert.Contains("0121 496 0000", export, StringComparison.Ordinal);

        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var eraser = services.GetRequiredService<AccountEraser>();
            var administratorId = await db.Users.Select(u => u.Id).FirstAsync();
            await db.InOneUnitAsync(async unit =>
            {
                var request = ErasureRequest.ByAdministrator(menteeUserId, administratorId, DateTime.UtcNow);
                db.ErasureRequests.Add(request);
                await eraser.EraseAsync(request, null, unit);
                return true;
            }, CancellationToken.None);
        });

        Assert.Equal(0, await factory.Data.QueryAsync(db => db.PairingMessages.CountAsync(m => m.PairingId == pairingId)));
        Assert.False(await factory.Data.QueryAsync(db => db.Users.AnyAsync(u => u.PhoneNumber == "0121 496 0000")));
    }

    [Fact]
    public async Task MentorProfile_RefusesABadPhoneNumberBesideTheField_KeepingWhatWasTyped()
    {
        var (_, mentor, _) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await Forms.SubmitAsync(client, "/mentor/profile", new Dictionary<string, string> { ["PhoneNumber"] = "07700" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains(ContactPhone.Problem, page.QuerySelector("#PhoneNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("07700", page.QuerySelector("input#PhoneNumber")!.GetAttribute("value"));
        Assert.Null(await factory.Data.QueryAsync(db => db.Users.Where(u => u.Email == mentor.Email).Select(u => u.PhoneNumber).SingleAsync()));
    }

    [Fact]
    public async Task DemoData_Mentee5HasTwoUnreadMessagesFromMentor5_AndSeesMentor5sPhoneNumber()
    {
        await using var demo = await PortalFactory.CreateAsync(new PortalFactoryOptions { SeedDemoData = true });
        using var client = await demo.CreateSignedInClientAsync("mentee5@demo.test", "Demo-Passw0rd!");

        var me = await Forms.ParseHtmlAsync(await client.GetAsync("/me"));
        var link = me.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("2 unread messages from ", StringComparison.Ordinal));
        var thread = await Forms.ParseHtmlAsync(await client.GetAsync(link.GetAttribute("href")!.Split('#')[0]));

        Assert.Equal(5, thread.QuerySelectorAll("#messages li.message").Length);
        Assert.Equal(2, thread.QuerySelectorAll("#messages .message-new").Length);
        Assert.Contains("07700 900505", thread.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(Person Mentee, Person Mentor, int PairingId)> PairedAsync()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        return (mentee, mentor, await factory.Data.PairAsync(mentee, mentor));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, int pairingId, string text) =>
        Forms.SubmitAsync(client, $"/pairings/{pairingId}", new Dictionary<string, string> { ["Text"] = text }, formAction: $"/pairings/{pairingId}/messages");

    private static async Task<string> TokenAsync(HttpClient client, string pageWithAForm)
    {
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(pageWithAForm));
        return page.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
    }

    /// <summary>A POST with a valid token of the caller's own, taken from a page they may open.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string pageWithAForm, int pairingId, string text)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = await TokenAsync(client, pageWithAForm),
            ["Text"] = text,
        });
        return await client.PostAsync($"/pairings/{pairingId}/messages", content);
    }
}
