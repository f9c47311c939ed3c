using MentoringPortal.Web.Data;
using MentoringPortal.Web.Forms;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.AuditLog;

/// <summary>The audit log's reads: one page of entries within the administrator's programmes, filtered as asked.</summary>
public sealed class AuditLogSearch(PortalDbContext db)
{
    public const int PageSize = 25;

    public async Task<AuditLogViewModel> PageAsync(AuditQuery query, AdminScope scope, CancellationToken cancellationToken)
    {
        var programmes = await scope.Programmes(db).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new AuditProgramme(p.Id, p.Name)).ToListAsync(cancellationToken);

        var entries = await FilteredAsync(scope.AuditEntries(db).AsNoTracking(), query, scope, cancellationToken);
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Pagination.PageCountFor(total, PageSize);
        var page = Pagination.Clamp(query.Page, pageCount);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new AuditRow(e.At, e.ActorUserId != null,
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.Email).FirstOrDefault(),
                e.Action, e.Subject,
                db.Programmes.Where(p => p.Id == e.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                e.Before, e.After))
            .ToListAsync(cancellationToken);
        return new AuditLogViewModel(query, rows, total, page, pageCount, AuditActions.All, programmes);
    }

    /// <summary>Every entry the filters match, oldest first, for the CSV download.</summary>
    public async Task<IReadOnlyList<AuditCsvRow>> AllAsync(AuditQuery query, AdminScope scope, CancellationToken cancellationToken)
    {
        var entries = await FilteredAsync(scope.AuditEntries(db).AsNoTracking(), query, scope, cancellationToken);
        return await entries.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new AuditCsvRow(e.At,
                e.ActorUserId == null ? "The portal" : db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former member",
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.Email).FirstOrDefault(),
                e.Action, e.Subject,
                db.Programmes.Where(p => p.Id == e.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                e.Before, e.After))
            .ToListAsync(cancellationToken);
    }

    private async Task<IQueryable<AuditEntry>> FilteredAsync(IQueryable<AuditEntry> entries, AuditQuery query, AdminScope scope,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(query.Action) && AuditActions.All.Contains(query.Action, StringComparer.Ordinal))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        else
        {
            query.Action = null;
        }

        if (query.Programme is { } programmeId)
        {
            entries = entries.Where(e => e.ProgrammeId == programmeId);
        }

        if (query.Who?.Trim() is { Length: > 0 } who)
        {
            query.Who = who;
            // Few people ever act (administrators), so their names are matched here rather than in SQL, the same on both providers.
            var actorIds = await scope.AuditEntries(db).Where(e => e.ActorUserId != null).Select(e => e.ActorUserId!).Distinct()
                .ToListAsync(cancellationToken);
            var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
            var matching = actors.Where(u => u.DisplayName.Contains(who, StringComparison.OrdinalIgnoreCase)
                    || (u.Email ?? string.Empty).Contains(who, StringComparison.OrdinalIgnoreCase))
                .Select(u => u.Id).ToList();
            entries = entries.Where(e => e.ActorUserId != null && matching.Contains(e.ActorUserId));
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At >= start);
        }

        // The last possible day has no day after it, and filters nothing out.
        if (query.To is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }
}
