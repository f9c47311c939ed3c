using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Account;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace MentoringPortal.Web.Features.Invitations;

/// <summary>
/// Accepting an invitation from an import: choose a password, then signed in. A link that expired says so and offers a
/// fresh one by email; a used link says so and points to signing in.
/// </summary>
public sealed class InvitationsController(PortalDbContext db, TimeProvider time) : Controller
{
    [HttpGet("/account/invitation")]
    public async Task<IActionResult> Accept(string? id, string? token, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var invitationId) || string.IsNullOrEmpty(token))
        {
            return Closed(InvitationState.Invalid, string.Empty, string.Empty);
        }

        var (state, _, user) = await InvitationLinks.LoadAsync(db, invitationId, token, time.GetUtcNow().UtcDateTime, cancellationToken);
        return state == InvitationState.Open && user?.Email is { } email
            ? View(new InvitationViewModel(email, new InvitationForm { Id = id!, Token = token }))
            : Closed(state, id!, token);
    }

    [HttpPost("/account/invitation")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Accept(InvitationForm form, [FromServices] AcceptInvitation accept, [FromServices] PasswordSignIn signIn,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(form.Id, out var invitationId))
        {
            return Closed(InvitationState.Invalid, string.Empty, string.Empty);
        }

        if (ModelState.IsValid)
        {
            switch (await accept.RunAsync(invitationId, form.Token, form.Password, cancellationToken))
            {
                case InvitationAnswer.NotOpen notOpen:
                    return Closed(notOpen.State, form.Id, form.Token);
                case InvitationAnswer.Refused refused:
                    foreach (var error in refused.Errors)
                    {
                        ModelState.AddModelError(nameof(form.Password), error);
                    }

                    break;
                case InvitationAnswer.Accepted accepted:
                    if (await signIn.SignInAsync(accepted.Email, form.Password, rememberMe: false, cancellationToken) == PasswordSignInOutcome.SignedIn)
                    {
                        TempData["Success"] = "Your password is set and you are signed in. Welcome to the mentoring portal.";
                        return LocalRedirect("/me");
                    }

                    TempData["Success"] = "Your password is set. Sign in with your email address and your new password.";
                    return LocalRedirect("/account/login");
            }
        }

        var (state, _, user) = await InvitationLinks.LoadAsync(db, invitationId, form.Token, time.GetUtcNow().UtcDateTime, cancellationToken);
        return state == InvitationState.Open && user?.Email is { } email
            ? View(new InvitationViewModel(email, form))
            : Closed(state, form.Id, form.Token);
    }

    [HttpPost("/account/invitation/renew")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Renew(string? id, string? token, [FromServices] RenewInvitation renew, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var invitationId) && !string.IsNullOrEmpty(token)
            ? Closed(await renew.RunAsync(invitationId, token, cancellationToken), id!, token)
            : Closed(InvitationState.Invalid, string.Empty, string.Empty);

    private ViewResult Closed(InvitationState state, string id, string token) => View("Closed", new InvitationClosedViewModel(state, id, token));
}
