using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Journey 1 over real HTTP, PostgreSQL and SMTP: register, confirm, contact a mentor, get accepted.</summary>
public sealed class TraineeJourneyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Register_ConfirmFromEmail_ContactMentor_MentorAccepts_BothEmailedWithLinks()
    {
        var mentor = await factory.Data.MentorAsync(capacity: 2);
        var otherMentor = await factory.Data.MentorAsync(capacity: 2);
        var email = Unique.Email("journey");
        using var trainee = factory.CreateClientNoRedirect();

        using (var registered = await Forms.SubmitAsync(trainee, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Dr Journey Trainee",
            ["Email"] = email,
            ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password,
            ["AcceptsConfidentialityLimits"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
            Assert.Contains("Check your email", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Not confirmed yet: signing in is refused with a clear message.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Forms.SignInAsync(trainee, email, TestData.Password));

        var confirmation = await factory.Mailbox.WaitForAsync(email, MailWait);
        Assert.Contains("Confirm your email", confirmation.Subject, StringComparison.Ordinal);
        var confirmLink = new Uri(confirmation.LinkContaining("/account/confirm-email"));
        Assert.Equal("http://localhost/account/confirm-email", confirmLink.GetLeftPart(UriPartial.Path));
        using (var confirmed = await trainee.GetAsync(confirmLink.PathAndQuery))
        {
            Assert.Contains("Email address confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (await Forms.SignInAsync(trainee, email, TestData.Password))
        {
        }

        var programmeId = (await factory.Data.SharedProgrammeAsync()).Id;
        using (var profile = await Forms.SubmitAsync(trainee, "/me/profile",
        [
            new("DisplayName", "Dr Journey Trainee"),
            new("Specialty", "Paediatrics"),
            new("Grade", "Core trainee"),
            new("Region", "London"),
            new("Background", "Returned after parental leave"),
            new("ProgrammeIds", programmeId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ShortTermGoal", "Feel safe on call again."),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        }

        using (var contact = await Forms.SubmitAsync(trainee, $"/mentors/{mentor.Id}", new Dictionary<string, string>
        {
            ["Message"] = "I am coming back after parental leave and would love your help with the first months.",
        }, formAction: $"/mentors/{mentor.Id}/contact"))
        {
            Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
            Assert.Equal("/me", contact.Headers.Location?.OriginalString);
        }

        using (var contactOther = await Forms.SubmitAsync(trainee, $"/mentors/{otherMentor.Id}", new Dictionary<string, string>
        {
            ["Message"] = "I am coming back after parental leave and would love your help with the first months.",
        }, formAction: $"/mentors/{otherMentor.Id}/contact"))
        {
            Assert.Equal(HttpStatusCode.Redirect, contactOther.StatusCode);
        }

        var me = await trainee.GetStringAsync("/me");
        Assert.Contains("Waiting for an answer", me, StringComparison.Ordinal);
        Assert.DoesNotContain("You do not have a mentor yet", me, StringComparison.Ordinal);
        Assert.Contains("You have asked 2 mentors", me, StringComparison.Ordinal);

        var sent = await factory.Mailbox.WaitForAsync(m => m.IsTo(email) && m.Subject.StartsWith("Your request to", StringComparison.Ordinal), MailWait);
        Assert.Contains("has until", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal("http://localhost/me", sent.LinkContaining("/me"));

        var newRequest = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.Contains("would like you to be their mentor", StringComparison.Ordinal), MailWait);
        Assert.Equal("http://localhost/mentor/requests", newRequest.LinkContaining("/mentor/requests"));
        Assert.DoesNotContain("parental leave and would love", newRequest.TextBody ?? string.Empty, StringComparison.Ordinal);

        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var requestId = await factory.Data.QueryAsync(db => db.ContactRequests
            .Where(r => r.MentorId == mentor.Id && r.Status == ContactRequestStatus.Pending).Select(r => r.Id).SingleAsync());
        using (var accepted = await Forms.SubmitAsync(mentorClient, "/mentor/requests", formAction: $"/mentor/requests/{requestId}/accept"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var toMentee = await factory.Mailbox.WaitForAsync(m => m.IsTo(email) && m.Subject.Contains("has agreed to be your mentor", StringComparison.Ordinal), MailWait);
        Assert.Equal("http://localhost/me", toMentee.LinkContaining("/me"));
        Assert.Contains("face to face", toMentee.TextBody, StringComparison.Ordinal);
        var toMentor = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.StartsWith("You are now mentoring", StringComparison.Ordinal), MailWait);
        Assert.Equal("http://localhost/me", toMentor.LinkContaining("/me"));
        var toOther = await factory.Mailbox.WaitForAsync(m => m.IsTo(otherMentor.Email) && m.Subject.Contains("withdrawn", StringComparison.Ordinal), MailWait);
        Assert.Contains("another mentor accepted first", toOther.TextBody, StringComparison.Ordinal);

        var state = await factory.Data.QueryAsync(async db => new
        {
            Active = await db.Pairings.CountAsync(m => m.MentorId == mentor.Id && m.Status == PairingStatus.Active),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            OtherStatus = await db.ContactRequests.Where(r => r.MentorId == otherMentor.Id).Select(r => r.Status).SingleAsync(),
        });
        Assert.Equal(1, state.Active);
        Assert.Equal(1, state.Used);
        Assert.Equal(ContactRequestStatus.Withdrawn, state.OtherStatus);

        var home = await trainee.GetStringAsync("/me");
        Assert.Contains(mentor.Name, home, StringComparison.Ordinal);
        Assert.Contains("arrange your first face-to-face meeting", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_SubmittedTwiceAtOnce_CreatesOneRequest()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync($"/mentors/{mentor.Id}"));
        var form = page.QuerySelector($"form[action^='/mentors/{mentor.Id}/contact']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> PostAsync()
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Message"] = "A double-clicked request to the same mentor, sent twice at once.",
                ["ProgrammeId"] = ((await factory.Data.SharedProgrammeAsync()).Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return await client.PostAsync($"/mentors/{mentor.Id}/contact", content);
        }

        var responses = await Task.WhenAll(PostAsync(), PostAsync(), PostAsync());
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        var count = await factory.Data.QueryAsync(db => db.ContactRequests.CountAsync(r => r.MenteeId == mentee.Id && r.MentorId == mentor.Id));
        Assert.Equal(1, count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
