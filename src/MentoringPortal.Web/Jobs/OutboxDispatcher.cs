using MailKit.Net.Smtp;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Jobs;

/// <summary>
/// Sends due outbox rows. A row is claimed by a conditional update before it is sent, so two
/// app instances never send the same row; it is marked sent only after the server accepted it,
/// and retried with growing delays (capped at an hour) until it is, or until the failure is
/// permanent (<see cref="PermanentFailure"/>): then it is parked with its reason for an administrator.
/// </summary>
public sealed class OutboxSender(PortalDbContext db, IMailTransport transport, TimeProvider time, IOptions<EmailOptions> options,
    ILogger<OutboxSender> logger)
{
    /// <summary>After this many failed attempts (about six hours of retries) an email is parked, whatever the error.</summary>
    public const int MaxAttempts = 12;

    private const int BatchSize = 25;
    private static readonly TimeSpan ClaimLength = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private static readonly string Instance = $"{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Why a failure will not go away by trying again, or null when it may.</summary>
    public static string? PermanentFailure(Exception exception, int attempts) => exception switch
    {
        // 5xx is the server's final answer about this message (unknown mailbox, message rejected); 4xx, a lost
        // connection, a time-out, a failed TLS handshake or sign-in are worth retrying. A 5xx to our own sender
        // (relaying denied, sign-in required) is the deployment's setting, the same for every email: retried,
        // so that the emails go once the setting is fixed, rather than all being parked.
        SmtpCommandException { ErrorCode: not SmtpErrorCode.SenderNotAccepted } command when (int)command.StatusCode >= 500 =>
            $"The mail server refused it ({(int)command.StatusCode} {command.StatusCode}): {command.Message}",
        FormatException or ArgumentException =>
            $"The email cannot be built (an address, subject or header is not valid): {exception.GetBaseException().Message}",
        _ when attempts >= MaxAttempts => $"Not sent after {attempts} attempts: {exception.GetBaseException().Message}",
        _ => null,
    };

    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueIds = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.ParkedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
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
            .Where(m => m.Id == id && m.SentAt == null && m.ParkedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, Instance).SetProperty(m => m.ClaimedUntil, now + ClaimLength), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            using var mail = OutboxMail.Build(message, options.Value.GetFromMailbox(), time.GetUtcNow());
            await transport.SendAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The row keeps its error and is tried again later, or parked when trying again cannot help;
            // it is never dropped.
            var attempts = message.Attempts + 1;
            var error = Shorten(ex.GetBaseException().Message);
            var parkedReason = PermanentFailure(ex, attempts) is { } reason ? Shorten(reason) : null;
            DateTime? parkedAt = parkedReason is null ? null : now;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, now + RetryDelay(attempts))
                .SetProperty(m => m.ParkedAt, parkedAt)
                .SetProperty(m => m.ParkedReason, parkedReason)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            if (parkedReason is null)
            {
                logger.LogWarning("Email {OutboxId} not sent (attempt {Attempts}): {Error}; next try in {Delay}.", id, attempts, error, RetryDelay(attempts));
            }
            else
            {
                logger.LogError("Email {OutboxId} parked after {Attempts} attempts: {Reason}. An administrator can retry it at /admin/emails/parked.",
                    id, attempts, parkedReason);
            }

            return false;
        }

        await MarkSentAsync(id, message.Attempts + 1, cancellationToken);
        logger.LogInformation("Email {OutboxId} sent.", id);
        return true;
    }

    /// <summary>
    /// The server has the email: if the database is gone at this moment (a restart), the row is marked again and again until it
    /// is back, well within the claim, so that no other pass sends it a second time. Only stopping the app gives up.
    /// </summary>
    private async Task MarkSentAsync(long id, int attempts, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow().UtcDateTime;
        for (var tries = 1; ; tries++)
        {
            try
            {
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var wait = MarkRetryDelay(tries);
                logger.LogWarning("Email {OutboxId} was sent but could not be marked sent ({Error}); trying again in {Delay}.",
                    id, exception.GetBaseException().Message, wait);
                try
                {
                    await Task.Delay(wait, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    logger.LogError("Email {OutboxId} was sent but the app stopped before it could be marked sent; it may be sent again.", id);
                    throw;
                }
            }
        }
    }

    private static TimeSpan MarkRetryDelay(int tries) => TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, tries - 1)));

    private static string Shorten(string text) => text.Length > 1000 ? text[..1000] : text;
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
