using System.Globalization;

namespace MentoringPortal.Web.Features.Admin.AuditLog;

/// <summary>The log's filters, read from the query string.</summary>
public sealed class AuditQuery
{
    public string? Action { get; set; }

    public int? Programme { get; set; }

    public string? Who { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>This list's address with the same filters, on another page.</summary>
    public string LinkTo(int page)
    {
        var parts = new List<string>();
        Add(parts, "action", Action);
        Add(parts, "programme", Programme?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "who", Who);
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/admin/audit" : "/admin/audit?" + string.Join('&', parts);
    }

    /// <summary>The CSV download of every entry these filters match.</summary>
    public string CsvLink()
    {
        var list = LinkTo(1);
        var query = list.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? "/admin/audit.csv" : "/admin/audit.csv" + list[query..];
    }

    public bool IsFiltered => !string.IsNullOrEmpty(Action) || Programme is not null || !string.IsNullOrWhiteSpace(Who) || From is not null || To is not null;

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}

public sealed record AuditRow(DateTime At, bool HasActor, string? ActorName, string? ActorEmail, string Action, string Subject, string? Programme,
    string? Before, string? After)
{
    public string When => At.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public string WhenMachine => At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

public sealed record AuditProgramme(int Id, string Name);

public sealed record AuditLogViewModel(AuditQuery Query, IReadOnlyList<AuditRow> Entries, int Total, int Page, int PageCount,
    IReadOnlyList<string> Actions, IReadOnlyList<AuditProgramme> Programmes);

/// <summary>One entry of the audit log's CSV download; times in UTC, as the log keeps them.</summary>
public sealed record AuditCsvRow(
    [property: CsvHelper.Configuration.Attributes.Name("at_utc")][property: CsvHelper.Configuration.Attributes.Format("yyyy-MM-ddTHH:mm:ssZ")] DateTime At,
    [property: CsvHelper.Configuration.Attributes.Name("who")] string Who,
    [property: CsvHelper.Configuration.Attributes.Name("who_email")] string? WhoEmail,
    [property: CsvHelper.Configuration.Attributes.Name("what")] string Action,
    [property: CsvHelper.Configuration.Attributes.Name("subject")] string Subject,
    [property: CsvHelper.Configuration.Attributes.Name("programme")] string? Programme,
    [property: CsvHelper.Configuration.Attributes.Name("before")] string? Before,
    [property: CsvHelper.Configuration.Attributes.Name("after")] string? After);
