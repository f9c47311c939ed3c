using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Ending a pairing, asking the scheme for a change in confidence, and cadence reminders.</summary>
public sealed class PairingChangesTests(ClockedPortal factory) : IClassFixture<ClockedPortal>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task End_ByMentee_FreesCapacityAtOnceAndBothAreTold()
    {
        var (mentor, mentee, pairingId) = await PairedAsync(capacity: 1);
        using var client = await factory.Data.SignInAsync(mentee);
        using (var ended = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/end", new Dictionary<string, string>
        {
            ["Reason"] = nameof(EndReason.GoalsMet),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        var mentorRow = await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id)
            .Select(m => new { m.ActiveMenteeCount, m.Capacity }).SingleAsync());
        Assert.Equal(0, mentorRow.ActiveMenteeCount);
        Assert.Equal(PairingStatus.Ended, await StatusAsync(pairingId));
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.Contains("has ended", StringComparison.Ordinal), MailWait);
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("has ended", StringComparison.Ordinal), MailWait);

        using var again = await client.GetAsync($"/pairings/{pairingId}/end");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task End_OtherReasonWithoutNote_ErrorAndStillActive()
    {
        var (_, mentee, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/end", new Dictionary<string, string>
        {
            ["Reason"] = nameof(EndReason.Other),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Forms.ParseHtmlAsync(response)).QuerySelector("#Note-error"));
        Assert.Equal(PairingStatus.Active, await StatusAsync(pairingId));
    }

    [Fact]
    public async Task Outsider_GetsNotFound_OnEndAndChange()
    {
        var (_, _, pairingId) = await PairedAsync();
        var outsider = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(outsider);
        foreach (var path in new[] { $"/pairings/{pairingId}/end", $"/pairings/{pairingId}/change" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task ChangeRequest_StoredInConfidence_AdministratorsEmailedWithoutTheReason()
    {
        const string reason = "Our conversations leave me feeling judged about my time off.";
        var (mentor, mentee, pairingId) = await PairedAsync();
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using (var sent = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/change", new Dictionary<string, string> { ["Reason"] = reason }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var stored = await factory.Data.QueryAsync(db => db.ChangeRequests.SingleAsync(c => c.PairingId == pairingId));
        Assert.Equal(reason, stored.Reason);
        Assert.True(stored.RequestedByMentee);

        var toAdmin = await factory.Mailbox.WaitForAsync(m => m.IsTo(admin.Email) && m.Subject.Contains("change request", StringComparison.Ordinal), MailWait);
        Assert.DoesNotContain("judged", toAdmin.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("judged", toAdmin.HtmlBody, StringComparison.Ordinal);
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains("received your request", StringComparison.Ordinal), MailWait);
        await factory.Data.AssertNoEmailAsync(m => m.IsTo(mentor.Email));

        var requesterHome = await client.GetStringAsync("/me");
        Assert.Contains("You asked the scheme for a change", requesterHome, StringComparison.Ordinal);
        Assert.DoesNotContain("judged", requesterHome, StringComparison.Ordinal);

        using var mentorClient = await factory.Data.SignInAsync(mentor);
        foreach (var path in new[] { "/me", $"/pairings/{pairingId}/change" })
        {
            var html = await mentorClient.GetStringAsync(path);
            Assert.DoesNotContain("judged", html, StringComparison.Ordinal);
            Assert.DoesNotContain("asked the scheme for a change on", html, StringComparison.Ordinal);
        }

        Assert.Contains("You asked for a change on", await client.GetStringAsync($"/pairings/{pairingId}/change"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRequest_EmptyReason_ErrorAndNothingStored()
    {
        var (_, mentee, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/change", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.NotNull((await Forms.ParseHtmlAsync(response)).QuerySelector("#Reason-error"));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ChangeRequests.CountAsync(c => c.PairingId == pairingId)));
    }

    [Fact]
    public async Task CadenceReminder_SentOnceAcrossRunsAndInstances()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        factory.Clock!.Advance(TimeSpan.FromDays(7 * 8 + 1));

        // Two instances at once, then a later run: one reminder to each member in all.
        await Task.WhenAll(RunRemindersAsync(), RunRemindersAsync());
        await RunRemindersAsync();

        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.StartsWith("Time to plan", StringComparison.Ordinal), MailWait);
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.StartsWith("Time to plan", StringComparison.Ordinal), MailWait);
        // Once at the source: one outbox row each, however many runs; the outbox sends each row once.
        var reminders = await factory.Data.QueryAsync(db => db.OutboxMessages
            .Where(m => (m.To == mentee.Email || m.To == mentor.Email) && m.Subject.StartsWith("Time to plan"))
            .Select(m => m.To).ToListAsync());
        Assert.Equal(new[] { mentee.Email, mentor.Email }.Order(StringComparer.Ordinal), reminders.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Single(factory.Mailbox.MessagesTo(mentee.Email), m => m.Subject.StartsWith("Time to plan", StringComparison.Ordinal));
        Assert.Single(factory.Mailbox.MessagesTo(mentor.Email), m => m.Subject.StartsWith("Time to plan", StringComparison.Ordinal));
        Assert.NotNull(await factory.Data.QueryAsync(db => db.Pairings.Where(m => m.Id == pairingId).Select(m => m.CadenceReminderSentAt).SingleAsync()));

        using var client = await factory.Data.SignInAsync(mentee);
        Assert.Contains("No meeting has been held in the last 8 weeks", await client.GetStringAsync("/me"), StringComparison.Ordinal);
    }

    private Task<int> RunRemindersAsync() =>
        factory.InScopeAsync(s => s.GetRequiredService<CadenceReminders>().SendDueAsync(CancellationToken.None));

    private async Task<(Person Mentor, Person Mentee, int PairingId)> PairedAsync(int capacity = 2)
    {
        var mentor = await factory.Data.MentorAsync(capacity: capacity);
        var mentee = await factory.Data.MenteeAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var id = await factory.Data.QueryAsync(db => db.Pairings
            .Where(m => m.MenteeId == mentee.Id && m.Status == PairingStatus.Active).Select(m => m.Id).SingleAsync());
        return (mentor, mentee, id);
    }

    private Task<PairingStatus> StatusAsync(int pairingId) =>
        factory.Data.QueryAsync(db => db.Pairings.Where(m => m.Id == pairingId).Select(m => m.Status).SingleAsync());
}
