using System.Text;

namespace MentoringPortal.IntegrationTests.Infrastructure.SelfTests;

/// <summary>Mailbox reads (with MimeKit) what mail clients send through aiosmtpd: encoded-words, quoted-printable, base64.</summary>
public sealed class MailboxTests : IDisposable
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "SelfTests", "Samples", "quoted-printable.eml"));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-mailbox-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Parse_EncodedWordSubject_IsDecodedAndJoined()
    {
        var message = MailMessage.Parse(Sample);

        Assert.Equal("Your request to Ana García was accepted ✓", message.Subject);
    }

    [Fact]
    public void Parse_Recipients_ComeFromRcptToAndToWithoutDisplayNames()
    {
        var message = MailMessage.Parse(Sample);

        Assert.Equal(["jane.doe@mentoring.test", "copy@mentoring.test"], message.To);
        Assert.True(message.IsTo("JANE.DOE@mentoring.test"));
    }

    [Fact]
    public void Parse_QuotedPrintableText_DecodesSoftBreaksAndEscapes()
    {
        var message = MailMessage.Parse(Sample);

        Assert.Equal(
            "Hello Jane,\n\nAna García accepted your request. See it at \nhttp://localhost/pairings/42?tab=meetings&from=email.\n",
            message.TextBody);
    }

    [Fact]
    public void Parse_QuotedPrintableHtml_JoinsSoftBreaks()
    {
        var message = MailMessage.Parse(Sample);

        Assert.NotNull(message.HtmlBody);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Ana García accepted your request.", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("=\n", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("=3D", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_FromHtml_AreDecodedInOrder()
    {
        var message = MailMessage.Parse(Sample);

        Assert.Equal(["http://localhost/pairings/42?tab=meetings&from=email", "https://localhost/account/settings"], message.Links);
        Assert.Equal("https://localhost/account/settings", message.LinkContaining("/account/"));
    }

    [Fact]
    public void ExtractLinks_FromText_DropsTrailingPunctuation()
    {
        var links = Mailbox.ExtractLinks("Confirm at https://portal.test/account/confirm?code=a%2Fb&id=1. Or (http://portal.test/help).");

        Assert.Equal(["https://portal.test/account/confirm?code=a%2Fb&id=1", "http://portal.test/help"], links);
    }

    [Fact]
    public void Parse_CrLfLineEndings_GivesTheSameResult()
    {
        var lf = MailMessage.Parse(Sample);
        var crlf = MailMessage.Parse(Sample.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(lf.Subject, crlf.Subject);
        Assert.Equal(lf.TextBody, crlf.TextBody);
        Assert.Equal(lf.HtmlBody, crlf.HtmlBody);
    }

    [Fact]
    public void Parse_Base64Html_IsDecoded()
    {
        var html = "<p>Größe: <a href=\"http://localhost/x?a=1&amp;b=2\">link</a></p>";
        var raw = "To: someone@mentoring.test\nSubject: plain subject\nMIME-Version: 1.0\n"
            + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
            + Convert.ToBase64String(Encoding.UTF8.GetBytes(html), Base64FormattingOptions.InsertLineBreaks) + "\n";

        var message = MailMessage.Parse(raw);

        Assert.Equal("plain subject", message.Subject);
        Assert.Equal(html, message.HtmlBody);
        Assert.Null(message.TextBody);
        Assert.Equal(["http://localhost/x?a=1&b=2"], message.Links);
    }

    [Fact]
    public async Task WaitForAsync_MessageInMaildir_IsFound()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "new"));
        var mailbox = new Mailbox(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "new", "1.eml"), Sample);

        var message = await mailbox.WaitForAsync("copy@mentoring.test", TimeSpan.FromSeconds(2));

        Assert.Equal(Path.Combine(_directory, "new", "1.eml"), message.Path);
    }

    [Fact]
    public async Task FromNowOn_IgnoresEarlierMessages()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "new"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "new", "1.eml"), Sample);
        var mailbox = new Mailbox(_directory).FromNowOn();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => mailbox.WaitForAsync("jane.doe@mentoring.test", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("No email arrived at all", error.Message, StringComparison.Ordinal);
        Assert.Empty(mailbox.Messages());
        Assert.Single(new Mailbox(_directory).Messages());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
