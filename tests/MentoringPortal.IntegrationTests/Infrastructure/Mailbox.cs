using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The messages an SMTP server (aiosmtpd's Mailbox handler) stored in a maildir: one file per message
/// in <c>&lt;dir&gt;/new</c>, with the envelope recipients in an <c>X-RcptTo</c> header.
/// </summary>
public sealed partial class Mailbox
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, MailMessage> _parsed;
    private readonly IReadOnlySet<string> _ignored;

    public Mailbox(string directory)
        : this(directory, new HashSet<string>(StringComparer.Ordinal), new ConcurrentDictionary<string, MailMessage>(StringComparer.Ordinal))
    {
    }

    private Mailbox(string directory, IReadOnlySet<string> ignored, ConcurrentDictionary<string, MailMessage> parsed)
    {
        Directory = directory;
        _ignored = ignored;
        _parsed = parsed;
    }

    public string Directory { get; }

    /// <summary>A view of this mailbox that ignores every message already delivered.</summary>
    public Mailbox FromNowOn() => new(Directory, MessageFiles().ToHashSet(StringComparer.Ordinal), _parsed);

    /// <summary>The messages delivered so far (oldest first).</summary>
    public IReadOnlyList<MailMessage> Messages() =>
        MessageFiles().Where(f => !_ignored.Contains(f)).Select(f => _parsed.GetOrAdd(f, MailMessage.Load)).ToList();

    /// <summary>The messages delivered so far to <paramref name="address"/>.</summary>
    public IReadOnlyList<MailMessage> MessagesTo(string address) => Messages().Where(m => m.IsTo(address)).ToList();

    /// <summary>Waits until a message delivered to <paramref name="address"/> arrives (15 s by default).</summary>
    public Task<MailMessage> WaitForAsync(string address, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(m => m.IsTo(address), $"to {address}", timeout, cancellationToken);

    /// <summary>Waits until a message matching <paramref name="predicate"/> arrives (15 s by default).</summary>
    public Task<MailMessage> WaitForAsync(Func<MailMessage, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(predicate, "matching the condition", timeout, cancellationToken);

    /// <summary>
    /// Fails if a message matching <paramref name="predicate"/> has arrived. For the app's emails use
    /// <see cref="TestData.AssertNoEmailAsync"/>, which first waits until the outbox has tried everything queued.
    /// </summary>
    public void AssertNone(Func<MailMessage, bool> predicate)
    {
        var unexpected = Messages().Where(predicate).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException($"Expected no such email, but found:\n{Describe(unexpected)}");
        }
    }


    /// <summary>The http(s) links in a text or HTML body, in order, HTML entities decoded, without duplicates.</summary>
    public static IReadOnlyList<string> ExtractLinks(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        return LinkPattern().Matches(body)
            .Select(m => WebUtility.HtmlDecode(m.Value).TrimEnd('.', ',', ';', ':', '!', '?', ')', ']'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private async Task<MailMessage> WaitForAsync(
        Func<MailMessage, bool> predicate, string description, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages();
            var match = messages.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"No email {description} arrived in {limit.TotalSeconds:0.#} s in {Directory}. "
                    + (messages.Count == 0 ? "No email arrived at all." : $"These arrived:\n{Describe(messages)}"));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private IEnumerable<string> MessageFiles()
    {
        // aiosmtpd writes each message to tmp/ and renames it into new/: a file in new/ is complete.
        var files = new List<FileInfo>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(Directory, folder);
            if (System.IO.Directory.Exists(path))
            {
                files.AddRange(new DirectoryInfo(path).EnumerateFiles());
            }
        }

        return files.OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName);
    }

    private static string Describe(IEnumerable<MailMessage> messages) =>
        string.Join('\n', messages.Select(m => $"  to {string.Join(", ", m.To)}: \"{m.Subject}\""));

    [GeneratedRegex("""https?://[^\s"'<>]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkPattern();
}

/// <summary>A text/calendar part or .ics attachment of a received email, decoded.</summary>
/// <param name="MediaType">e.g. "text/calendar" or "application/ics".</param>
/// <param name="Method">The iTIP method parameter (REQUEST, CANCEL), or null.</param>
/// <param name="FileName">The part's file name, if any.</param>
/// <param name="IsAttachment">Content-Disposition: attachment.</param>
/// <param name="Text">The calendar, decoded.</param>
public sealed record CalendarPart(string MediaType, string? Method, string? FileName, bool IsAttachment, string Text);

/// <summary>One received email, parsed by MimeKit: headers (decoded), text and HTML bodies, calendar parts.</summary>
public sealed class MailMessage
{
    private MailMessage(string? path, MimeMessage message)
    {
        Path = path;
        Headers = message.Headers.Select(h => KeyValuePair.Create(h.Field, h.Value)).ToList();
        TextBody = message.TextBody?.ReplaceLineEndings("\n");
        HtmlBody = message.HtmlBody?.ReplaceLineEndings("\n");
        Subject = message.Subject ?? string.Empty;
        From = message.From.ToString();
        MessageId = message.MessageId;
        CalendarParts = message.BodyParts.OfType<MimePart>()
            .Where(p => p.ContentType.IsMimeType("text", "calendar") || p.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) == true)
            .Select(p => new CalendarPart(p.ContentType.MimeType,
                p.ContentType.Parameters["method"], p.FileName, p.IsAttachment, Decode(p)))
            .ToList();
        var recipients = AllHeaders("X-RcptTo").SelectMany(v => InternetAddressList.TryParse(v, out var list) ? list.Mailboxes : [])
            .Concat(message.To.Mailboxes).Concat(message.Cc.Mailboxes)
            .Select(m => m.Address);
        To = recipients.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The maildir file, when read from one.</summary>
    public string? Path { get; }

    /// <summary>Every header in order, unfolded and decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public string Subject { get; }

    public string From { get; }

    /// <summary>The Message-ID, without angle brackets.</summary>
    public string? MessageId { get; }

    /// <summary>Envelope recipients (X-RcptTo) and To/Cc addresses, without display names.</summary>
    public IReadOnlyList<string> To { get; }

    public string? TextBody { get; }

    public string? HtmlBody { get; }

    /// <summary>Every text/calendar part and .ics attachment, in order.</summary>
    public IReadOnlyList<CalendarPart> CalendarParts { get; }

    /// <summary>The links in the HTML body, or in the text body when there is no HTML.</summary>
    public IReadOnlyList<string> Links => Mailbox.ExtractLinks(HtmlBody ?? TextBody);

    /// <summary>The first link containing <paramref name="fragment"/> (e.g. "/account/confirm"); fails when there is none.</summary>
    public string LinkContaining(string fragment)
    {
        var links = Mailbox.ExtractLinks(HtmlBody).Concat(Mailbox.ExtractLinks(TextBody)).ToList();
        return links.Find(l => l.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"The email \"{Subject}\" has no link containing \"{fragment}\". Links: {string.Join(", ", links)}");
    }

    public bool IsTo(string address) => To.Contains(address, StringComparer.OrdinalIgnoreCase);

    /// <summary>The first header with this name (case-insensitive), decoded.</summary>
    public string? Header(string name) => AllHeaders(name).FirstOrDefault();

    public IEnumerable<string> AllHeaders(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public static MailMessage Load(string path) => Parse(File.ReadAllBytes(path), path);

    public static MailMessage Parse(string raw) => Parse(Encoding.UTF8.GetBytes(raw), path: null);

    public static MailMessage Parse(byte[] raw, string? path = null)
    {
        using var stream = new MemoryStream(raw);
        using var message = MimeMessage.Load(stream);
        return new MailMessage(path, message);
    }

    public override string ToString() => $"to {string.Join(", ", To)}: \"{Subject}\"";

    // The bytes as sent (TextPart.Text would turn CRLF into the platform's line ending; a calendar needs CRLF).
    private static string Decode(MimePart part) => Encoding.UTF8.GetString(Bytes(part));

    private static byte[] Bytes(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content?.DecodeTo(output);
        return output.ToArray();
    }
}
