using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.SignIn;

/// <summary>
/// Turns the rule "administrators sign in with their organisation" on or off, audited. Turning it on ends every
/// administrator's sessions (a new security stamp each), so no session opened with a password or passkey outlives the rule.
/// </summary>
public sealed class RequireSingleSignOnForAdministrators(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    /// <summary>True when the rule changed; false when it already was as asked.</summary>
    public Task<bool> RunAsync(bool required, string byUserId, string? ipAddress, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(async _ =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var policy = await db.SignInPolicies.SingleOrDefaultAsync(p => p.Id == SignInPolicy.TheRow, cancellationToken);
            if (policy is null)
            {
                policy = new SignInPolicy(now);
                db.SignInPolicies.Add(policy);
            }

            if (policy.AdministratorsUseSingleSignOn == required)
            {
                return false;
            }

            policy.RequireSingleSignOnForAdministrators(required, byUserId, now);
            db.AuditEntries.Add(new AuditEntry(byUserId, AuditActions.SingleSignOnRequirementChanged, "Administrators' sign-in",
                required ? "Not required" : "Required", required ? "Required" : "Not required", now, ipAddress: ipAddress));
            await db.SaveChangesAsync(cancellationToken);
            if (required)
            {
                foreach (var administrator in await users.GetUsersInRoleAsync(Roles.Administrator))
                {
                    if (!(await users.UpdateSecurityStampAsync(administrator)).Succeeded)
                    {
                        throw new InvalidOperationException($"Could not end the sessions of administrator {administrator.Id}; nothing was changed.");
                    }
                }
            }

            return true;
        }, cancellationToken);
}
