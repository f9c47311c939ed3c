using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Sends due outbox rows. A row is claimed by a conditional update before it is sent, so two
/// app instances never send the same row; it is marked sent only after the server accepted it,
/// and retried with growing delays (capped at an hour) until it is.
/// </summary>
public sealed class OutboxSender(PortalDbContext db, IMailTransport transport, TimeProvider time, IOptions<EmailOptions> options,
    ILogger<OutboxSender> logger)
{
    private const int BatchSize = 25;
    private static readonly TimeSpan ClaimLength = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private static readonly string Instance = $"{Environment.ProcessId}/{Guid.NewGuid():N}";

    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueIds = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in dueIds)
        {
            if (await TrySendAsync(id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, Instance).SetProperty(m => m.ClaimedUntil, now + ClaimLength), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            using var mail = ToMailMessage(message);
            await transport.SendAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong (server down, refused, malformed address), the row keeps its error
            // and is tried again later; it is never dropped.
            var attempts = message.Attempts + 1;
            var error = ex.GetBaseException().Message;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error)
                .SetProperty(m => m.NextAttemptAt, now + RetryDelay(attempts))
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            logger.LogWarning("Email {OutboxId} not sent (attempt {Attempts}): {Error}; next try in {Delay}.", id, attempts, error, RetryDelay(attempts));
            return false;
        }

        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        logger.LogInformation("Email {OutboxId} sent.", id);
        return true;
    }

    private MailMessage ToMailMessage(OutboxMessage message)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.Value.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = message.TextBody,
            IsBodyHtml = false,
        };
        mail.To.Add(message.To);
        mail.Headers.Add("X-Portal-Outbox-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        if (message.AttachmentName is not null && message.AttachmentContent is not null)
        {
            mail.Attachments.Add(Attachment.CreateAttachmentFromString(message.AttachmentContent, message.AttachmentName, Encoding.UTF8,
                message.AttachmentContentType ?? MediaTypeNames.Text.Plain));
        }

        return mail;
    }
}

/// <summary>Runs <see cref="OutboxSender"/> every few seconds.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The email dispatcher failed; it will try again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
