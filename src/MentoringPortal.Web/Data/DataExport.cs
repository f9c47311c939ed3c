namespace MentoringPortal.Web.Data;

public enum DataExportStatus
{
    Queued = 0,
    Ready = 1,
    Failed = 2,
}

/// <summary>
/// One "download my data" request and, once built, its ZIP. The file is kept in the database so
/// that any instance can serve it, and it is removed when the link expires.
/// </summary>
public sealed class DataExport
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private DataExport()
    {
        UserId = string.Empty;
    }

    public DataExport(string userId, DateTime now)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        RequestedAt = now;
        Status = DataExportStatus.Queued;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public DataExportStatus Status { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime? ReadyAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public byte[]? Content { get; private set; }

    public bool IsQueued => Status == DataExportStatus.Queued;

    public bool IsAvailable(DateTime now) => Status == DataExportStatus.Ready && Content is not null && now < ExpiresAt;

    public void Complete(byte[] zip, DateTime now)
    {
        Content = zip;
        ReadyAt = now;
        ExpiresAt = now + Lifetime;
        Status = DataExportStatus.Ready;
    }

    public void Fail() => Status = DataExportStatus.Failed;

    /// <summary>Removes the file once the link has expired; the row stays to show the page's history.</summary>
    public void DiscardContent() => Content = null;
}
