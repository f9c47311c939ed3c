using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

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

    /// <summary>Waits <paramref name="wait"/> and fails if a message matching <paramref name="predicate"/> arrived meanwhile.</summary>
    public async Task AssertNoneAsync(Func<MailMessage, bool> predicate, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        await Task.Delay(wait, cancellationToken);
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

/// <summary>One received email, decoded: headers (RFC 2047 words decoded), text and HTML bodies.</summary>
public sealed class MailMessage
{
    private MailMessage(string? path, IReadOnlyList<KeyValuePair<string, string>> headers, string? textBody, string? htmlBody)
    {
        Path = path;
        Headers = headers;
        TextBody = textBody;
        HtmlBody = htmlBody;
        Subject = Header("Subject") ?? string.Empty;
        From = Header("From") ?? string.Empty;
        var recipients = new List<string>();
        foreach (var name in new[] { "X-RcptTo", "To", "Cc" })
        {
            foreach (var value in AllHeaders(name))
            {
                recipients.AddRange(MimeParser.Addresses(value));
            }
        }

        To = recipients.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The maildir file, when read from one.</summary>
    public string? Path { get; }

    /// <summary>Every header in order, unfolded and decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public string Subject { get; }

    public string From { get; }

    /// <summary>Envelope recipients (X-RcptTo) and To/Cc addresses, without display names.</summary>
    public IReadOnlyList<string> To { get; }

    public string? TextBody { get; }

    public string? HtmlBody { get; }

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
        var entity = MimeParser.ParseEntity(Encoding.Latin1.GetString(raw));
        string? text = null;
        string? html = null;
        MimeParser.CollectBodies(entity, ref text, ref html);
        var headers = entity.Headers.Select(h => KeyValuePair.Create(h.Key, MimeParser.DecodeWords(h.Value))).ToList();
        return new MailMessage(path, headers, text, html);
    }

    public override string ToString() => $"to {string.Join(", ", To)}: \"{Subject}\"";
}

/// <summary>Just enough MIME (RFC 2045-2047) for what System.Net.Mail sends.</summary>
internal static partial class MimeParser
{
    // The raw message is held as a Latin-1 string: one char per byte, so bytes survive until a charset decodes them.
    internal sealed record Entity(IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
    {
        public string? Header(string name) =>
            Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public static Entity ParseEntity(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.StartsWith('\n') ? 0 : text.IndexOf("\n\n", StringComparison.Ordinal);
        var headerBlock = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + (split == 0 ? 1 : 2))..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in headerBlock.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is ' ' or '\t' && headers.Count > 0)
            {
                // Folded header: the line break goes, the whitespace stays (RFC 5322 2.2.3).
                var last = headers[^1];
                headers[^1] = KeyValuePair.Create(last.Key, last.Value + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new Entity(headers, body);
    }

    public static void CollectBodies(Entity entity, ref string? text, ref string? html)
    {
        var contentType = entity.Header("Content-Type") ?? "text/plain";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = Parameter(contentType, "boundary")
                ?? throw new FormatException($"multipart entity without a boundary: {contentType}");
            foreach (var part in SplitMultipart(entity.Body, boundary))
            {
                CollectBodies(ParseEntity(part), ref text, ref html);
            }

            return;
        }

        if (entity.Header("Content-Disposition")?.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) == true)
        {
            return;
        }

        if (mediaType == "text/plain" && text is null)
        {
            text = DecodeBody(entity, contentType);
        }
        else if (mediaType == "text/html" && html is null)
        {
            html = DecodeBody(entity, contentType);
        }
    }

    public static string DecodeBody(Entity entity, string contentType)
    {
        var transferEncoding = (entity.Header("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
        var bytes = transferEncoding switch
        {
            "quoted-printable" => DecodeQuotedPrintable(entity.Body, underscoreIsSpace: false),
            "base64" => Convert.FromBase64String(WhitespacePattern().Replace(entity.Body, string.Empty)),
            _ => Encoding.Latin1.GetBytes(entity.Body),
        };
        return EncodingFor(Parameter(contentType, "charset")).GetString(bytes);
    }

    /// <summary>Quoted-printable: "=XX" is a byte, "=" at the end of a line is a soft break (removed).</summary>
    public static byte[] DecodeQuotedPrintable(string input, bool underscoreIsSpace)
    {
        var output = new List<byte>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c == '=')
            {
                if (i + 1 < input.Length && input[i + 1] == '\n')
                {
                    i++;
                    continue;
                }

                if (i + 2 < input.Length && input[i + 1] == '\r' && input[i + 2] == '\n')
                {
                    i += 2;
                    continue;
                }

                if (i + 2 < input.Length && Uri.IsHexDigit(input[i + 1]) && Uri.IsHexDigit(input[i + 2]))
                {
                    output.Add((byte)((Uri.FromHex(input[i + 1]) << 4) | Uri.FromHex(input[i + 2])));
                    i += 2;
                    continue;
                }
            }

            output.Add(underscoreIsSpace && c == '_' ? (byte)' ' : (byte)c);
        }

        return [.. output];
    }

    /// <summary>
    /// Decodes RFC 2047 encoded-words. Whitespace between adjacent encoded-words is dropped, and their
    /// bytes are joined before decoding: an encoder may split a multi-byte character between two words.
    /// </summary>
    public static string DecodeWords(string value)
    {
        // The header value is a Latin-1 view of raw bytes: raw UTF-8 (RFC 6532) is decoded first.
        var text = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(value));
        var result = new StringBuilder(text.Length);
        var pending = new List<byte>();
        Encoding? pendingEncoding = null;
        var position = 0;
        foreach (Match word in EncodedWordPattern().Matches(text))
        {
            var gap = text[position..word.Index];
            var encoding = EncodingFor(word.Groups["charset"].Value.Split('*')[0]);
            var adjacent = pendingEncoding is not null && string.IsNullOrWhiteSpace(gap);
            if (!adjacent || !string.Equals(encoding.WebName, pendingEncoding!.WebName, StringComparison.Ordinal))
            {
                Flush();
                if (!adjacent)
                {
                    result.Append(gap);
                }
            }

            var payload = word.Groups["text"].Value;
            pending.AddRange(string.Equals(word.Groups["encoding"].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(payload)
                : DecodeQuotedPrintable(payload, underscoreIsSpace: true));
            pendingEncoding = encoding;
            position = word.Index + word.Length;
        }

        Flush();
        result.Append(text[position..]);
        return result.ToString();

        void Flush()
        {
            if (pendingEncoding is not null)
            {
                result.Append(pendingEncoding.GetString([.. pending]));
            }

            pending.Clear();
            pendingEncoding = null;
        }
    }

    /// <summary>The bare addresses in an address-list header ("Name" &lt;a@b&gt;, c@d).</summary>
    public static IEnumerable<string> Addresses(string value)
    {
        foreach (var item in value.Split(','))
        {
            var angle = AngleAddressPattern().Match(item);
            var address = (angle.Success ? angle.Groups["address"].Value : item).Trim().Trim('"');
            if (address.Contains('@', StringComparison.Ordinal))
            {
                yield return address;
            }
        }
    }

    private static IEnumerable<string> SplitMultipart(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var parts = new List<string>();
        StringBuilder? current = null;
        foreach (var line in body.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (string.Equals(trimmed, delimiter + "--", StringComparison.Ordinal))
            {
                break;
            }

            if (string.Equals(trimmed, delimiter, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    parts.Add(current.ToString());
                }

                current = new StringBuilder();
                continue;
            }

            current?.Append(line).Append('\n');
        }

        if (current is not null)
        {
            parts.Add(current.ToString());
        }

        // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
        return parts.Select(p => p.EndsWith("\n\n", StringComparison.Ordinal) ? p[..^1] : p.TrimEnd('\n'));
    }

    private static string? Parameter(string headerValue, string name)
    {
        foreach (var piece in headerValue.Split(';').Skip(1))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(piece[..equals].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return piece[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    private static Encoding EncodingFor(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[bBqQ])\?(?<text>[^?]*)\?=", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"<(?<address>[^>]+)>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AngleAddressPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WhitespacePattern();
}
