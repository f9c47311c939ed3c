using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Sessions live on the server: signing out, password changes and resets end them at once, and people see and end their own.</summary>
public sealed class SessionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task CopiedCookie_AfterLogout_NoLongerOpensMe()
    {
        var mentee = await factory.Data.MenteeAsync();
        var (client, cookies) = await SignInKeepingCookiesAsync(mentee.Email);
        using var owner = client;
        using var thief = CopiedClient(cookies);
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(thief));

        using (var logout = await Forms.SubmitAsync(owner, "/me", formAction: "/account/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusOfMeAsync(thief));
    }

    [Fact]
    public async Task CopiedCookie_AfterPasswordResetByEmail_NoLongerOpensMe()
    {
        var mentee = await factory.Data.MenteeAsync();
        var (client, cookies) = await SignInKeepingCookiesAsync(mentee.Email);
        using var signedIn = client;
        using var thief = CopiedClient(cookies);

        using var anonymous = factory.CreateClientNoRedirect();
        using (await Forms.SubmitAsync(anonymous, "/account/forgot-password", new Dictionary<string, string> { ["Email"] = mentee.Email }))
        {
        }

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("Reset", StringComparison.Ordinal));
        const string newPassword = "seven quiet harbours at dawn";
        using (var reset = await Forms.SubmitAsync(anonymous, new Uri(email.LinkContaining("/account/reset-password")).PathAndQuery,
            new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }))
        {
            Assert.Contains("Password changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusOfMeAsync(thief));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfMeAsync(signedIn));
        Assert.True(await AuditedAsync(mentee.Email, AuditActions.PasswordReset));
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessions_KeepsThisOne_EmailsAndAudits()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var laptop = await factory.Data.SignInAsync(mentee);
        using var phone = await factory.Data.SignInAsync(mentee);
        const string newPassword = "lanterns over the quiet river";

        using (var wrong = await Forms.SubmitAsync(laptop, "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all",
            ["NewPassword"] = newPassword,
            ["ConfirmNewPassword"] = newPassword,
        }))
        {
            Assert.Contains("Your current password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(phone));

        using (var changed = await Forms.SubmitAsync(laptop, "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestData.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmNewPassword"] = newPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(laptop));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfMeAsync(phone));
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("password has been changed", StringComparison.Ordinal));
        Assert.DoesNotContain(newPassword, email.TextBody, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(mentee.Email, AuditActions.PasswordChanged));
        using var again = await factory.CreateSignedInClientAsync(mentee.Email, newPassword);
    }

    [Fact]
    public async Task ChangePassword_ToACommonPassword_IsRefusedAndNothingChanges()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await Forms.SubmitAsync(client, "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestData.Password,
            ["NewPassword"] = "Password1234",
            ["ConfirmNewPassword"] = "Password1234",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("common or breached passwords", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillTheOldPassword = await factory.Data.SignInAsync(mentee);
    }

    [Fact]
    public async Task SessionsPage_ListsDevices_EndsTheOthers_AndAudits()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var laptop = await factory.Data.SignInAsync(mentee);
        using var phone = factory.CreateClientNoRedirect();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1");
        using (await Forms.SignInAsync(phone, mentee.Email, TestData.Password))
        {
        }

        var page = await Forms.ParseHtmlAsync(await laptop.GetAsync("/me/sessions"));
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Safari on iPhone", StringComparison.Ordinal));
        Assert.Single(rows, r => r.Contains("(this device)", StringComparison.Ordinal));

        using (var ended = await Forms.SubmitAsync(laptop, "/me/sessions", formAction: "/me/sessions/end-others"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusOfMeAsync(phone));
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(laptop));
        Assert.True(await AuditedAsync(mentee.Email, AuditActions.SessionsEnded));
    }

    [Fact]
    public async Task EndingAnotherPersonsSession_Is404AndItCarriesOn()
    {
        var owner = await factory.Data.MenteeAsync();
        var intruder = await factory.Data.MenteeAsync();
        using var ownerClient = await factory.Data.SignInAsync(owner);
        using var intruderClient = await factory.Data.SignInAsync(intruder);
        var ownersSession = await factory.Data.QueryAsync(db =>
            db.UserSessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == owner.Email)).Select(s => s.Id).SingleAsync());

        var token = Forms.ParseHtml(await intruderClient.GetStringAsync("/me/sessions"))
            .QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = token });
        using var response = await intruderClient.PostAsync($"/me/sessions/{ownersSession}/end", content);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(ownerClient));
    }

    [Fact]
    public async Task SigningIn_OverAPlantedSessionCookie_StartsANewSession()
    {
        var attacker = await factory.Data.MenteeAsync(name: "Attacker Person");
        var victim = await factory.Data.MenteeAsync(name: "Victim Person");
        var (attackerClient, plantedCookies) = await SignInKeepingCookiesAsync(attacker.Email);
        using var attackers = attackerClient;

        // The victim's browser carries the attacker's session cookie, and the victim signs in there.
        var container = new CookieContainer();
        container.SetCookies(new Uri("http://localhost"), plantedCookies.Replace("; ", ",", StringComparison.Ordinal));
        using var victims = factory.CreateDefaultClient(new CookieContainerHandler(container));
        using (await Forms.SignInAsync(victims, victim.Email, TestData.Password))
        {
        }

        Assert.Contains("Victim Person", await victims.GetStringAsync("/me"), StringComparison.Ordinal);
        var attackersPage = await attackers.GetStringAsync("/me");
        Assert.Contains("Attacker Person", attackersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Victim Person", attackersPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_AsksTheBrowserToForgetCachedPages()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var logout = await Forms.SubmitAsync(client, "/me", formAction: "/account/logout");
        Assert.Equal("\"cache\", \"storage\"", logout.Headers.GetValues("Clear-Site-Data").Single());
    }

    [Fact]
    public async Task RolesChangedByAnAdministrator_EndSessions()
    {
        var person = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(person);
        await factory.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(person.Email))!);
        });
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfMeAsync(client));
    }

    /// <summary>A signed-in client whose cookies the test can read, to copy them into another client as a thief would.</summary>
    private async Task<(HttpClient Client, string Cookies)> SignInKeepingCookiesAsync(string email)
    {
        var container = new CookieContainer();
        var client = factory.CreateDefaultClient(new CookieContainerHandler(container));
        using (await Forms.SignInAsync(client, email, TestData.Password))
        {
        }

        return (client, container.GetCookieHeader(client.BaseAddress!));
    }

    private HttpClient CopiedClient(string cookies)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        return client;
    }

    private static async Task<HttpStatusCode> StatusOfMeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/me");
        return response.StatusCode;
    }

    private Task<bool> AuditedAsync(string email, string action) =>
        factory.Data.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == email && a.Action == action));
}
