using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.Admin.Mentors;

/// <summary>What a change an administrator makes to a mentor's record came to, for the controller to show.</summary>
public abstract record MentorChange
{
    private MentorChange()
    {
    }

    /// <summary>No such mentor within the administrator's programmes: a 404.</summary>
    public sealed record NotFound : MentorChange;

    /// <summary>A rule of the scheme refused the change; nothing changed.</summary>
    public sealed record Refused(string Reason) : MentorChange;

    /// <summary>The record changed at the same moment (perhaps the mentor edited it); nothing changed.</summary>
    public sealed record ChangedMeanwhile : MentorChange;

    /// <summary>The change is saved; <paramref name="Emailed"/> says whether the mentor was emailed about it.</summary>
    public sealed record Changed(string MentorName, int Capacity, bool Emailed) : MentorChange;

    internal static Changed Saved(Mentor mentor, bool emailed = false) => new(mentor.DisplayName, mentor.Capacity, emailed);
}

/// <summary>The audit rows of a change to a mentor's record.</summary>
internal static class MentorAudit
{
    /// <summary>One entry for each of the mentor's programmes, so each programme's administrators see it.</summary>
    public static void Add(PortalDbContext db, Mentor mentor, string administratorUserId, string action, string? before, string? after, DateTime now)
    {
        var subject = $"{mentor.DisplayName} (mentor {mentor.Id})";
        var programmeIds = mentor.Programmes.Count == 0 ? [null] : mentor.Programmes.Select(p => (int?)p.Id).ToList();
        foreach (var programmeId in programmeIds)
        {
            db.AuditEntries.Add(new AuditEntry(administratorUserId, action, subject, before, after, now, programmeId));
        }
    }
}
