namespace MentoringPortal.Web.Features.Sessions;

public sealed record SessionRow(string Id, string Device, string? IpAddress, DateTime SignedInAt, DateTime LastSeenAt, DateTime EndsAt, bool IsThisDevice);

public sealed record SessionsViewModel(IReadOnlyList<SessionRow> Sessions)
{
    public int Others => Sessions.Count(s => !s.IsThisDevice);
}
