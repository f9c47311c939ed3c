using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Bad input on every form: a clear message beside the field, and nothing saved.</summary>
public sealed class FormValidationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Register_BadInput_MessagesBesideFieldsAndNoAccount()
    {
        var email = Unique.Email("bad");
        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = string.Empty,
            ["Email"] = email,
            ["Password"] = "too short",
            ["ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Enter your full name.", page.QuerySelector("#DisplayName-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", page.QuerySelector("#Password-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("do not match", page.QuerySelector("#ConfirmPassword-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("limits of confidentiality", page.QuerySelector("#AcceptsConfidentialityLimits-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Password")?.GetAttribute("aria-invalid"));
        Assert.Contains("Password-error", page.QuerySelector("#Password")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Password']"));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Register_ExistingEmail_SameAnswerAndOwnerEmailed()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Someone Else",
            ["Email"] = mentee.Email,
            ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password,
            ["AcceptsConfidentialityLimits"] = "true",
        });
        Assert.Contains("Check your email", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("already have", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("http://localhost/account/login", email.LinkContaining("/account/login"));
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == mentee.Email)));
    }

    [Fact]
    public async Task Contact_EmptyMessage_ErrorBesideFieldAndNoRequest()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await Forms.SubmitAsync(client, $"/mentors/{mentor.Id}", new Dictionary<string, string> { ["Message"] = "  " },
            formAction: $"/mentors/{mentor.Id}/contact");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Write a short message", page.QuerySelector("#Message-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ContactRequests.CountAsync(r => r.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task Contact_FourthPendingRequest_RefusedWithReason()
    {
        var mentee = await factory.Data.MenteeAsync();
        for (var i = 0; i < 3; i++)
        {
            await factory.Data.RequestAsync(mentee, await factory.Data.MentorAsync());
        }

        var fourth = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await Forms.SubmitAsync(client, $"/mentors/{fourth.Id}", new Dictionary<string, string>
        {
            ["Message"] = "I would like to ask one more mentor for help with my return.",
        }, formAction: $"/mentors/{fourth.Id}/contact");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3 requests waiting for an answer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await factory.Data.QueryAsync(db => db.ContactRequests.CountAsync(r => r.MenteeId == mentee.Id)));
    }

    [Theory]
    [InlineData("0", "from 1 to 10")]
    [InlineData("11", "from 1 to 10")]
    [InlineData("abc", "is not a valid answer")]
    public async Task Availability_BadCapacity_ErrorAndUnchanged(string capacity, string message)
    {
        var mentor = await factory.Data.MentorAsync(capacity: 2);
        using var client = await factory.Data.SignInAsync(mentor);
        using var response = await Forms.SubmitAsync(client, "/mentor/availability", new Dictionary<string, string> { ["Capacity"] = capacity });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        var error = page.QuerySelector("#Capacity-error")?.TextContent;
        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(2, await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Availability_PausedWithoutDate_ErrorAndUnchanged()
    {
        var mentor = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        using var response = await Forms.SubmitAsync(client, "/mentor/availability", new Dictionary<string, string>
        {
            ["Status"] = "Paused",
            ["PausedUntil"] = string.Empty,
        });

        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Enter the date you will be back", page.QuerySelector("#PausedUntil-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(Domain.Mentors.AvailabilityStatus.Accepting,
            await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task MentorProfile_NoMeetingMode_ErrorAndUnchanged()
    {
        var mentor = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/mentor/profile"));
        var values = Forms.CurrentValues((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action='/mentor/profile']")!)
            .Where(v => v.Key != "MeetingModes")
            .Select(v => v.Key == "Bio" ? new KeyValuePair<string, string>("Bio", "Changed biography") : v)
            .ToList();
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync("/mentor/profile", content);

        var result = await Forms.ParseHtmlAsync(response);
        Assert.Contains("at least one way", result.QuerySelector("#MeetingModes-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("Changed biography",
            await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.Bio).SingleAsync()));
    }

    [Fact]
    public async Task MenteeProfile_UnknownSpecialty_ErrorAndUnchanged()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await Forms.SubmitAsync(client, "/me/profile", new Dictionary<string, string> { ["Specialty"] = "Astrology" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose your specialty from the list", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual("Astrology",
            await factory.Data.QueryAsync(db => db.Mentees.Where(m => m.Id == mentee.Id).Select(m => m.Specialty).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_WrongPassword_MessageAndLockoutAfterFive()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = factory.CreateClientNoRedirect();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string>
            {
                ["Email"] = mentee.Email,
                ["Password"] = "not the password at all",
            });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var locked = await Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string>
        {
            ["Email"] = mentee.Email,
            ["Password"] = TestData.Password,
        });
        Assert.Contains("locked for 15 minutes", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
