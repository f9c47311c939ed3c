using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features.Notifications;

public sealed class DigestPortal() : PortalFactory(new PortalFactoryOptions { Clock = new TestClock(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero)) });

/// <summary>
/// The daily digest on PostgreSQL and SMTP: one email per person per UK day from 07:00 UK time, whatever the number of
/// runs or instances; the next day a new one; nothing waiting, no email.
/// </summary>
public sealed class DailyDigestTests(DigestPortal factory) : IClassFixture<DigestPortal>
{
    private static readonly DateTimeOffset Monday0630 = new(2026, 12, 7, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoRunsAndTwoInstances_SameDay_SendOneEmail_GroupedByKind_ThenANewOneTheNextDay()
    {
        var person = await PersonWithDigestAsync();
        await WaitingAsync(person, "Time to arrange your next mentoring meeting", Domain.Notifications.EmailKind.Meetings, "/pairings/1");
        await WaitingAsync(person, "A message from Ana is waiting for you", Domain.Notifications.EmailKind.Messages, "/pairings/1#messages");
        await using var second = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            ConnectionString = factory.ConnectionString,
            Clock = factory.Clock,
        });

        factory.Clock!.Set(Monday0630);
        await RunAsync(factory);
        Assert.Equal(0, await DigestsAsync(person));

        factory.Clock.Set(Monday0630.AddHours(1));
        await Task.WhenAll(RunAsync(factory), RunAsync(second), RunAsync(factory), RunAsync(second));
        await RunAsync(factory);

        Assert.Equal(1, await DigestsAsync(person));
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(person.Email) && m.Subject == "Your mentoring digest for 7 December 2026");
        var text = email.TextBody!;
        Assert.True(text.IndexOf("Messages and agreements", StringComparison.Ordinal) < text.IndexOf("Meeting reminders", StringComparison.Ordinal));
        Assert.Contains("- A message from Ana is waiting for you: http", text, StringComparison.Ordinal);
        Assert.EndsWith("/pairings/1#messages", email.LinkContaining("#messages"), StringComparison.Ordinal);
        Assert.Contains("<h2>Meeting reminders</h2>", email.HtmlBody, StringComparison.Ordinal);

        // Something new the same day waits for tomorrow's digest.
        await WaitingAsync(person, "A message from Ana is waiting for you", Domain.Notifications.EmailKind.Messages, "/pairings/1#messages");
        await RunAsync(second);
        Assert.Equal(1, await DigestsAsync(person));

        factory.Clock.Set(Monday0630.AddDays(1).AddHours(1));
        await RunAsync(second);
        await RunAsync(factory);
        Assert.Equal(2, await DigestsAsync(person));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.DigestItems.CountAsync(i => i.DigestDay == null && i.UserId == person.UserId)));
    }

    [Fact]
    public async Task NothingWaiting_NoEmail()
    {
        var person = await PersonWithDigestAsync();
        factory.Clock!.Set(Monday0630.AddDays(3).AddHours(2));

        await RunAsync(factory);

        Assert.Equal(0, await DigestsAsync(person));
        Assert.False(await factory.Data.QueryAsync(db => db.SentDigests.AnyAsync(d => d.UserId == person.UserId)));
    }

    private sealed record DigestPerson(string Email, string UserId);

    private async Task<DigestPerson> PersonWithDigestAsync()
    {
        var mentee = await factory.Data.MenteeAsync();
        return new DigestPerson(mentee.Email, await factory.Data.UserIdAsync(mentee.Email));
    }

    private Task WaitingAsync(DigestPerson person, string summary, Domain.Notifications.EmailKind kind, string link) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            db.DigestItems.Add(new DigestItem(person.UserId, kind, summary, link, factory.Clock!.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });

    private static Task<int> RunAsync(PortalFactory portal) =>
        portal.InScopeAsync(services => services.GetRequiredService<DailyDigests>().SendDueAsync(CancellationToken.None));

    private Task<int> DigestsAsync(DigestPerson person) =>
        factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == person.Email && m.Subject.StartsWith("Your mentoring digest")));
}
