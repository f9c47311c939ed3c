using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Hosting;

/// <summary>Section "Portal".</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The public address of the portal, used for links in emails.</summary>
    [Required(ErrorMessage = "Portal:BaseUrl is required (the portal's public address, used in email links).")]
    [Url(ErrorMessage = "Portal:BaseUrl must be an absolute http(s) address.")]
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public bool SeedDemoData { get; set; }

    /// <summary>Folder for the SQLite database, the development email pickup folder and the data-protection keys; relative to the app.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    [Range(1, 365, ErrorMessage = "Portal:RequestExpiryDays must be between 1 and 365.")]
    public int RequestExpiryDays { get; set; } = 14;

    [Range(1, 86400, ErrorMessage = "Portal:HousekeepingIntervalSeconds must be between 1 and 86400.")]
    public int HousekeepingIntervalSeconds { get; set; } = 300;

    /// <summary>Accounts nobody has signed in to for this many years are warned, then erased (UK GDPR storage limitation).</summary>
    [Range(1, 50, ErrorMessage = "Portal:UnusedAccountYears must be between 1 and 50.")]
    public int UnusedAccountYears { get; set; } = 3;

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataDirectory));
}

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string SqlServer = "SqlServer";

    public string Provider { get; set; } = Sqlite;
}

/// <summary>Section "RateLimits": per client address, per minute, on sign-in, registration, password reset and contact.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 100000, ErrorMessage = "RateLimits:PermitsPerMinute must be between 1 and 100000.")]
    public int PermitsPerMinute { get; set; } = 10;
}
