using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MimeKit;

namespace MentoringPortal.UnitTests.Email;

/// <summary>The MIME message the outbox sends for a row: alternatives, the calendar part, the Message-ID, encoded headers.</summary>
public sealed class OutboxMailTests
{
    private const string Calendar = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";

    private static readonly MailboxAddress From = new("Programme de mentorat — Hôpital", "mentoring@trust.example.org");
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_WithoutAttachment_IsPlainTextAndHtmlAlternatives()
    {
        using var message = OutboxMail.Build(Row(), From, Now);

        var alternatives = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Collection(alternatives,
            text => Assert.True(text.ContentType.IsMimeType("text", "plain")),
            html => Assert.True(html.ContentType.IsMimeType("text", "html")));
        Assert.Equal("Dear Zoë,\n\nYour meeting is planned.\n", message.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal("<p>Dear Zoë,</p>", message.HtmlBody);
    }

    [Fact]
    public void Build_Calendar_IsTheLastAlternativeWithItsMethod_AndAnIcsAttachment()
    {
        using var message = OutboxMail.Build(Row().WithAttachment("mentoring-meeting-7.ics", "text/calendar; method=CANCEL", Calendar), From, Now);

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("mixed", mixed.ContentType.MediaSubtype);
        var alternatives = Assert.IsType<MultipartAlternative>(mixed[0]);
        var inline = Assert.IsType<TextPart>(alternatives[^1]);
        Assert.True(inline.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("CANCEL", inline.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", inline.ContentType.Charset);
        Assert.False(inline.IsAttachment);
        var attachment = Assert.IsType<MimePart>(mixed[1]);
        Assert.True(attachment.ContentType.IsMimeType("application", "ics"));
        Assert.True(attachment.IsAttachment);
        Assert.Equal("mentoring-meeting-7.ics", attachment.FileName);
        Assert.Equal(Calendar, Decoded(attachment));
        Assert.Equal(Calendar, Decoded(inline));
    }

    [Fact]
    public void Build_OtherAttachment_IsAttachedAsItIs()
    {
        using var message = OutboxMail.Build(Row().WithAttachment("notes.txt", "text/plain", "hello"), From, Now);

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal(2, Assert.IsType<MultipartAlternative>(mixed[0]).Count);
        Assert.True(((MimePart)mixed[1]).ContentType.IsMimeType("text", "plain"));
    }

    [Fact]
    public void Build_MessageId_IsOnTheSendersDomain_AndTheSameForTheSameRow()
    {
        var row = Row();
        using var first = OutboxMail.Build(row, From, Now);
        using var second = OutboxMail.Build(row, From, Now.AddHours(1));

        Assert.EndsWith("@trust.example.org", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(Now, first.Date);
        Assert.Equal("auto-generated", first.Headers["Auto-Submitted"]);
        Assert.Equal("0", first.Headers[OutboxMail.OutboxIdHeader]);
    }

    [Fact]
    public async Task Build_NonAsciiNamesAndSubject_AreEncodedOnTheWire_AndReadBack()
    {
        using var message = OutboxMail.Build(Row(), From, Now);
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream);

        var raw = System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
        var headers = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.True(headers.All(char.IsAscii), "Headers must be 7-bit: " + headers);
        stream.Position = 0;
        using var parsed = await MimeMessage.LoadAsync(stream);
        Assert.Equal("Réunion de mentorat prévue ✓", parsed.Subject);
        Assert.Equal("Programme de mentorat — Hôpital", parsed.From.Mailboxes.Single().Name);
        Assert.Equal("zoe@example.org", parsed.To.Mailboxes.Single().Address);
        Assert.Equal("Dear Zoë,\n\nYour meeting is planned.\n", parsed.TextBody?.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("zoe@example.org", "About Dr Mallory\r\nBcc: everyone@example.org")]
    [InlineData("not an address", "Fine subject")]
    [InlineData("a@b.org, c@d.org", "Two recipients")]
    public void Build_LineBreakInSubjectOrBadRecipient_CannotBeBuilt(string to, string subject)
    {
        var row = new OutboxMessage(to, subject, "text", "<p>html</p>", Now.UtcDateTime);

        Assert.ThrowsAny<FormatException>(() => OutboxMail.Build(row, From, Now));
    }

    private static OutboxMessage Row() =>
        new("Zoë Example <zoe@example.org>", "Réunion de mentorat prévue ✓", "Dear Zoë,\n\nYour meeting is planned.\n", "<p>Dear Zoë,</p>", Now.UtcDateTime);

    private static string Decoded(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content!.DecodeTo(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
