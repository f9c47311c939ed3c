using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Security;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentoringPortal.IntegrationTests.Email;

/// <summary>
/// The MailKit transport against real listeners: real refusals (550 parked, 451 retried), implicit TLS to a
/// relay whose self-signed certificate is pinned (and refused when it is not), a server that never
/// answers, and the pickup folder writing the same message as .eml files.
/// </summary>
public sealed class MailKitTransportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-pickup-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task ImplicitTls_ToARelayWithAPinnedCertificate_TheOutboxSendsIt()
    {
        using var certificate = SelfSignedCertificate();
        await using var relay = await SmtpServer.StartNewWithImplicitTlsAsync(certificate);
        var options = new PortalFactoryOptions { Smtp = relay };
        options.Settings["Email:Smtp:Security"] = "SslOnConnect";
        options.Settings["Email:Smtp:TrustedCertificateThumbprint"] = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        await using var factory = await PortalFactory.CreateAsync(options);
        var to = Unique.Email("tls");

        await factory.InScopeAsync(async services =>
        {
            services.GetRequiredService<PortalEmails>().ResetPassword(new Recipient(to, "Zoë Example"), "http://localhost/account/reset-password?code=x");
            await services.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });

        var email = await relay.Mailbox.WaitForAsync(to, TimeSpan.FromSeconds(20));
        Assert.Equal("Reset your mentoring portal password", email.Subject);
        Assert.EndsWith("@mentoring.test", email.MessageId, StringComparison.Ordinal);
        Assert.Contains("Dear Zoë Example,", email.TextBody, StringComparison.Ordinal);
        // The relay has the message before the dispatcher has marked the row sent.
        var row = await Poll.UntilAsync(() => RowAsync(factory, to), r => r.SentAt is not null);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task RealRefusals_A550IsParkedAtOnce_A451IsRetried_OtherMailStillGoes()
    {
        await using var relay = await SmtpServer.StartNewRefusingAsync();
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions { Smtp = relay });
        var refused = Unique.Email("refused");
        var busy = Unique.Email("busy");
        var fine = Unique.Email("fine");

        await factory.InScopeAsync(async services =>
        {
            var emails = services.GetRequiredService<PortalEmails>();
            foreach (var to in new[] { refused, busy, fine })
            {
                emails.ResetPassword(new Recipient(to, "Someone"), "http://localhost/account/reset-password?code=x");
            }

            await services.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });

        await relay.Mailbox.WaitForAsync(fine, TimeSpan.FromSeconds(20));
        var parked = await Poll.UntilAsync(() => RowAsync(factory, refused), r => r.ParkedAt is not null);
        Assert.Equal(1, parked.Attempts);
        Assert.Null(parked.SentAt);
        Assert.Contains("550", parked.ParkedReason, StringComparison.Ordinal);
        var retried = await Poll.UntilAsync(() => RowAsync(factory, busy), r => r.Attempts >= 1);
        Assert.Null(retried.ParkedAt);
        Assert.Null(retried.SentAt);
        Assert.NotNull(retried.LastError);
        Assert.True(retried.NextAttemptAt > DateTime.UtcNow, "A 451 is tried again later.");
        Assert.Empty(relay.Mailbox.MessagesTo(refused));
        Assert.Empty(relay.Mailbox.MessagesTo(busy));
    }

    [Fact]
    public async Task ImplicitTls_UnpinnedOrWronglyPinnedSelfSignedCertificate_IsRefused_NothingIsSent()
    {
        using var certificate = SelfSignedCertificate();
        await using var relay = await SmtpServer.StartNewWithImplicitTlsAsync(certificate);
        using var other = SelfSignedCertificate();

        foreach (var pin in new[] { null, other.GetCertHashString(HashAlgorithmName.SHA256) })
        {
            var transport = Transport(new EmailOptions
            {
                From = "Mentoring <noreply@mentoring.test>",
                Smtp = new SmtpOptions { Host = "localhost", Port = relay.Port, Security = "SslOnConnect", TrustedCertificateThumbprint = pin },
            });
            using var message = Message(Unique.Email("refused"));

            await Assert.ThrowsAsync<SslHandshakeException>(() => transport.SendAsync(message, CancellationToken.None));
        }

        // The handshake failed before any SMTP command, so nothing can still be on its way.
        relay.Mailbox.AssertNone(_ => true);
    }

    [Fact]
    public async Task ConnectTimeout_AServerThatNeverAnswers_IsATimeoutTheOutboxRetries()
    {
        // A listener that accepts the connection and never says a word.
        var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var transport = Transport(new EmailOptions
            {
                From = "Mentoring <noreply@mentoring.test>",
                Smtp = new SmtpOptions { Host = "127.0.0.1", Port = ((IPEndPoint)silent.LocalEndpoint).Port, Security = "None", ConnectTimeoutSeconds = 1 },
            });
            using var message = Message(Unique.Email("silent"));

            var error = await Assert.ThrowsAsync<TimeoutException>(() => transport.SendAsync(message, CancellationToken.None));

            Assert.Contains("did not answer within 1 s", error.Message, StringComparison.Ordinal);
            Assert.Null(OutboxSender.PermanentFailure(error, 1));
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task PickupFolder_WritesTheSameMessageAsEml_OneFileEach_NoTemporaryFilesLeft()
    {
        var transport = Transport(new EmailOptions { From = "Mentoring <noreply@mentoring.test>", PickupDirectory = _folder });
        using var first = Message("first@example.org");
        using var second = Message("second@example.org");

        await Task.WhenAll(transport.SendAsync(first, CancellationToken.None), transport.SendAsync(second, CancellationToken.None));

        var files = Directory.GetFiles(_folder);
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        var read = files.Select(MailMessage.Load).OrderBy(m => m.To[0], StringComparer.Ordinal).ToList();
        Assert.Equal(["first@example.org", "second@example.org"], read.Select(m => m.To[0]));
        Assert.Equal(first.MessageId, read[0].MessageId);
        Assert.Equal(first.Subject, read[0].Subject);
        Assert.Equal("Café ✓", read[0].TextBody?.TrimEnd());
    }

    private static Task<OutboxMessage> RowAsync(PortalFactory factory, string to) =>
        factory.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to));


    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private MailKitTransport Transport(EmailOptions email) =>
        new(Options.Create(email), Options.Create(new PortalOptions { DataDirectory = _folder }),
            new HostingEnvironment { ContentRootPath = _folder }, TimeProvider.System);

    private static MimeMessage Message(string to)
    {
        var message = new MimeMessage { Subject = "Transport check ✓" };
        message.From.Add(new MailboxAddress("Mentoring", "noreply@mentoring.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "Café ✓" };
        return message;
    }

    /// <summary>A relay's own certificate, signed by nobody: trusted only when pinned.</summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
