using System.Net;
using System.Net.Mail;
using MentoringPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Email;

/// <summary>Hands one message to the mail server. Throws when the server did not accept it.</summary>
public interface IMailTransport
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>System.Net.Mail over SMTP, or a pickup folder of .eml files in development (ADR-004).</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options, IOptions<PortalOptions> portal, IHostEnvironment environment)
    : IMailTransport
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var email = options.Value;
        using var client = new SmtpClient();
        if (email.UsesPickupDirectory)
        {
            var folder = Path.GetFullPath(Path.Combine(portal.Value.ResolveDataDirectory(environment.ContentRootPath), email.PickupDirectory!));
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = email.Smtp.Host!;
            client.Port = email.Smtp.Port;
            client.EnableSsl = email.Smtp.EnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.Timeout = 30_000;
            if (!string.IsNullOrEmpty(email.Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(email.Smtp.UserName, email.Smtp.Password);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
