using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.SignIn;

/// <summary>
/// The portal-wide sign-in rule for administrators ("sign in with your organisation"), for administrators of every
/// programme. Turning it on needs a configured provider, so nobody is left without a way in.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminSignInController(PortalDbContext db, SingleSignOnProviders providers, TimeProvider time) : Controller
{
    [HttpGet("/admin/sign-in")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!(await AdminScope.ForAsync(db, User, cancellationToken)).AllProgrammes)
        {
            return NotFound();
        }

        var required = await db.SignInPolicies.AsNoTracking().AnyAsync(p => p.Id == SignInPolicy.TheRow && p.AdministratorsUseSingleSignOn, cancellationToken);
        return View(ViewModel(new AdminSignInForm { AdministratorsUseSingleSignOn = required }));
    }

    [HttpPost("/admin/sign-in")]
    public async Task<IActionResult> Index([Bind(Prefix = "Form")] AdminSignInForm form, CancellationToken cancellationToken)
    {
        if (!(await AdminScope.ForAsync(db, User, cancellationToken)).AllProgrammes)
        {
            return NotFound();
        }

        if (form.AdministratorsUseSingleSignOn && !providers.Any)
        {
            ModelState.AddModelError("Form.AdministratorsUseSingleSignOn",
                "No organisation sign-in is configured, so administrators would have no way to sign in. Configure a provider first (Authentication:OpenIdConnect).");
            return View(ViewModel(form));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var policy = await db.SignInPolicies.SingleOrDefaultAsync(p => p.Id == SignInPolicy.TheRow, cancellationToken);
        if (policy is null)
        {
            policy = new SignInPolicy(now);
            db.SignInPolicies.Add(policy);
        }

        var before = policy.AdministratorsUseSingleSignOn;
        if (before != form.AdministratorsUseSingleSignOn)
        {
            policy.RequireSingleSignOnForAdministrators(form.AdministratorsUseSingleSignOn, User.Id(), now);
            db.AuditEntries.Add(new AuditEntry(User.Id(), AuditActions.SingleSignOnRequirementChanged, "Administrators' sign-in",
                before ? "Required" : "Not required", form.AdministratorsUseSingleSignOn ? "Required" : "Not required", now,
                ipAddress: HttpContext.Connection.RemoteIpAddress?.ToString()));
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Success"] = form.AdministratorsUseSingleSignOn
            ? "Administrators now sign in with their organisation account; their passwords and passkeys no longer sign them in."
            : "Administrators can sign in with a password or passkey again.";
        return Redirect("/admin/sign-in");
    }

    private AdminSignInViewModel ViewModel(AdminSignInForm form) => new([.. providers.All.Select(p => p.DisplayName)], form);
}

public sealed record AdminSignInViewModel(IReadOnlyList<string> Providers, AdminSignInForm Form);

public sealed class AdminSignInForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Administrators must sign in with their organisation account")]
    public bool AdministratorsUseSingleSignOn { get; set; }
}
