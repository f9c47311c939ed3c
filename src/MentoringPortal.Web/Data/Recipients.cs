using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

public static class Recipients
{
    /// <summary>The email addresses of the given users, by user id. Users without an address (deleted accounts) are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EmailsAsync(this PortalDbContext db, IEnumerable<string?> userIds,
        CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await db.Users.Where(u => ids.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, StringComparer.Ordinal, cancellationToken);
    }

    public static Recipient? For(this IReadOnlyDictionary<string, string> emails, string? userId, string name) =>
        userId is not null && emails.TryGetValue(userId, out var email) ? new Recipient(email, name) : null;
}
