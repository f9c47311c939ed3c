using System.Security.Claims;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.SignIn;

/// <summary>
/// The portal-wide sign-in rule for administrators ("sign in with your organisation"), for administrators of every
/// programme. Turning it on needs a configured provider, so nobody is left without a way in.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminSignInController(PortalDbContext db, SingleSignOnProviders providers) : Controller
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
    public async Task<IActionResult> Index([Bind(Prefix = "Form")] AdminSignInForm form, [FromServices] RequireSingleSignOnForAdministrators require,
        [FromServices] SignInManager<PortalUser> signIn, CancellationToken cancellationToken)
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

        if (form.AdministratorsUseSingleSignOn && !SignedInWithOrganisation())
        {
            ModelState.AddModelError("Form.AdministratorsUseSingleSignOn",
                $"Sign in with {string.Join(" or ", providers.All.Select(p => p.DisplayName))} first: that shows the organisation sign-in works for you before it becomes the only way in for administrators.");
            return View(ViewModel(form));
        }

        var ipAddress = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await require.RunAsync(form.AdministratorsUseSingleSignOn, User.Id(), ipAddress, cancellationToken)
            && form.AdministratorsUseSingleSignOn && await signIn.UserManager.GetUserAsync(User) is { } me)
        {
            // Every administrator's sessions ended, this one too: it was opened with the organisation sign-in, so it goes on.
            await signIn.RefreshSignInAsync(me);
        }

        TempData["Success"] = form.AdministratorsUseSingleSignOn
            ? "Administrators now sign in with their organisation account; their passwords and passkeys no longer sign them in, and every other administrator's sessions have ended."
            : "Administrators can sign in with a password or passkey again.";
        return Redirect("/admin/sign-in");
    }

    private bool SignedInWithOrganisation() => providers.ByScheme(User.FindFirstValue(ClaimTypes.AuthenticationMethod)) is not null;

    private AdminSignInViewModel ViewModel(AdminSignInForm form) => new([.. providers.All.Select(p => p.DisplayName)], form);
}

public sealed record AdminSignInViewModel(IReadOnlyList<string> Providers, AdminSignInForm Form);

public sealed class AdminSignInForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Administrators must sign in with their organisation account")]
    public bool AdministratorsUseSingleSignOn { get; set; }
}
