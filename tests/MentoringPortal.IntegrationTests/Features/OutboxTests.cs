using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>No email is lost: saved with the change, retried while the server is down, sent once.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private SmtpServer _smtp = null!;
    private PortalFactory _factory = null!;
    private readonly TestClock _clock = new();

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartNewAsync();
        _factory = await PortalFactory.CreateAsync(new PortalFactoryOptions { Smtp = _smtp, Clock = _clock });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task SmtpDown_RequestIsSavedAndEmailArrivesWhenServerIsBack()
    {
        var mentor = await _factory.Data.MentorAsync();
        var mentee = await _factory.Data.MenteeAsync();
        await _smtp.StopAsync();

        using var client = await _factory.Data.SignInAsync(mentee);
        using (var response = await Forms.SubmitAsync(client, $"/mentors/{mentor.Id}", new Dictionary<string, string>
        {
            ["Message"] = "Sent while the mail server is down; it must still reach the mentor.",
        }, formAction: $"/mentors/{mentor.Id}/contact"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await _factory.Data.QueryAsync(db => db.ContactRequests.CountAsync(r => r.MenteeId == mentee.Id)));

        // The dispatcher (every second) tries, fails and records the error with a later retry time.
        var failed = await Poll.UntilAsync(() => _factory.Data.QueryAsync(db => db.OutboxMessages
            .Where(m => m.To == mentor.Email).Select(m => new { m.Attempts, m.SentAt, m.LastError }).SingleAsync()), m => m.Attempts >= 1);
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);

        await _smtp.StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var email = await _smtp.Mailbox.WaitForAsync(mentor.Email, TimeSpan.FromSeconds(20));
        Assert.Contains("would like you to be their mentor", email.Subject, StringComparison.Ordinal);
        var sent = await Poll.UntilAsync(() => _factory.Data.QueryAsync(db => db.OutboxMessages
            .Where(m => m.To == mentor.Email).Select(m => m.SentAt).SingleAsync()), s => s is not null);
        Assert.NotNull(sent);
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_SendEachEmailExactlyOnce()
    {
        var recipients = Enumerable.Range(0, 12).Select(_ => Unique.Email("once")).ToList();
        await _factory.InScopeAsync(async services =>
        {
            var emails = services.GetRequiredService<PortalEmails>();
            foreach (var to in recipients)
            {
                emails.ResetPassword(new Recipient(to, "Someone"), "http://localhost/account/reset-password?code=x");
            }

            await services.GetRequiredService<Web.Data.PortalDbContext>().SaveChangesAsync();
        });

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _factory.InScopeAsync(s =>
            s.GetRequiredService<OutboxSender>().DispatchDueAsync(CancellationToken.None))));

        // A row is sent only between its claim and being marked sent, and the server has the message before it answers;
        // so once every row is marked sent, nothing more can arrive, and each must have arrived exactly once.
        var rows = await Poll.UntilAsync(
            () => _factory.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => recipients.Contains(m.To)).ToListAsync()),
            rows => rows.Count == recipients.Count && rows.All(m => m.SentAt is not null));
        Assert.All(rows, row => Assert.Equal(1, row.Attempts));
        foreach (var to in recipients)
        {
            Assert.Single(_smtp.Mailbox.MessagesTo(to));
        }
    }

    [Fact]
    public async Task DatabaseGoneBetweenSentAndMarkedSent_TheMarkIsRetried_AndTheEmailIsNotSentTwice()
    {
        var databaseGoesAway = new FailFirstMarkSent();
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            Smtp = _smtp,
            Clock = _clock,
            ConfigureServices = services => services.AddSingleton<IInterceptor>(databaseGoesAway),
        });
        var to = Unique.Email("marked");
        await factory.InScopeAsync(async services =>
        {
            services.GetRequiredService<PortalEmails>().ResetPassword(new Recipient(to, "Someone"), "http://localhost/account/reset-password?code=x");
            await services.GetRequiredService<Web.Data.PortalDbContext>().SaveChangesAsync();
        });

        await _smtp.Mailbox.WaitForAsync(to, TimeSpan.FromSeconds(20));
        var row = await Poll.UntilAsync(
            () => factory.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to)), m => m.SentAt is not null);
        Assert.NotNull(row.SentAt);
        Assert.True(databaseGoesAway.Failed);

        // Long after any claim would have lapsed, the dispatcher finds nothing to send again.
        _clock.Advance(TimeSpan.FromMinutes(10));
        await factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().DispatchDueAsync(CancellationToken.None));
        Assert.Single(_smtp.Mailbox.MessagesTo(to));
    }

    /// <summary>The database is gone for the first "mark as sent" after a send, as when it restarts at that moment.</summary>
    private sealed class FailFirstMarkSent : DbCommandInterceptor
    {
        private int _failures;

        public bool Failed => Volatile.Read(ref _failures) > 0;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("UPDATE", StringComparison.Ordinal) && command.CommandText.Contains("\"SentAt\" = @", StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref _failures, 1, 0) == 0)
            {
                throw new InvalidOperationException("The database went away (a test).");
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public void RetryDelay_GrowsAndIsCappedAtOneHour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxSender.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxSender.RetryDelay(2));
        Assert.Equal(TimeSpan.FromHours(1), OutboxSender.RetryDelay(20));
    }

}
