using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

public static class SignInRecord
{
    /// <summary>Notes a successful sign-in, so that the retention job knows the account is in use.</summary>
    public static Task<int> RecordSignInAsync(this PortalDbContext db, string email, DateTime now)
    {
        var normalized = email.ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedEmail == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignedInAt, now));
    }
}
