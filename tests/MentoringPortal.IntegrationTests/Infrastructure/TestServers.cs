using System.Globalization;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The servers ./test.sh starts for the whole run: a throwaway PostgreSQL and an SMTP server (aiosmtpd)
/// that stores every message it receives in a maildir. Tests fail, never skip, when they are missing.
/// A SQL Server is never started here: when PORTAL_TEST_SQLSERVER names one, the app under test uses it instead.
/// </summary>
public static class TestServers
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    public const string SqlServerVariable = "PORTAL_TEST_SQLSERVER";
    public const string SmtpPortVariable = "PORTAL_TEST_SMTP_PORT";
    public const string MailDirectoryVariable = "PORTAL_TEST_MAILDIR";

    /// <summary>Connection string of the PostgreSQL server (superuser, no database named).</summary>
    public static string PostgresConnectionString => Require(PostgresVariable);

    /// <summary>Connection string of a SQL Server (a login that may create databases, no database named), or null to test on PostgreSQL.</summary>
    public static string? SqlServerConnectionString =>
        Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Port of the shared SMTP server on 127.0.0.1.</summary>
    public static int SmtpPort
    {
        get
        {
            var value = Require(SmtpPortVariable);
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                ? port
                : throw new InvalidOperationException($"{SmtpPortVariable} must be a port number (it is \"{value}\").");
        }
    }

    /// <summary>The maildir the shared SMTP server writes to (messages land in its "new" folder).</summary>
    public static string MailDirectory => Require(MailDirectoryVariable);

    private static string Require(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"Environment variable {name} is not set. Run the tests through ./test.sh, which starts PostgreSQL and an SMTP server "
                + "(to run them from an IDE, start ./test.sh's servers yourself and export PORTAL_TEST_POSTGRES, "
                + "PORTAL_TEST_SMTP_PORT and PORTAL_TEST_MAILDIR).")
            : value;
    }
}
