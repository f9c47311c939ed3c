using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>An email that fails for good is parked with its reason, and an administrator of every programme can retry it (issue 10, item 10).</summary>
public sealed class ParkedEmailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Body = "Confidential body text that the parked list must never show.";

    [Fact]
    public async Task SubjectWithALineBreak_IsParkedAfterOneAttempt_NotRetriedForEver()
    {
        var id = await AddEmailAsync(Unique.Email("parked"), "About Dr Mallory\r\nBcc: everyone@example.org");

        var row = await Poll.UntilAsync(() => factory.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id)),
            m => m.ParkedAt is not null, TimeSpan.FromSeconds(30));

        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Contains("cannot be built", row.ParkedReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, 1, true)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, 1, true)]
    [InlineData(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.SyntaxError, 1, true)]
    [InlineData(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.AuthenticationRequired, 1, false)]
    [InlineData(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.AuthenticationRequired, OutboxSender.MaxAttempts, true)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, 1, false)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, 1, false)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing, 1, false)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing, OutboxSender.MaxAttempts, true)]
    public void PermanentFailure_5xxAboutTheMessageOrTooManyAttempts_TransientOtherwise(SmtpErrorCode error, SmtpStatusCode status, int attempts, bool permanent)
    {
        var reason = OutboxSender.PermanentFailure(new SmtpCommandException(error, status, "The server said so."), attempts);
        Assert.Equal(permanent, reason is not null);
    }

    [Fact]
    public void PermanentFailure_NoAnswerTlsOrSignIn_IsRetried_ABadAddressIsNot()
    {
        Exception[] transient =
        [
            new SocketException((int)SocketError.ConnectionRefused),
            new SmtpProtocolException("The server disconnected."),
            new TimeoutException("No answer."),
            new SslHandshakeException("The certificate is not trusted."),
            new AuthenticationException("535 Bad credentials."),
            new IOException("Connection reset."),
        ];
        foreach (var exception in transient)
        {
            Assert.Null(OutboxSender.PermanentFailure(exception, 1));
        }

        Assert.Contains("cannot be built", OutboxSender.PermanentFailure(new MimeKit.ParseException("Invalid addr-spec.", 0, 0), 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParkedList_ForAdministratorsOfEveryProgramme_ShowsRecipientSubjectReason_NeverTheBody()
    {
        var to = Unique.Email("parked-list");
        var id = await AddParkedEmailAsync(to, "Your mentoring request", "The mail server refused it (550 MailboxUnavailable): no such user");
        var administrator = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(administrator);

        using var response = await client.GetAsync("/admin/emails/parked");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(to, html, StringComparison.Ordinal);
        Assert.Contains("Your mentoring request", html, StringComparison.Ordinal);
        Assert.Contains("no such user", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential body text", html, StringComparison.Ordinal);
        Assert.Contains($"/admin/emails/parked/{id}/retry", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParkedList_AdministratorOfSomeProgrammes_404_Mentee_NotShown()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var limited = await factory.Data.AdministratorAsync(programme);
        using (var client = await factory.Data.SignInAsync(limited))
        using (var response = await client.GetAsync("/admin/emails/parked"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var mentee = await factory.Data.MenteeAsync();
        using (var client = await factory.Data.SignInAsync(mentee))
        using (var response = await client.GetAsync("/admin/emails/parked"))
        {
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Retry_SendsItAgainAndIsAudited_TokenlessPostIs400()
    {
        var to = Unique.Email("retried");
        var id = await AddParkedEmailAsync(to, "Your pairing has started", "Not sent after 12 attempts: Connection refused");
        var administrator = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(administrator);

        using (var tokenless = await client.PostAsync($"/admin/emails/parked/{id}/retry", new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        }

        Assert.NotNull(await factory.Data.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.ParkedAt).SingleAsync()));

        using (var retried = await Forms.SubmitAsync(client, "/admin/emails/parked", formAction: $"/admin/emails/parked/{id}/retry"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        }

        var email = await factory.Mailbox.WaitForAsync(to, TimeSpan.FromSeconds(20));
        Assert.Equal("Your pairing has started", email.Subject);
        Assert.True(await factory.Data.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.ParkedEmailRetried && a.Subject.Contains(to))));
        var notice = await client.GetStringAsync("/admin/emails/parked");
        Assert.DoesNotContain($"/admin/emails/parked/{id}/retry", notice, StringComparison.Ordinal);
    }

    private Task<long> AddEmailAsync(string to, string subject) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var message = new OutboxMessage(to, subject, Body, $"<p>{Body}</p>", DateTime.UtcNow);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    /// <summary>An email the outbox already gave up on (parked far in the future of its retries, so the dispatcher leaves it alone).</summary>
    private Task<long> AddParkedEmailAsync(string to, string subject, string reason) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        // Due only tomorrow, so the dispatcher cannot send it before it is parked.
        var message = new OutboxMessage(to, subject, Body, $"<p>{Body}</p>", DateTime.UtcNow.AddDays(1));
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.CreatedAt, now)
            .SetProperty(m => m.ParkedAt, now)
            .SetProperty(m => m.ParkedReason, reason)
            .SetProperty(m => m.Attempts, 3));
        return message.Id;
    });

}
