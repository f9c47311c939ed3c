using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>The signed-in person's linked organisation sign-ins, on /me/security.</summary>
public sealed class OrganisationSignInsViewComponent(UserManager<PortalUser> users, SingleSignOnProviders providers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = await users.GetUserAsync(UserClaimsPrincipal);
        var logins = user is null ? [] : await users.GetLoginsAsync(user);
        if (logins.Count == 0 && !providers.Any)
        {
            return Content(string.Empty);
        }

        return View("~/Features/SingleSignOn/OrganisationSignIns.cshtml", new OrganisationSignInsViewModel(
            [.. logins.Select(l => new OrganisationSignInRow(l.LoginProvider, l.ProviderKey, providers.DisplayNameOf(l.LoginProvider, l.ProviderDisplayName)))],
            [.. providers.All.Select(p => p.DisplayName)]));
    }
}
