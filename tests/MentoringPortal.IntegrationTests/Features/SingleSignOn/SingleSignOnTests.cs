using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.TestIdentityProvider;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features.SingleSignOn;

/// <summary>
/// Signing in with an organisation's OpenID Connect provider, against a real provider (OpenIddict) over the authorization code
/// flow with PKCE: linked accounts sign in, existing accounts are linked only after proof, new people get a mentee account,
/// and tokens for another audience or with the wrong nonce are refused.
/// </summary>
public sealed class SingleSignOnTests(SingleSignOnPortal sso) : IClassFixture<SingleSignOnPortal>
{
    private PortalFactory Portal => sso.Portal;

    [Fact]
    public async Task LoginPage_ShowsTheOrganisationButton_PostingWithAntiforgery()
    {
        using var browser = sso.NewBrowser();
        using var response = await browser.GetAsync("/account/login");
        var page = await Forms.ParseHtmlAsync(response);

        // The button's form redirects to the provider, which the Content-Security-Policy's form-action must allow.
        Assert.Contains($"form-action 'self' {sso.Provider.Authority.GetLeftPart(UriPartial.Authority)};",
            response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var form = page.Forms.Single(f => f.GetAttribute("action") == $"/account/sso/start/{SingleSignOnPortal.Key}");
        Assert.Equal($"Sign in with {SingleSignOnPortal.DisplayName}", form.QuerySelector("button")!.TextContent.Trim());
        Assert.NotNull(form.QuerySelector($"input[name={Forms.AntiforgeryField}]"));
    }

    [Fact]
    public async Task Challenge_WithoutAntiforgeryToken_Is400_AndUnknownProviderIs404()
    {
        using var browser = sso.NewBrowser();
        using var noToken = await browser.PostAsync($"/account/sso/start/{SingleSignOnPortal.Key}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var login = await Forms.ParseHtmlAsync(await browser.GetAsync("/account/login"));
        var token = login.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var unknown = await browser.PostAsync("/account/sso/start/nobody", new FormUrlEncodedContent([new(Forms.AntiforgeryField, token)]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task FirstSignIn_WithAVerifiedNewAddress_CreatesAMenteeAccountAndSignsIn()
    {
        var email = Unique.Email("newcomer");
        var user = sso.ProviderUser(email, "Nia Newcomer");
        using var browser = sso.NewBrowser();

        using var response = await sso.SignInWithProviderAsync(browser, user);

        Assert.Equal("/me", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);
        Assert.True(await Portal.Data.IsInRoleAsync(email, Roles.Mentee));
        var account = await Portal.Data.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(account.EmailConfirmed);
        Assert.Equal("Nia Newcomer", account.DisplayName);
        Assert.Null(account.PasswordHash);
        Assert.Equal(1, await Portal.Data.QueryAsync(db => db.Mentees.CountAsync(m => m.UserId == account.Id)));
        Assert.Equal(1, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == account.Id && l.ProviderKey == user.Subject)));
        Assert.Equal(1, await Portal.Data.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == account.Id)));

        // The next time, the linked sign-in opens a session straight away.
        using var again = sso.NewBrowser();
        using var second = await sso.SignInWithProviderAsync(again, user);
        Assert.Equal("/me", second.Headers.Location?.ToString());
    }

    [Fact]
    public async Task FirstSignIn_WithAnUnverifiedAddress_IsRefused_AndMakesNoAccount()
    {
        var email = Unique.Email("unverified");
        var user = sso.ProviderUser(email, emailVerified: null);
        using var browser = sso.NewBrowser();

        using var response = await sso.SignInWithProviderAsync(browser, user);

        Assert.Equal("/account/login", response.Headers.Location?.ToString());
        Assert.Contains($"{SingleSignOnPortal.DisplayName} has not confirmed that your email address is yours",
            await browser.GetStringAsync("/account/login"), StringComparison.Ordinal);
        Assert.Equal(0, await Portal.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
        await Portal.Data.AssertNoEmailAsync(m => m.IsTo(email));
    }

    /// <summary>
    /// The attack the rule stops: someone who learnt an administrator's password makes a provider account that claims the
    /// administrator's address without verifying it, and whose tokens say a second factor was used. Linking it would give them a
    /// way in past the administrator's own authenticator.
    /// </summary>
    [Fact]
    public async Task UnverifiedAddress_IsNeverLinkedToAnExistingAccount_EvenWithThePasswordAndTheProvidersSecondFactor()
    {
        var admin = await Portal.Data.AdministratorAsync();
        var impostor = sso.ProviderUser(admin.Email, "Not the administrator", emailVerified: false, multiFactor: true);
        using var browser = sso.NewBrowser();

        using var response = await sso.SignInWithProviderAsync(browser, impostor);

        Assert.Equal("/account/login", response.Headers.Location?.ToString());
        Assert.Contains("has not confirmed that your email address is yours", await browser.GetStringAsync("/account/login"), StringComparison.Ordinal);
        using var linkPage = await browser.GetAsync("/account/sso/link");
        Assert.Equal("/account/login", linkPage.Headers.Location?.ToString());
        // Posting the password to the link form by hand links nothing either.
        var token = (await Forms.ParseHtmlAsync(await browser.GetAsync("/account/login"))).QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var tried = await browser.PostAsync("/account/sso/link",
            new FormUrlEncodedContent([new(Forms.AntiforgeryField, token), new("Form.Password", TestData.Password)]));
        Assert.Equal("/account/login", tried.Headers.Location?.ToString());

        var adminId = await Portal.Data.UserIdAsync(admin.Email);
        Assert.Equal(0, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == adminId)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
        await Portal.Data.AssertNoEmailAsync(m => m.IsTo(admin.Email));
    }

    [Fact]
    public async Task ExistingAccountWithTwoFactor_IsLinkedOnlyWithItsSecondFactorAsWell_ThenOpensAMultiFactorSession()
    {
        var admin = await Portal.Data.AdministratorAsync();
        var atProvider = sso.ProviderUser(admin.Email);
        using var browser = sso.NewBrowser();
        using var response = await sso.SignInWithProviderAsync(browser, atProvider);
        Assert.Equal("/account/sso/link", response.Headers.Location?.ToString());
        var page = await Forms.ParseHtmlAsync(await browser.GetAsync("/account/sso/link"));
        Assert.Equal("Code from your authenticator app, or a recovery code", page.QuerySelector("label[for=Form_Code]")?.TextContent.Trim());
        var adminId = await Portal.Data.UserIdAsync(admin.Email);

        using var passwordOnly = await LinkAsync(browser, TestData.Password, code: null);
        Assert.Equal(HttpStatusCode.OK, passwordOnly.StatusCode);
        Assert.Contains("Your account uses two-factor sign-in: enter the code", await passwordOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrongCode = await LinkAsync(browser, TestData.Password, "123456");
        Assert.Contains("That code is not right.", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Portal.Data.QueryAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.AccessFailedCount).SingleAsync()));
        Assert.Equal(0, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == adminId)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);

        var recoveryCode = await SecondFactor.NewRecoveryCodeAsync(Portal.Services, admin.Email);
        using var linked = await LinkAsync(browser, TestData.Password, recoveryCode.ToLowerInvariant());
        Assert.Equal("/me", linked.Headers.Location?.ToString());
        Assert.Equal(1, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == adminId)));
        Assert.Equal(0, await Portal.Data.QueryAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.AccessFailedCount).SingleAsync()));
        Assert.Contains("with the password and a second factor",
            Assert.Single(await Portal.Data.AuditAsync(AuditActions.OrganisationSignInLinked, admin.Email)).After, StringComparison.Ordinal);
        // The administrator's own second factor was given, so the administration pages open though the provider did none.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);

        // Later sign-ins with a provider that did no second factor go on to the portal's own.
        using var laterBrowser = sso.NewBrowser();
        using var later = await sso.SignInWithProviderAsync(laterBrowser, atProvider);
        Assert.StartsWith(SecondFactor.CodePath, later.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await laterBrowser.GetAsync("/admin")).StatusCode);
        await SecondFactor.CompleteWithRecoveryCodeAsync(Portal.Services, laterBrowser, admin.Email);
        Assert.Equal(HttpStatusCode.OK, (await laterBrowser.GetAsync("/admin")).StatusCode);
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient browser, string password, string? code) =>
        Forms.SubmitAsync(browser, "/account/sso/link",
            new Dictionary<string, string> { ["Form.Password"] = password, ["Form.Code"] = code ?? string.Empty }, formAction: "/account/sso/link");

    [Fact]
    public async Task ExistingAccount_IsLinkedOnlyAfterThePassword_ThenSignsInDirectly()
    {
        var mentee = await Portal.Data.MenteeAsync();
        var user = sso.ProviderUser(mentee.Email);
        using var browser = sso.NewBrowser();

        using var response = await sso.SignInWithProviderAsync(browser, user);
        Assert.Equal("/account/sso/link", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);

        using var wrong = await Forms.SubmitAsync(browser, "/account/sso/link", new Dictionary<string, string> { ["Form.Password"] = "not the password at all" },
            formAction: "/account/sso/link");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var userId = await Portal.Data.UserIdAsync(mentee.Email);
        Assert.Equal(0, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == userId)));

        using var right = await Forms.SubmitAsync(browser, "/account/sso/link", new Dictionary<string, string> { ["Form.Password"] = TestData.Password },
            formAction: "/account/sso/link");
        Assert.Equal("/me", right.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);
        Assert.Single(await Portal.Data.AuditAsync(AuditActions.OrganisationSignInLinked, mentee.Email));

        using var later = await sso.SignInWithProviderAsync(sso.NewBrowser(), user);
        Assert.Equal("/me", later.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ExistingAccount_IsLinkedByTheEmailedLink_WhichWorksOnce()
    {
        var mentee = await Portal.Data.MenteeAsync();
        var user = sso.ProviderUser(mentee.Email);
        using var browser = sso.NewBrowser();
        using var response = await sso.SignInWithProviderAsync(browser, user);
        Assert.Equal("/account/sso/link", response.Headers.Location?.ToString());

        using var sent = await Forms.SubmitAsync(browser, "/account/sso/link", formAction: "/account/sso/link/email");
        Assert.Contains("Check your email", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await Portal.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("organisation sign-in", StringComparison.Ordinal));
        Assert.Contains(SingleSignOnPortal.DisplayName, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("works once, for one hour", mail.TextBody, StringComparison.Ordinal);
        var link = mail.LinkContaining("/account/sso/link/confirm");

        // Opening the link only shows what it will do; nothing is linked until the person confirms.
        var userId = await Portal.Data.UserIdAsync(mentee.Email);
        using var elsewhere = sso.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(link)).StatusCode);
        Assert.Equal(0, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == userId)));

        await ConfirmEmailedLinkAsync(elsewhere, link);
        Assert.Equal(1, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == userId)));
        Assert.Single(await Portal.Data.AuditAsync(AuditActions.OrganisationSignInLinked, mentee.Email));
        Assert.Contains("This link does not work", await elsewhere.GetStringAsync(link), StringComparison.Ordinal);

        using var signIn = await sso.SignInWithProviderAsync(sso.NewBrowser(), user);
        Assert.Equal("/me", signIn.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData(Misbehaviour.WrongAudience)]
    [InlineData(Misbehaviour.WrongNonce)]
    public async Task IdentityToken_ForAnotherAudienceOrWithTheWrongNonce_IsRefused(Misbehaviour misbehaviour)
    {
        var email = Unique.Email("refused");
        var user = sso.ProviderUser(email);
        using var browser = sso.NewBrowser();
        sso.Provider.Misbehaviour = misbehaviour;
        try
        {
            using var response = await sso.SignInWithProviderAsync(browser, user);

            Assert.Equal("/account/sso/failed", response.Headers.Location?.ToString());
            using var failed = await browser.GetAsync("/account/sso/failed");
            var login = await browser.GetStringAsync(failed.Headers.Location);
            Assert.Contains("Signing in with your organisation did not work.", login, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
            Assert.Equal(0, await Portal.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        }
        finally
        {
            sso.Provider.Misbehaviour = Misbehaviour.None;
        }
    }

    [Fact]
    public async Task ReturnUrl_ElsewhereIsIgnored()
    {
        var user = sso.ProviderUser(Unique.Email("redirect"));
        using var browser = sso.NewBrowser();

        using var response = await sso.SignInWithProviderAsync(browser, user, "/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/me", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SecurityPage_ListsLinkedSignIns_RemovesOne_ButNotTheOnlyWayIn()
    {
        var mentee = await Portal.Data.MenteeAsync();
        var user = sso.ProviderUser(mentee.Email);
        using var browser = sso.NewBrowser();
        using var linked = await sso.SignInWithProviderAsync(browser, user);
        using var proved = await Forms.SubmitAsync(browser, "/account/sso/link", new Dictionary<string, string> { ["Form.Password"] = TestData.Password },
            formAction: "/account/sso/link");
        Assert.Contains(SingleSignOnPortal.DisplayName, await browser.GetStringAsync("/me/security"), StringComparison.Ordinal);

        // Someone else's sign-in is not there to remove.
        var stranger = sso.ProviderUser(Unique.Email("stranger"));
        using var strangerBrowser = sso.NewBrowser();
        using var created = await sso.SignInWithProviderAsync(strangerBrowser, stranger);
        using var notMine = await Forms.SubmitAsync(browser, "/me/security",
            new Dictionary<string, string> { ["providerKey"] = stranger.Subject }, formAction: "/me/security/organisation-sign-ins/remove");
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);

        // An account made by the sign-in has no password: its only way in stays.
        using var onlyWay = await Forms.SubmitAsync(strangerBrowser, "/me/security", formAction: "/me/security/organisation-sign-ins/remove");
        Assert.Equal(HttpStatusCode.Redirect, onlyWay.StatusCode);
        Assert.Contains("is your only way to sign in", await strangerBrowser.GetStringAsync("/me/security"), StringComparison.Ordinal);
        var strangerId = await Portal.Data.UserIdAsync(stranger.Email);
        Assert.Equal(1, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == strangerId)));

        using var removed = await Forms.SubmitAsync(browser, "/me/security", formAction: "/me/security/organisation-sign-ins/remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var userId = await Portal.Data.UserIdAsync(mentee.Email);
        Assert.Equal(0, await Portal.Data.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == userId)));
        Assert.Single(await Portal.Data.AuditAsync(AuditActions.OrganisationSignInRemoved, mentee.Email));
    }

    [Fact]
    public async Task AdministratorsRequirement_IsTurnedOnFromAnOrganisationSession_EndsPasswordSessions_AndRefusesPasswordsButNotMembers()
    {
        var admin = await Portal.Data.AdministratorAsync();
        var mentee = await Portal.Data.MenteeAsync();
        var adminAtProvider = sso.ProviderUser(admin.Email, multiFactor: true);
        try
        {
            using var passwordSession = await Portal.Data.SignInAsync(admin);
            using var fromPasswordSession = await Forms.SubmitAsync(passwordSession, "/admin/sign-in",
                new Dictionary<string, string> { ["Form.AdministratorsUseSingleSignOn"] = "true" });
            Assert.Equal(HttpStatusCode.OK, fromPasswordSession.StatusCode);
            Assert.Contains($"Sign in with {SingleSignOnPortal.DisplayName} first", await fromPasswordSession.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await Portal.Data.QueryAsync(db => db.SignInPolicies.CountAsync()));

            // The administrator links their organisation sign-in (password and their own second factor prove the account).
            using var browser = sso.NewBrowser();
            using var linking = await sso.SignInWithProviderAsync(browser, adminAtProvider);
            Assert.Equal("/account/sso/link", linking.Headers.Location?.ToString());
            using var linked = await LinkAsync(browser, TestData.Password, await SecondFactor.NewRecoveryCodeAsync(Portal.Services, admin.Email));
            Assert.Equal("/me", linked.Headers.Location?.ToString());

            using var saved = await Forms.SubmitAsync(browser, "/admin/sign-in", new Dictionary<string, string> { ["Form.AdministratorsUseSingleSignOn"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Single(await Portal.Data.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SingleSignOnRequirementChanged && a.After == "Required").ToListAsync()));

            // The session that turned it on goes on; the one opened with the password has ended.
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/sign-in")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await passwordSession.GetAsync("/me")).StatusCode);

            using var passwordBrowser = sso.NewBrowser();
            using var refused = await Forms.SubmitAsync(passwordBrowser, Forms.LoginPath,
                new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = TestData.Password });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"Administrators sign in with their organisation account: use “Sign in with {SingleSignOnPortal.DisplayName}”",
                (await Forms.ParseHtmlAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await passwordBrowser.GetAsync("/me")).StatusCode);

            using var member = await Portal.Data.SignInAsync(mentee);
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/me")).StatusCode);

            // Their organisation sign-in, whose provider did a second factor, reaches the administration pages.
            using var again = sso.NewBrowser();
            using var signedIn = await sso.SignInWithProviderAsync(again, adminAtProvider);
            Assert.Equal("/me", signedIn.Headers.Location?.ToString());
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin")).StatusCode);
        }
        finally
        {
            await Portal.Data.QueryAsync(db => db.SignInPolicies.ExecuteDeleteAsync());
        }
    }

    private static async Task ConfirmEmailedLinkAsync(HttpClient browser, string link)
    {
        using var confirmed = await Forms.SubmitAsync(browser, link, formAction: "/account/sso/link/confirm");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Sign-in linked", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>Without a configured provider: no buttons, and the administrators' requirement cannot be turned on.</summary>
public sealed class SingleSignOnNotConfiguredTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task NoProvider_NoButtons_AndTheRequirementIsRefusedWithAReason()
    {
        using var browser = portal.CreateClientNoRedirect();
        Assert.DoesNotContain("/account/sso/start/", await browser.GetStringAsync("/account/login"), StringComparison.Ordinal);

        var admin = await portal.Data.AdministratorAsync();
        using var client = await portal.Data.SignInAsync(admin);
        using var refused = await Forms.SubmitAsync(client, "/admin/sign-in", new Dictionary<string, string> { ["Form.AdministratorsUseSingleSignOn"] = "true" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("No organisation sign-in is configured, so administrators would have no way to sign in.",
            await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.Data.QueryAsync(db => db.SignInPolicies.CountAsync()));
    }

    [Fact]
    public async Task ProgrammeAdministrator_CannotSeeTheSetting()
    {
        var programme = await portal.Data.ProgrammeAsync();
        var admin = await portal.Data.AdministratorAsync(programme);
        using var client = await portal.Data.SignInAsync(admin);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/sign-in")).StatusCode);
    }
}
