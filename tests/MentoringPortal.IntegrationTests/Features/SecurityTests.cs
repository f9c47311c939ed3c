using System.Net;
using MentoringPortal.Domain.Requests;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Antiforgery, ownership, roles and headers, over the real pipeline.</summary>
public sealed class SecurityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/account/register", false)]
    [InlineData("/account/login", false)]
    [InlineData("/account/forgot-password", false)]
    [InlineData("/mentors/1/contact", false)]
    [InlineData("/me/profile", false)]
    [InlineData("/mentor/requests/1/accept", true)]
    [InlineData("/mentor/availability", true)]
    public async Task Post_WithoutAntiforgeryToken_Is400(string path, bool asMentor)
    {
        var person = asMentor ? await factory.Data.MentorAsync() : await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(person);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Capacity"] = "5", ["Email"] = "x@example.org" });
        using var response = await client.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithTamperedToken_Is400AndNothingChanges()
    {
        var mentor = await factory.Data.MentorAsync(capacity: 2);
        using var client = await factory.Data.SignInAsync(mentor);
        using var response = await Forms.SubmitAsync(client, "/mentor/availability", new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = "CfDJ8tampered",
            ["Capacity"] = "7",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task AnotherMentorsRequest_AcceptOrDecline_Is404AndUnchanged()
    {
        var mentor = await factory.Data.MentorAsync();
        var intruder = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        var requestId = await factory.Data.RequestAsync(mentee, mentor);
        using var client = await factory.Data.SignInAsync(intruder);

        using (var decline = await client.GetAsync($"/mentor/requests/{requestId}/decline"))
        {
            Assert.Equal(HttpStatusCode.NotFound, decline.StatusCode);
        }

        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = await TokenFromAsync(client, "/mentor/requests") }))
        using (var accept = await client.PostAsync($"/mentor/requests/{requestId}/accept", content))
        {
            Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        }

        Assert.Equal(ContactRequestStatus.Pending,
            await factory.Data.QueryAsync(db => db.ContactRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnotherMenteesRequest_Cancel_Is404()
    {
        var mentor = await factory.Data.MentorAsync();
        var owner = await factory.Data.MenteeAsync();
        var other = await factory.Data.MenteeAsync();
        var requestId = await factory.Data.RequestAsync(owner, mentor);
        using var client = await factory.Data.SignInAsync(other);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = await TokenFromAsync(client, "/me") });
        using var response = await client.PostAsync($"/me/requests/{requestId}/cancel", content);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/mentor/requests")]
    [InlineData("/mentor/availability")]
    [InlineData("/mentor/profile")]
    public async Task MentorPages_AsMentee_AreForbidden(string path)
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/me")]
    [InlineData("/mentor/requests")]
    public async Task PrivatePages_Anonymous_RedirectToSignIn(string path)
    {
        using var client = factory.CreateClientNoRedirect();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_HasSecurityHeaders_AndCspWithoutInlineScript()
    {
        using var client = factory.CreateClientNoRedirect();
        using var response = await client.GetAsync("/mentors");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndSameSite()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string>
        {
            ["Email"] = mentee.Email,
            ["Password"] = TestData.Password,
        });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownMentor_Is404()
    {
        using var client = factory.CreateClientNoRedirect();
        using var response = await client.GetAsync("/mentors/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> TokenFromAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        var document = await Forms.ParseHtmlAsync(page);
        return document.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
    }
}

public sealed class RateLimitedPortal() : PortalFactory(new PortalFactoryOptions { Settings = { ["RateLimits:PermitsPerMinute"] = "3" } });

public sealed class RateLimitTests(RateLimitedPortal factory) : IClassFixture<RateLimitedPortal>
{
    [Fact]
    public async Task SignIn_TooManyAttempts_Is429()
    {
        using var client = factory.CreateClientNoRedirect();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string>
            {
                ["Email"] = "nobody@mentoring.test",
                ["Password"] = "wrong password here",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
