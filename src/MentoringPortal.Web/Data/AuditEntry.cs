using System.Text.RegularExpressions;

namespace MentoringPortal.Web.Data;

/// <summary>A record of something an administrator (or the portal on its own) changed. Never edited.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = Subject = string.Empty;
    }

    public AuditEntry(string? actorUserId, string action, string subject, string? before, string? after, DateTime at, int? programmeId = null, string? ipAddress = null)
    {
        IpAddress = ipAddress;
        ProgrammeId = programmeId;
        ActorUserId = actorUserId;
        Action = action;
        Subject = subject;
        Before = before;
        After = after;
        At = at;
    }

    public long Id { get; private set; }

    public string? ActorUserId { get; private set; }

    public string Action { get; private set; }

    public string Subject { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The address the request came from, for security events (sign-in failures, password changes).</summary>
    public string? IpAddress { get; private set; }

    /// <summary>Replaces a person's name or email address in the entry, and forgets the address it came from, when their account is erased; what happened, and when, stay.</summary>
    public void Redact(string identifying, string replacement)
    {
        IpAddress = null;
        Subject = Redact(Subject, identifying, replacement);
        Before = Before is null ? null : Redact(Before, identifying, replacement);
        After = After is null ? null : Redact(After, identifying, replacement);
    }

    /// <summary>Whether the text names the person as a whole word: "Ann" is not in "Joanne".</summary>
    public static bool Names(string? text, string identifying) => text is not null && WholeWord(identifying).IsMatch(text);

    private static string Redact(string text, string identifying, string replacement) =>
        WholeWord(identifying).Replace(text, replacement.Replace("$", "$$", StringComparison.Ordinal));

    private static Regex WholeWord(string identifying) =>
        new($@"(?<![\w@.-]){Regex.Escape(identifying)}(?![\w@-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The programme the change was made in, so administrators limited to some programmes see only theirs.</summary>
    public int? ProgrammeId { get; private set; }
}
