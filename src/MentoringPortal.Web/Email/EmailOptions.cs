using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using MimeKit;

namespace MentoringPortal.Web.Email;

/// <summary>Section "Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required(ErrorMessage = "Email:From is required, e.g. \"Mentoring scheme <mentoring@example.org>\".")]
    public string From { get; set; } = string.Empty;

    /// <summary>When set, emails are written as .eml files to this folder instead of being sent (development).</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    [Range(1, 3600, ErrorMessage = "Email:DispatchIntervalSeconds must be between 1 and 3600.")]
    public int DispatchIntervalSeconds { get; set; } = 10;

    public bool UsesPickupDirectory => !string.IsNullOrWhiteSpace(PickupDirectory);

    /// <summary>The sender as a mailbox; <see cref="From"/> is checked at start, so this does not throw once the app runs.</summary>
    public MailboxAddress GetFromMailbox() => ParseMailbox(From) ?? throw new FormatException("Email:From is not an email address.");

    /// <summary>A single mailbox with a domain ("Name &lt;a@b.org&gt;" or "a@b.org"), or null.</summary>
    public static MailboxAddress? ParseMailbox(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailboxAddress.TryParse(value, out var mailbox) && mailbox.Domain.Length > 0 && mailbox.LocalPart.Length > 0
            ? mailbox
            : null;
}

/// <summary>How the connection to the relay is protected: <c>Email:Smtp:Security</c>.</summary>
public enum SmtpSecurity
{
    /// <summary>A plain connection, for a relay on the same host or network.</summary>
    None,

    /// <summary>STARTTLS, required: the message is not sent if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte, "implicit TLS" (port 465).</summary>
    SslOnConnect,

    /// <summary>Implicit TLS on port 465, otherwise STARTTLS when the server offers it and plain text when it does not.</summary>
    Auto,
}

public sealed class SmtpOptions
{
    public const int DefaultConnectTimeoutSeconds = 15;
    public const int DefaultSendTimeoutSeconds = 30;

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The older setting, kept working: false is a plain connection, true is STARTTLS required. <see cref="Security"/> wins when set.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>None, StartTls, SslOnConnect or Auto (see <see cref="SmtpSecurity"/>); empty means "from EnableSsl".</summary>
    public string? Security { get; set; }

    /// <summary>How long to wait for the server to answer the connection, TLS and sign-in.</summary>
    public int ConnectTimeoutSeconds { get; set; } = DefaultConnectTimeoutSeconds;

    /// <summary>How long any one read or write may take while sending.</summary>
    public int SendTimeoutSeconds { get; set; } = DefaultSendTimeoutSeconds;

    /// <summary>
    /// The SHA-256 fingerprint (hex, colons allowed) of the relay's own certificate, for a relay with a
    /// self-signed certificate: that one certificate is trusted even though no authority vouches for it.
    /// Every other certificate is checked as usual.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }

    public bool HasValidSecurity => string.IsNullOrWhiteSpace(Security) || ParseSecurity(Security) is not null;

    /// <summary><see cref="Security"/> when it is set, otherwise what <see cref="EnableSsl"/> has always meant.</summary>
    public SmtpSecurity EffectiveSecurity =>
        string.IsNullOrWhiteSpace(Security) ? (EnableSsl ? SmtpSecurity.StartTls : SmtpSecurity.None)
        : ParseSecurity(Security) ?? throw new FormatException($"Email:Smtp:Security \"{Security}\" is not one of None, StartTls, SslOnConnect, Auto.");

    public SecureSocketOptions SocketOptions => EffectiveSecurity switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>The pinned fingerprint as 64 upper-case hex digits, or null when none (or not a SHA-256 fingerprint).</summary>
    public string? PinnedCertificateSha256
    {
        get
        {
            if (string.IsNullOrWhiteSpace(TrustedCertificateThumbprint))
            {
                return null;
            }

            var hex = TrustedCertificateThumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
                .Trim().ToUpperInvariant();
            return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex : null;
        }
    }

    public bool HasValidPin => string.IsNullOrWhiteSpace(TrustedCertificateThumbprint) || PinnedCertificateSha256 is not null;

    // Names only: Enum.TryParse would also take "2" or "1,2".
    private static SmtpSecurity? ParseSecurity(string value) =>
        Enum.GetValues<SmtpSecurity>().Cast<SmtpSecurity?>()
            .FirstOrDefault(s => string.Equals(s.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase));
}
