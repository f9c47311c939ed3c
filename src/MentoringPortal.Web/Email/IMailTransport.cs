using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MentoringPortal.Web.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentoringPortal.Web.Email;

/// <summary>Hands one message to the mail server. Throws when the server did not accept it.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// MailKit's SMTP client, one connection per message, protected as <c>Email:Smtp:Security</c> says;
/// or, in development, the same message written as an .eml file to a pickup folder (ADR-013).
/// </summary>
public sealed class MailKitTransport(IOptions<EmailOptions> options, IOptions<PortalOptions> portal, IHostEnvironment environment, TimeProvider time)
    : IMailTransport
{
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var email = options.Value;
        return email.UsesPickupDirectory ? WriteToPickupDirectoryAsync(message, email, cancellationToken) : SendOverSmtpAsync(message, email.Smtp, cancellationToken);
    }

    private static async Task SendOverSmtpAsync(MimeMessage message, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = smtp.SendTimeoutSeconds * 1000 };
        if (smtp.PinnedCertificateSha256 is { } pin)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None
                || (certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.OrdinalIgnoreCase));
        }

        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connecting.CancelAfter(TimeSpan.FromSeconds(smtp.ConnectTimeoutSeconds));
            try
            {
                await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.SocketOptions, connecting.Token);
                if (!string.IsNullOrEmpty(smtp.UserName))
                {
                    await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, connecting.Token);
                }
            }
            catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
            {
                // Our own time-out, not the app stopping: a failure the outbox retries, not a cancellation.
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"The mail server {smtp.Host}:{smtp.Port} did not answer within {smtp.ConnectTimeoutSeconds} s."), timedOut);
            }
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task WriteToPickupDirectoryAsync(MimeMessage message, EmailOptions email, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(Path.Combine(portal.Value.ResolveDataDirectory(environment.ContentRootPath), email.PickupDirectory!));
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml");
        var temporary = Path.Combine(folder, "." + name + ".tmp");
        try
        {
            // Written beside the final name, then renamed: a reader of the folder never sees half a message.
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
            }

            File.Move(temporary, Path.Combine(folder, name));
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
