using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MentoringPortal.Web.Features.Security;

/// <summary>
/// Administrators reach administration pages only in a session opened with a second factor (an authenticator
/// code, a recovery code or a passkey); otherwise they are sent to set one up, or told to sign in with it.
/// </summary>
public sealed class AdministratorSecondFactorFilter : IAuthorizationFilter
{
    public const string SecurityPage = "/me/security";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var needsAdministrator = context.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Any(a => a.Policy == Policies.Administrator);
        var user = context.HttpContext.User;
        if (!needsAdministrator || user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Administrator)
            || SecondFactorSession.UsedSecondFactor(user))
        {
            return;
        }

        var request = context.HttpContext.Request;
        var returnUrl = HttpMethods.IsGet(request.Method) ? request.Path + request.QueryString : "/admin";
        context.Result = new RedirectResult($"{SecurityPage}?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}
