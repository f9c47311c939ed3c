using System.Net;
using MentoringPortal.Domain.Requests;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

public sealed class ClockedPortal() : PortalFactory(new PortalFactoryOptions { Clock = new TestClock() });

/// <summary>Declines and expiry: the trainee is told kindly and shown mentors accepting now.</summary>
public sealed class AnsweringRequestsTests(ClockedPortal factory) : IClassFixture<ClockedPortal>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Decline_WithReason_MenteeToldKindlyWithAlternatives()
    {
        var mentor = await factory.Data.MentorAsync();
        var alternative = await factory.Data.MentorAsync(capacity: 3, name: Unique.Name("Dr Alternative"));
        var mentee = await factory.Data.MenteeAsync();
        var requestId = await factory.Data.RequestAsync(mentee, mentor);
        using var client = await factory.Data.SignInAsync(mentor);

        using (var response = await Forms.SubmitAsync(client, $"/mentor/requests/{requestId}/decline", new Dictionary<string, string>
        {
            ["Reason"] = nameof(DeclineReason.NoPlaceNow),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.StartsWith("About your request", StringComparison.Ordinal), MailWait);
        Assert.Contains("no place free at the moment", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("says nothing about you", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(alternative.Name, email.TextBody, StringComparison.Ordinal);
        Assert.Equal("http://localhost/mentors?accepting=true", email.LinkContaining("/mentors"));
        var status = await factory.Data.QueryAsync(db => db.ContactRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());
        Assert.Equal(ContactRequestStatus.Declined, status);

        using var menteeClient = await factory.Data.SignInAsync(mentee);
        Assert.Contains("See mentors accepting now", await menteeClient.GetStringAsync("/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_WithoutReason_ErrorBesideFieldAndNothingChanges()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        var requestId = await factory.Data.RequestAsync(mentee, mentor);
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await Forms.SubmitAsync(client, $"/mentor/requests/{requestId}/decline", new Dictionary<string, string>
        {
            ["Reason"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Equal("Error: Choose a reason.", page.QuerySelector("#Reason-error")?.TextContent);

        using var other = await Forms.SubmitAsync(client, $"/mentor/requests/{requestId}/decline", new Dictionary<string, string>
        {
            ["Reason"] = nameof(DeclineReason.Other),
        });
        var otherPage = await Forms.ParseHtmlAsync(other);
        Assert.NotNull(otherPage.QuerySelector("#Note-error"));
        Assert.Equal("true", otherPage.QuerySelector("#Note")?.GetAttribute("aria-invalid"));

        var status = await factory.Data.QueryAsync(db => db.ContactRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());
        Assert.Equal(ContactRequestStatus.Pending, status);
    }

    [Fact]
    public async Task Expiry_AfterFourteenDays_RequestExpiresAndMenteeShownAcceptingMentors()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        var requestId = await factory.Data.RequestAsync(mentee, mentor);

        factory.Clock!.Advance(TimeSpan.FromDays(13));
        await factory.InScopeAsync(s => s.GetRequiredService<RequestExpiry>().ExpireDueAsync(CancellationToken.None));
        Assert.Equal(ContactRequestStatus.Pending, await StatusAsync(requestId));

        factory.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));
        var expired = await factory.InScopeAsync(s => s.GetRequiredService<RequestExpiry>().ExpireDueAsync(CancellationToken.None));
        Assert.True(expired >= 1);
        var again = await factory.InScopeAsync(s => s.GetRequiredService<RequestExpiry>().ExpireDueAsync(CancellationToken.None));
        Assert.Equal(0, again);

        Assert.Equal(ContactRequestStatus.Expired, await StatusAsync(requestId));
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("was not answered", StringComparison.Ordinal), MailWait);
        Assert.Contains("accepting mentees now", email.TextBody, StringComparison.Ordinal);
        Assert.Single(factory.Mailbox.MessagesTo(mentee.Email), m => m.Subject.Contains("was not answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pause_EndsOnItsDate_MentorAcceptingAgain()
    {
        var mentor = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        var backOn = DateOnly.FromDateTime(factory.Clock!.GetUtcNow().UtcDateTime).AddDays(10);
        using (var paused = await Forms.SubmitAsync(client, "/mentor/availability", new Dictionary<string, string>
        {
            ["Status"] = "Paused",
            ["PausedUntil"] = backOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        }

        Assert.Contains("Paused until", await client.GetStringAsync($"/mentors/{mentor.Id}"), StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromDays(10));
        await factory.InScopeAsync(s => s.GetRequiredService<PauseEnding>().ResumeDueAsync(CancellationToken.None));
        var status = await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.Status).SingleAsync());
        Assert.Equal(Domain.Mentors.AvailabilityStatus.Accepting, status);
        Assert.Contains("Accepting mentees", await client.GetStringAsync($"/mentors/{mentor.Id}"), StringComparison.Ordinal);
    }

    private Task<ContactRequestStatus> StatusAsync(int requestId) =>
        factory.Data.QueryAsync(db => db.ContactRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());
}
