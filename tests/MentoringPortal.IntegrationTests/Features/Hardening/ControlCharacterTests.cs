using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>One-line fields refuse control characters, everywhere, beside the field (issue 10, item 10).</summary>
public sealed class ControlCharacterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Dr Mallory\r\nBcc: everyone@example.org")]
    [InlineData("Dr Mallory\n")]
    [InlineData("Dr\tMallory")]
    [InlineData("Dr Mallory\u001b[31m")]
    public async Task Register_DisplayNameWithControlCharacters_ErrorBesideTheFieldAndNoAccount(string displayName)
    {
        var email = Unique.Email("crlf");
        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = displayName,
            ["Email"] = email,
            ["Password"] = "a long and unusual passphrase 42",
            ["ConfirmPassword"] = "a long and unusual passphrase 42",
            ["AcceptsConfidentialityLimits"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.ParseHtmlAsync(response);
        Assert.Contains("single line", html.QuerySelector("#DisplayName-error")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.False(await factory.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Register_NulInTheForm_Is400AndNoAccount()
    {
        var email = Unique.Email("nul");
        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Dr Mallory\0",
            ["Email"] = email,
            ["Password"] = "a long and unusual passphrase 42",
            ["ConfirmPassword"] = "a long and unusual passphrase 42",
            ["AcceptsConfidentialityLimits"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.Data.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData("DisplayName", "Dr Mentor\r\nX-Injected: yes")]
    [InlineData("Organisation", "St Elsewhere\nHospital")]
    [InlineData("Bio", "A bio with a bell \u0007 in it.")]
    public async Task MentorProfile_ControlCharacters_ErrorBesideTheFieldAndUnchanged(string field, string value)
    {
        var mentor = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        var before = await factory.Data.QueryAsync(db => db.Mentors.AsNoTracking().SingleAsync(m => m.Id == mentor.Id));

        using var response = await Forms.SubmitAsync(client, "/mentor/profile", new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.ParseHtmlAsync(response);
        Assert.NotNull(html.QuerySelector($"#{field}-error"));
        Assert.NotNull(html.QuerySelector(".error-summary, [role=alert]"));
        var after = await factory.Data.QueryAsync(db => db.Mentors.AsNoTracking().SingleAsync(m => m.Id == mentor.Id));
        Assert.Equal(before.DisplayName, after.DisplayName);
        Assert.Equal(before.Organisation, after.Organisation);
        Assert.Equal(before.Bio, after.Bio);
    }

    [Fact]
    public async Task MentorProfile_MultilineBio_KeepsItsLineBreaks()
    {
        var mentor = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        const string bio = "First paragraph about my work.\r\n\r\nSecond paragraph about mentoring.";

        using var response = await Forms.SubmitAsync(client, "/mentor/profile", new Dictionary<string, string> { ["Bio"] = bio });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.Bio).SingleAsync());
        Assert.Contains("\n\n", stored.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
