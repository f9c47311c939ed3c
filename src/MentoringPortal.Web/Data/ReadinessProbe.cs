namespace MentoringPortal.Web.Data;

/// <summary>
/// One row the readiness check writes to, so "ready" means the database takes writes, not only reads:
/// a full disk or a database switched to read-only answers queries but loses every form.
/// </summary>
public sealed class ReadinessProbe(int id, DateTime checkedAt)
{
    public const int TheRow = 1;

    public int Id { get; private set; } = id;

    public DateTime CheckedAt { get; private set; } = checkedAt;
}
