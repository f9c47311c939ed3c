using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Messages;

/// <summary>
/// The phone number a member chooses to share with the other member of their pairings, kept in the
/// account's own PhoneNumber column (used for nothing else), so erasing the account erases it.
/// Edited on the member's profile page (<c>_SharedPhoneField</c>), shown on the pairing page.
/// </summary>
public static class SharedPhoneNumber
{
    public const string Field = "PhoneNumber";

    public static Task<string?> ReadAsync(PortalDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Sets the number on the tracked account for the caller's save, or puts the problem beside the field.</summary>
    public static async Task<bool> TryApplyAsync(PortalDbContext db, ModelStateDictionary modelState, string userId, string? value,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        string? number;
        try
        {
            number = ContactPhone.Check(value);
        }
        catch (DomainRuleException rule)
        {
            modelState.AddModelError(Field, rule.Message);
            return false;
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.PhoneNumber = number;
        return true;
    }
}
