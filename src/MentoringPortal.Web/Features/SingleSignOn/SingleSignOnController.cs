using MentoringPortal.Web.Features.Account;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace MentoringPortal.Web.Features.SingleSignOn;

/// <summary>Signing in with an organisation's provider, linking it to an existing account, and removing a link.</summary>
public sealed class SingleSignOnController(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SingleSignOnProviders providers, PendingLinks pendingLinks) : Controller
{
    private const string LockedOut = "Your account is locked for 15 minutes after too many failed attempts. Try again later.";

    [HttpPost("/account/sso/start/{key}")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public IActionResult Start(string key, string? returnUrl)
    {
        if (providers.ByKey(key) is not { } provider)
        {
            return NotFound();
        }

        var callback = "/account/sso/callback" + (Url.IsLocalUrl(returnUrl) ? $"?returnUrl={Uri.EscapeDataString(returnUrl)}" : string.Empty);
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(provider.Scheme, callback), provider.Scheme);
    }

    [HttpGet("/account/sso/callback")]
    public async Task<IActionResult> Callback(string? returnUrl, [FromServices] ExternalSignIn externalSignIn, CancellationToken cancellationToken)
    {
        var local = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        return await externalSignIn.RunAsync(cancellationToken) switch
        {
            ExternalSignInOutcome.Session { Result: var result, NewMember: var isNew } => AfterSignIn(result, isNew ? "/me" : local),
            ExternalSignInOutcome.ProveItIsYou => Redirect("/account/sso/link" + (local is null ? string.Empty : $"?returnUrl={Uri.EscapeDataString(local)}")),
            ExternalSignInOutcome.NotVerified notVerified => LoginWithError(
                $"{notVerified.ProviderName} has not confirmed that your email address is yours, so we cannot sign you in with it. Sign in with your email address and password, or register if you are new."),
            ExternalSignInOutcome.NoEmail noEmail => LoginWithError(
                $"{noEmail.ProviderName} did not tell us your email address, so we cannot sign you in with it. Sign in with your email address and password instead."),
            _ => LoginWithError("Signing in with your organisation did not work. Try again, or sign in with your email address and password."),
        };
    }

    /// <summary>Where the provider's failures land (a refused token, a cancelled sign-in): the reason is logged, not shown.</summary>
    [HttpGet("/account/sso/failed")]
    public IActionResult Failed() =>
        LoginWithError("Signing in with your organisation did not work. Try again, or sign in with your email address and password.");

    [HttpGet("/account/sso/link")]
    public async Task<IActionResult> Link(string? returnUrl) =>
        await LinkPageAsync(new LinkWithPasswordForm { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [HttpPost("/account/sso/link")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Link([Bind(Prefix = "Form")] LinkWithPasswordForm form, [FromServices] LinkWithPassword link,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LinkPageAsync(form);
        }

        switch (await link.RunAsync(form.Password, form.Code, cancellationToken))
        {
            case PasswordLinkOutcome.Linked linked:
                TempData["Success"] = "Your organisation sign-in is now linked to your account.";
                return AfterSignIn(linked.Result, Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null);
            case PasswordLinkOutcome.WrongPassword:
                ModelState.AddModelError("Form.Password", "That password is not right. After 5 wrong attempts an account is locked for 15 minutes.");
                return await LinkPageAsync(form);
            case PasswordLinkOutcome.CodeNeeded:
                ModelState.AddModelError("Form.Code", "Your account uses two-factor sign-in: enter the code from your authenticator app, or a recovery code.");
                return await LinkPageAsync(form);
            case PasswordLinkOutcome.WrongCode:
                ModelState.AddModelError("Form.Code", "That code is not right. Enter the code your authenticator app shows now, or an unused recovery code.");
                return await LinkPageAsync(form);
            case PasswordLinkOutcome.LockedOut:
                ModelState.AddModelError("Form.Password", LockedOut);
                return await LinkPageAsync(form);
            default:
                return LoginWithError("Your organisation sign-in timed out. Sign in with your organisation again.");
        }
    }

    [HttpPost("/account/sso/link/email")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> LinkByEmail([FromServices] SendLinkEmail send, CancellationToken cancellationToken) =>
        await send.RunAsync(cancellationToken) is { } email
            ? View("Message", new MessageViewModel("Check your email",
                $"We have sent an email to {email}. Open the link in it within an hour to link your organisation sign-in, then sign in with your organisation again."))
            : LoginWithError("Your organisation sign-in timed out. Sign in with your organisation again.");

    [HttpGet("/account/sso/link/confirm")]
    public async Task<IActionResult> ConfirmLink(string? token, [FromServices] LinkByEmail link) =>
        await link.PreviewAsync(token) is { } request
            ? View(new ConfirmLinkViewModel(request.ProviderName, request.IdentityName, token!))
            : LinkDoesNotWork();

    [HttpPost("/account/sso/link/confirm")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> ConfirmLink([FromForm] string? token, [FromServices] LinkByEmail link, CancellationToken cancellationToken) =>
        await link.RunAsync(token, cancellationToken) is EmailLinkOutcome.Linked linked
            ? View("Message", new MessageViewModel("Sign-in linked",
                $"You can now sign in with {linked.ProviderName}. Your password, if you have one, still works too.", "Sign in", "/account/login"))
            : LinkDoesNotWork();

    [Authorize]
    [HttpPost("/me/security/organisation-sign-ins/remove")]
    public async Task<IActionResult> Remove(string loginProvider, string providerKey, [FromServices] RemoveOrganisationSignIn remove,
        CancellationToken cancellationToken)
    {
        switch (await remove.RunAsync(User.Id(), loginProvider, providerKey, cancellationToken))
        {
            case SignInRemoval.Removed removed:
                await signIn.RefreshSignInAsync(removed.User);
                TempData["Success"] = $"You can no longer sign in with {removed.Name}.";
                return Redirect("/me/security");
            case SignInRemoval.OnlyWayIn only:
                TempData["Problem"] = $"{only.Name} is your only way to sign in, so it cannot be removed. Choose a password first (“Forgotten your password?” on the sign-in page sends you a link), or add a passkey.";
                return Redirect("/me/security");
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> LinkPageAsync(LinkWithPasswordForm form)
    {
        if (await pendingLinks.FindAsync() is not { } pending)
        {
            return LoginWithError("Your organisation sign-in timed out. Sign in with your organisation again.");
        }

        return View("Link", new LinkViewModel(pending.Provider.DisplayName, pending.Identity.Email,
            await users.HasPasswordAsync(pending.User), await users.GetTwoFactorEnabledAsync(pending.User), form));
    }

    private IActionResult AfterSignIn(SingleSignOnResult result, string? returnUrl) => result switch
    {
        SingleSignOnResult.SignedIn => LocalRedirect(returnUrl ?? "/me"),
        SingleSignOnResult.RequiresTwoFactor => RedirectToAction("Code", "TwoFactor", new { returnUrl }),
        SingleSignOnResult.LockedOut => LoginWithError(LockedOut),
        _ => LoginWithError("Confirm your email address before signing in. We can send you a new confirmation link."),
    };

    private RedirectResult LoginWithError(string message)
    {
        TempData["Problem"] = message;
        return Redirect("/account/login");
    }

    private ViewResult LinkDoesNotWork() => View("Message", new MessageViewModel("This link does not work",
        "The link has expired, has already been used, or your account has changed since it was sent. Sign in with your organisation again to get a new one.",
        "Sign in", "/account/login"));
}
