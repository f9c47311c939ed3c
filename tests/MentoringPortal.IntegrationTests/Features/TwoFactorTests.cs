using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>A portal whose clock the tests move, so that authenticator codes can be computed for a known moment.</summary>
public sealed class TwoFactorPortal() : PortalFactory(new PortalFactoryOptions { Clock = new TestClock() });

/// <summary>Two-factor sign-in: the authenticator app, recovery codes, passkeys' pages, and administrators' second factor.</summary>
public sealed class TwoFactorTests(TwoFactorPortal portal) : IClassFixture<TwoFactorPortal>
{
    private TestClock Clock => portal.Clock!;

    [Fact]
    public async Task TurningOnTwoFactor_EndsTheOtherSessionsAtOnce_AndKeepsThisOne()
    {
        var member = await portal.Data.MenteeAsync();
        using var laptop = await portal.Data.SignInAsync(member);
        using var phone = await portal.Data.SignInAsync(member);

        using var page = await laptop.GetAsync("/me/security/authenticator");
        var key = (await Forms.ParseHtmlAsync(page)).QuerySelector("[data-authenticator-key]")!.TextContent;
        using (var on = await Forms.SubmitAsync(laptop, "/me/security/authenticator", Code("Form.Code", SecondFactor.CodeAt(key, Clock.GetUtcNow()))))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }

        using (var ended = await phone.GetAsync("/me"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        using var stillHere = await laptop.GetAsync("/me/security");
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
    }

    [Fact]
    public async Task Authenticator_SetUpWithTheKeyShown_IsOnWithTenRecoveryCodes_AndAWrongCodeChangesNothing()
    {
        var member = await portal.Data.MenteeAsync();
        using var client = await portal.Data.SignInAsync(member);
        var stampBefore = await UserAsync(member.Email, u => u.SecurityStamp);

        using var page = await client.GetAsync("/me/security/authenticator");
        var document = await Forms.ParseHtmlAsync(page);
        var key = document.QuerySelector("[data-authenticator-key]")!.TextContent.Trim();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Equal("/me/security/authenticator/qr-code", document.QuerySelector("main img")!.GetAttribute("src"));
        using (var qr = await client.GetAsync("/me/security/authenticator/qr-code"))
        {
            Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
            Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("<svg", (await qr.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        }

        var wrong = SecondFactor.CodeAt(key, Clock.GetUtcNow().AddMinutes(10));
        using (var refused = await Forms.SubmitAsync(client, document, page.RequestMessage!.RequestUri!, Code("Form.Code", wrong)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var again = await Forms.ParseHtmlAsync(refused);
            Assert.Contains("That code is not right", again.QuerySelector("#Form_Code-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("true", again.QuerySelector("#Form_Code")!.GetAttribute("aria-invalid"));
        }

        Assert.False(await UserAsync(member.Email, u => u.TwoFactorEnabled));

        using var accepted = await Forms.SubmitAsync(client, "/me/security/authenticator", Code("Form.Code", SecondFactor.CodeAt(key, Clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var codes = (await Forms.ParseHtmlAsync(accepted)).QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.True(await UserAsync(member.Email, u => u.TwoFactorEnabled));
        Assert.NotEqual(stampBefore, await UserAsync(member.Email, u => u.SecurityStamp));

        var audit = await AuditAsync(member.Email);
        Assert.Contains(audit, a => a.StartsWith(AuditActions.TwoFactorEnabled, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith(AuditActions.SecondFactorFailed, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Contains(wrong, StringComparison.Ordinal));

        // The session that turned it on goes on; the page now says it is on.
        using var security = await client.GetAsync("/me/security");
        Assert.Equal(HttpStatusCode.OK, security.StatusCode);
        Assert.Contains("You have 10 unused recovery codes", (await Forms.ParseHtmlAsync(security)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AsksForTheCode_AndTheSameCodeIsRefusedTheSecondTime()
    {
        var (email, key) = await MemberWithAuthenticatorAsync();
        var code = SecondFactor.CodeAt(key, Clock.GetUtcNow());

        using var first = portal.CreateClientNoRedirect();
        using (var password = await Forms.SignInAsync(first, email, TestData.Password))
        {
            Assert.True(SecondFactor.AsksForSecondStep(password));
        }

        using (var me = await first.GetAsync("/me"))
        {
            Assert.Equal(HttpStatusCode.Redirect, me.StatusCode); // not signed in until the code is given
        }

        using (var signedIn = await Forms.SubmitAsync(first, SecondFactor.CodePath, Code("Code", code)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);
        }

        using var second = portal.CreateClientNoRedirect();
        using (await Forms.SignInAsync(second, email, TestData.Password))
        {
        }

        using (var replayed = await Forms.SubmitAsync(second, SecondFactor.CodePath, Code("Code", code)))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            var page = await Forms.ParseHtmlAsync(replayed);
            Assert.Contains("already been used", page.QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        }

        Clock.Advance(TimeSpan.FromSeconds(30));
        using (var next = await Forms.SubmitAsync(second, SecondFactor.CodePath, Code("Code", SecondFactor.CodeAt(key, Clock.GetUtcNow()))))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        }
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var (email, _) = await MemberWithAuthenticatorAsync();
        var codes = await portal.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.ToList();
        });

        using var first = portal.CreateClientNoRedirect();
        using (await Forms.SignInAsync(first, email, TestData.Password))
        {
        }

        using (var signedIn = await Forms.SubmitAsync(first, SecondFactor.RecoveryPath, Code("RecoveryCode", codes[0].ToLowerInvariant())))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var second = portal.CreateClientNoRedirect();
        using (await Forms.SignInAsync(second, email, TestData.Password))
        {
        }

        using (var reused = await Forms.SubmitAsync(second, SecondFactor.RecoveryPath, Code("RecoveryCode", codes[0])))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Contains("already been used", (await Forms.ParseHtmlAsync(reused)).QuerySelector("#RecoveryCode-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains(await AuditAsync(email), a => a.StartsWith(AuditActions.RecoveryCodeUsed, StringComparison.Ordinal));
        Assert.Equal(9, await portal.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
        }));
    }

    [Fact]
    public async Task WrongCodes_LockTheAccount_ThenEvenTheRightCodeIsRefused()
    {
        var (email, key) = await MemberWithAuthenticatorAsync();
        using var client = portal.CreateClientNoRedirect();
        using (await Forms.SignInAsync(client, email, TestData.Password))
        {
        }

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await Forms.SubmitAsync(client, SecondFactor.CodePath, Code("Code", attempt % 2 == 0 ? "000000" : "not-a-code"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await Forms.SubmitAsync(client, SecondFactor.CodePath, Code("Code", SecondFactor.CodeAt(key, Clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", (await Forms.ParseHtmlAsync(right)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await UserAsync(email, u => u.LockoutEnd));
        Assert.Equal(5, (await AuditAsync(email)).Count(a => a.StartsWith(AuditActions.SecondFactorFailed, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RecoveryCodes_AreReplacedAfterConfirmation_AndTwoFactorTurnsOffAfterConfirmation()
    {
        var (email, _) = await MemberWithAuthenticatorAsync();
        using var client = await portal.CreateSignedInClientAsync(email, TestData.Password);

        using (var confirm = await client.GetAsync("/me/security/recovery-codes"))
        {
            Assert.Contains("current recovery codes will stop working", (await Forms.ParseHtmlAsync(confirm)).Body!.TextContent, StringComparison.Ordinal);
        }

        using (var replaced = await Forms.SubmitAsync(client, "/me/security/recovery-codes"))
        {
            Assert.Equal(10, (await Forms.ParseHtmlAsync(replaced)).QuerySelectorAll("ul.recovery-codes code").Length);
        }

        using (var turnedOff = await Forms.SubmitAsync(client, "/me/security/authenticator/turn-off"))
        {
            Assert.Equal(HttpStatusCode.Redirect, turnedOff.StatusCode);
        }

        Assert.False(await UserAsync(email, u => u.TwoFactorEnabled));
        var audit = await AuditAsync(email);
        Assert.Contains(AuditActions.RecoveryCodesRegenerated, audit);
        Assert.Contains(audit, a => a.StartsWith(AuditActions.TwoFactorDisabled, StringComparison.Ordinal));

        // Without two-factor sign-in the password is enough again.
        using var later = portal.CreateClientNoRedirect();
        using var password = await Forms.SignInAsync(later, email, TestData.Password);
        Assert.False(SecondFactor.AsksForSecondStep(password));
    }

    [Fact]
    public async Task AdministratorWithoutASecondFactor_IsSentToSetOneUp_FromEveryAdministrationPage()
    {
        var email = Unique.Email("admin-no-2fa");
        await portal.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "New administrator", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Administrator);
        });
        using var client = await portal.CreateSignedInClientAsync(email, TestData.Password);

        var paths = AdministrationGetPaths();
        Assert.True(paths.Count >= 20, $"Only {paths.Count} administration pages found: {string.Join(", ", paths)}");
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path} answered {(int)response.StatusCode}, not a redirect.");
            Assert.StartsWith("/me/security?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var security = await client.GetAsync("/me/security?returnUrl=%2Fadmin"))
        {
            Assert.Contains("Administration needs a second factor", (await Forms.ParseHtmlAsync(security)).Body!.TextContent, StringComparison.Ordinal);
        }

        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = await TokenAsync(client, "/me/security") }))
        using (var post = await client.PostAsync("/admin/programmes/new", content))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/me/security?returnUrl=", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Once set up, the same session reaches the administration pages.
        using var page = await client.GetAsync("/me/security/authenticator");
        var key = (await Forms.ParseHtmlAsync(page)).QuerySelector("[data-authenticator-key]")!.TextContent;
        using (await Forms.SubmitAsync(client, "/me/security/authenticator", Code("Form.Code", SecondFactor.CodeAt(key, Clock.GetUtcNow()))))
        {
        }

        using var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Theory]
    [InlineData("/me/security/authenticator")]
    [InlineData("/me/security/recovery-codes")]
    [InlineData("/me/security/authenticator/turn-off")]
    [InlineData("/me/security/passkeys/options")]
    [InlineData("/me/security/passkeys")]
    [InlineData("/account/two-factor")]
    [InlineData("/account/two-factor/recovery")]
    [InlineData("/account/passkey/options")]
    [InlineData("/account/passkey")]
    public async Task Post_WithoutAntiforgeryToken_Is400(string path)
    {
        var (email, _) = await MemberWithAuthenticatorAsync();
        using var client = await portal.CreateSignedInClientAsync(email, TestData.Password);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "123456" });
        using var response = await client.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await UserAsync(email, u => u.TwoFactorEnabled));
    }

    [Fact]
    public async Task AnotherPersonsPasskey_CannotBeRenamedOrRemoved_Is404()
    {
        var owner = await portal.Data.MenteeAsync();
        var intruder = await portal.Data.MenteeAsync();
        var id = await PasskeyForAsync(owner.Email, "Owner's laptop");

        using var client = await portal.Data.SignInAsync(intruder);
        foreach (var path in new[] { $"/me/security/passkeys/{id}/rename", $"/me/security/passkeys/{id}/remove", "/me/security/passkeys/not-base64!/remove" })
        {
            using var get = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        var token = await TokenAsync(client, "/me/security");
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = token }))
        using (var remove = await client.PostAsync($"/me/security/passkeys/{id}/remove", content))
        {
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        }

        Assert.Equal(1, await PasskeyCountAsync(owner.Email));
    }

    [Fact]
    public async Task Passkeys_AreRenamedAndRemovedByTheirOwner_WithAudit()
    {
        var owner = await portal.Data.MenteeAsync();
        var id = await PasskeyForAsync(owner.Email, "Old name");
        using var client = await portal.Data.SignInAsync(owner);

        using (var security = await client.GetAsync("/me/security"))
        {
            Assert.Contains("Old name", (await Forms.ParseHtmlAsync(security)).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        }

        using (var blank = await Forms.SubmitAsync(client, $"/me/security/passkeys/{id}/rename", Code("Form.Name", " ")))
        {
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
            Assert.Contains("Give the passkey a name", (await Forms.ParseHtmlAsync(blank)).QuerySelector("#Form_Name-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var renamed = await Forms.SubmitAsync(client, $"/me/security/passkeys/{id}/rename", Code("Form.Name", "Work laptop")))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        using (var removed = await Forms.SubmitAsync(client, $"/me/security/passkeys/{id}/remove"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Equal(0, await PasskeyCountAsync(owner.Email));
        var audit = await AuditAsync(owner.Email);
        Assert.Contains(audit, a => a.StartsWith(AuditActions.PasskeyRenamed, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith(AuditActions.PasskeyRemoved, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddingAPasskey_WithoutTheBrowsersAnswer_SaysWhyAndAddsNothing()
    {
        var member = await portal.Data.MenteeAsync();
        using var client = await portal.Data.SignInAsync(member);
        using var response = await Forms.SubmitAsync(client, "/me/security", Code("NewPasskey.Name", "My phone"), formAction: "/me/security/passkeys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("needs JavaScript", (await Forms.ParseHtmlAsync(response)).QuerySelector("#NewPasskey_Name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await PasskeyCountAsync(member.Email));
    }

    [Fact]
    public async Task PasskeySignIn_IsOfferedOnTheSignInPage_AndWithoutAnAnswerExplainsWhatIsNeeded()
    {
        using var client = portal.CreateClientNoRedirect();
        using (var options = await Forms.SubmitAsync(client, "/account/login", formAction: "/account/passkey"))
        {
            Assert.Equal(HttpStatusCode.OK, options.StatusCode);
            Assert.Contains("needs JavaScript", (await Forms.ParseHtmlAsync(options)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }

        var token = await TokenAsync(client, "/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/passkey/options");
        request.Headers.Add("RequestVerificationToken", token);
        using var json = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("\"challenge\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Code(string field, string value) => new(StringComparer.Ordinal) { [field] = value };

    private async Task<(string Email, string Key)> MemberWithAuthenticatorAsync()
    {
        var member = await portal.Data.MenteeAsync();
        var key = await portal.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            return await SecondFactor.EnableAuthenticatorAsync(users, (await users.FindByEmailAsync(member.Email))!);
        });
        return (member.Email, key);
    }

    private Task<T> UserAsync<T>(string email, System.Linq.Expressions.Expression<Func<PortalUser, T>> select) =>
        portal.Data.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(select).SingleAsync());

    private Task<List<string>> AuditAsync(string email) => portal.Data.QueryAsync(db =>
        db.AuditEntries.Where(a => a.Subject == email).Select(a => a.Action + (a.After == null ? string.Empty : ": " + a.After)).ToListAsync());

    private Task<int> PasskeyCountAsync(string email) => portal.Data.QueryAsync(db =>
        db.UserPasskeys.CountAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email)));

    /// <summary>A stored passkey for the person (what the browser would have registered), returned as its id in the URL.</summary>
    private Task<string> PasskeyForAsync(string email, string name) => portal.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var credentialId = RandomNumberGenerator.GetBytes(32);
        var passkey = new UserPasskeyInfo(credentialId, RandomNumberGenerator.GetBytes(77), Clock.GetUtcNow(), 0, ["internal"],
            isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [1], clientDataJson: [2])
        {
            Name = name,
        };
        Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByEmailAsync(email))!, passkey)).Succeeded);
        return WebEncoders.Base64UrlEncode(credentialId);
    });

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        return (await Forms.ParseHtmlAsync(page)).QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
    }

    private List<string> AdministrationGetPaths() => portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Administrator))
        .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
        .Select(e => "/" + Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), "{[^}]+}",
            parameter => parameter.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "1", RegexOptions.None, TimeSpan.FromSeconds(1)))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();
}
