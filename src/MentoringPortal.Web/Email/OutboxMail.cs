using System.Globalization;
using System.Text;
using MentoringPortal.Web.Data;
using MimeKit;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Builds the message the outbox sends for a row: plain text and HTML alternatives and, for a meeting,
/// its calendar both as an iMIP part beside them (text/calendar; method=…) and as an .ics attachment.
/// </summary>
public static class OutboxMail
{
    public const string OutboxIdHeader = "X-Portal-Outbox-Id";

    private const string CalendarMediaType = "text/calendar";

    public static MimeMessage Build(OutboxMessage row, MailboxAddress from, DateTimeOffset now)
    {
        if (row.Subject.Any(char.IsControl))
        {
            throw new FormatException("The subject contains a line break or another control character.");
        }

        var to = EmailOptions.ParseMailbox(row.To) ?? throw new FormatException($"The recipient \"{row.To}\" is not an email address.");
        var message = new MimeMessage
        {
            Subject = row.Subject,
            Date = now,
            MessageId = MessageId(row, from.Domain),
        };
        message.From.Add(new MailboxAddress(from.Name, from.Address));
        message.To.Add(to);
        message.Headers.Add(OutboxIdHeader, row.Id.ToString(CultureInfo.InvariantCulture));

        // RFC 3834: out-of-office and other automatic replies are not sent back to the portal.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var alternatives = new MultipartAlternative { Text("plain", row.TextBody), Text("html", row.HtmlBody) };
        if (row.AttachmentName is null || row.AttachmentContent is null)
        {
            message.Body = alternatives;
            return message;
        }

        var contentType = ContentType.TryParse(row.AttachmentContentType ?? "text/plain", out var parsed) ? parsed : new ContentType("text", "plain");
        var method = contentType.IsMimeType("text", "calendar") ? contentType.Parameters["method"] : null;
        if (method is not null)
        {
            // Outlook and Gmail show the invitation (accept, update, cancel) from this part; it must be the last alternative.
            var calendar = Text("calendar", row.AttachmentContent, ContentEncoding.Base64);
            calendar.ContentType.Parameters.Add("method", method.ToUpperInvariant());
            alternatives.Add(calendar);

            // The same file to open or save, for clients that ignore the part above. Not text/calendar, so that
            // clients that read both do not show the invitation twice (what calendar services themselves send).
            contentType = new ContentType("application", "ics");
        }

        var attachment = new MimePart(contentType)
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(row.AttachmentContent))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = row.AttachmentName,
        };
        if (contentType.MediaType == "text")
        {
            attachment.ContentType.Charset = "utf-8";
        }

        message.Body = new Multipart("mixed") { alternatives, attachment };
        return message;
    }

    /// <summary>
    /// On the sender's domain, never the machine's name (MimeKit's default). The same row always gets the
    /// same id, so a message sent again after a lost acknowledgement can be recognised as a duplicate.
    /// </summary>
    public static string MessageId(OutboxMessage row, string domain) =>
        string.Create(CultureInfo.InvariantCulture, $"outbox-{row.Id}.{row.CreatedAt.Ticks}@{domain}");

    private static TextPart Text(string subtype, string text, ContentEncoding encoding = ContentEncoding.QuotedPrintable)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = encoding };
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
