using System.Net;
using MentoringPortal.Domain.Notifications;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// /me/settings over HTTP on PostgreSQL and SMTP: choices saved and shown again, bad input refused beside the field,
/// and each choice applied where emails are enqueued (at once, digest, not at all; account emails always at once).
/// </summary>
public sealed class EmailSettingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Save_KeepsEachChoice_ShowsThemAgain_AndSaysSo()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using (var response = await SaveAsync(client, requests: "Digest", messages: "Off", meetings: "AtOnce", news: "Digest"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/me/settings", response.Headers.Location!.OriginalString);
        }

        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/me/settings"));
        Assert.Contains("Your email settings have been saved.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Digest", page.QuerySelector("input[name=Requests]:checked")!.GetAttribute("value"));
        Assert.Equal("Off", page.QuerySelector("input[name=Messages]:checked")!.GetAttribute("value"));
        Assert.Equal("AtOnce", page.QuerySelector("input[name=Meetings]:checked")!.GetAttribute("value"));
        Assert.Equal(4, page.QuerySelectorAll("fieldset legend").Length);

        var userId = await factory.Data.UserIdAsync(mentee.Email);
        var saved = await factory.Data.QueryAsync(db => db.NotificationSettings.AsNoTracking().SingleAsync(s => s.UserId == userId));
        Assert.Equal(EmailDelivery.Digest, saved.SchemeNews);
    }

    [Fact]
    public async Task NewAccount_GetsEverythingAtOnce_AndIsLinkedFromMe()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        Assert.Contains("href=\"/me/settings\"", await client.GetStringAsync("/me"), StringComparison.Ordinal);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/me/settings"));
        Assert.All(page.QuerySelectorAll("input[type=radio]:checked"), radio => Assert.Equal("AtOnce", radio.GetAttribute("value")));
        Assert.Equal(4, page.QuerySelectorAll("input[type=radio]:checked").Length);
    }

    [Fact]
    public async Task NotAChoice_IsRefusedBesideTheField_AndNothingIsSaved()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await SaveAsync(client, requests: "Sometimes", messages: "Off", meetings: "Off", news: "Off");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Choose how you want emails about requests and matches.", page.QuerySelector("#Requests-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Requests']"));
        var userId = await factory.Data.UserIdAsync(mentee.Email);
        Assert.False(await factory.Data.QueryAsync(db => db.NotificationSettings.AnyAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task PostWithoutToken_Is400()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Requests"] = "Off" });

        using var response = await client.PostAsync(new Uri("/me/settings", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task KindSetToNotAtAll_IsNotSent_ButTheMessageIsStillInThePortal()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        (await SaveAsync(mentorClient, requests: "AtOnce", messages: "Off", meetings: "AtOnce", news: "AtOnce")).Dispose();
        using var menteeClient = await factory.Data.SignInAsync(mentee);

        (await SendMessageAsync(menteeClient, pairingId, "Shall we meet on Friday?")).Dispose();

        Assert.Equal(0, await factory.Data.OutboxCountAsync(mentor.Email, $"A message from {mentee.Name} is waiting for you"));
        var mentorId = await factory.Data.UserIdAsync(mentor.Email);
        Assert.False(await factory.Data.QueryAsync(db => db.DigestItems.AnyAsync(i => i.UserId == mentorId)));
        Assert.Contains("Shall we meet on Friday?", await mentorClient.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KindSetToDigest_WaitsForTheDigest_WithItsLineAndLink()
    {
        var (mentee, mentor, pairingId) = await PairedAsync();
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        (await SaveAsync(mentorClient, requests: "AtOnce", messages: "Digest", meetings: "AtOnce", news: "AtOnce")).Dispose();
        using var menteeClient = await factory.Data.SignInAsync(mentee);

        (await SendMessageAsync(menteeClient, pairingId, "A thought for next time.")).Dispose();

        var subject = $"A message from {mentee.Name} is waiting for you";
        Assert.Equal(0, await factory.Data.OutboxCountAsync(mentor.Email, subject));
        var mentorId = await factory.Data.UserIdAsync(mentor.Email);
        var item = await factory.Data.QueryAsync(db => db.DigestItems.AsNoTracking().SingleAsync(i => i.UserId == mentorId));
        Assert.Equal(EmailKind.Messages, item.Kind);
        Assert.Equal(subject, item.Summary);
        Assert.Equal($"/pairings/{pairingId}#messages", item.Link);
        Assert.Null(item.DigestDay);
        Assert.Contains("1 email is waiting for your next digest.", await mentorClient.GetStringAsync("/me/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountEmails_ComeAtOnce_EvenWithEverythingOff_AndTheFooterLinksToTheSettings()
    {
        var mentee = await factory.Data.MenteeAsync();
        using (var client = await factory.Data.SignInAsync(mentee))
        {
            (await SaveAsync(client, requests: "Off", messages: "Off", meetings: "Off", news: "Off")).Dispose();
        }

        using var anonymous = factory.CreateClientNoRedirect();
        (await Forms.SubmitAsync(anonymous, "/account/forgot-password", new Dictionary<string, string> { ["Email"] = mentee.Email })).Dispose();

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == "Reset your mentoring portal password");
        Assert.Contains("Choose which emails you get, and how often: http", email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("/me/settings", email.LinkContaining("/me/settings"), StringComparison.Ordinal);
        Assert.Contains("/me/settings\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_NeedsSigningIn()
    {
        using var anonymous = factory.CreateClientNoRedirect();
        using var response = await anonymous.GetAsync(new Uri("/me/settings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Forms.LoginPath, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string requests, string messages, string meetings, string news) =>
        Forms.SubmitAsync(client, "/me/settings", new Dictionary<string, string>
        {
            ["Requests"] = requests,
            ["Messages"] = messages,
            ["Meetings"] = meetings,
            ["SchemeNews"] = news,
        });

    private static Task<HttpResponseMessage> SendMessageAsync(HttpClient client, int pairingId, string text) =>
        Forms.SubmitAsync(client, $"/pairings/{pairingId}", new Dictionary<string, string> { ["Text"] = text }, formAction: $"/pairings/{pairingId}/messages");

    private async Task<(Person Mentee, Person Mentor, int PairingId)> PairedAsync()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        return (mentee, mentor, await factory.Data.PairAsync(mentee, mentor));
    }
}
