using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MentoringPortal.IntegrationTests.Infrastructure.SelfTests;

/// <summary>A test's own SMTP server receives what MailKit sends, and can be stopped and started again.</summary>
public sealed class SmtpServerTests
{
    [Fact]
    public async Task SentMessage_ArrivesDecoded()
    {
        await using var server = await SmtpServer.StartNewAsync();
        var to = Unique.Email("smtp");

        await SendAsync(server.Port, to, "Welcome to the café ✓", "http://localhost/account/confirm?userId=1&code=a+b%2F==");

        var message = await server.Mailbox.WaitForAsync(to);
        Assert.Equal("Welcome to the café ✓", message.Subject);
        Assert.Contains("Café latte", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Café latte", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("http://localhost/account/confirm?userId=1&code=a+b%2F==", message.LinkContaining("/account/confirm"));
    }

    [Fact]
    public async Task Stopped_RefusesMail_AndStartedAgain_Accepts()
    {
        await using var server = await SmtpServer.StartNewAsync();
        var to = Unique.Email("restart");

        await server.StopAsync();
        await Assert.ThrowsAsync<SocketException>(() => SendAsync(server.Port, to, "while down", "http://localhost/"));

        await server.StartAsync();
        await SendAsync(server.Port, to, "after restart", "http://localhost/");

        var message = await server.Mailbox.WaitForAsync(to);
        Assert.Equal("after restart", message.Subject);
        Assert.True(server.IsRunning);
    }

    [Fact]
    public async Task SharedServer_FromTestSh_ReceivesMail()
    {
        var mailbox = new Mailbox(TestServers.MailDirectory).FromNowOn();
        var to = Unique.Email("shared");

        await SendAsync(TestServers.SmtpPort, to, "shared server", "http://localhost/");

        Assert.Equal("shared server", (await mailbox.WaitForAsync(to)).Subject);
    }

    private static async Task SendAsync(int port, string to, string subject, string link)
    {
        using var message = new MimeMessage { Subject = subject };
        message.From.Add(new MailboxAddress("MentoringPortal", "noreply@mentoring.test"));
        message.To.Add(MailboxAddress.Parse(to));
        var html = $"<!DOCTYPE html><html lang=\"en\"><body><p>Café latte for everyone. A long line to force soft line breaks in quoted-printable encoding, which wraps at 76 characters.</p><p><a href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\">Confirm</a></p></body></html>";
        message.Body = new BodyBuilder { TextBody = $"Café latte for everyone. Confirm here: {link}", HtmlBody = html }.ToMessageBody();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
