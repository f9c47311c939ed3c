using System.Security.Claims;
using System.Text.Json;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Security;
using MentoringPortal.Web.Features.SingleSignOn;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace MentoringPortal.Web.Features.TwoFactor;

/// <summary>The second step of signing in (an authenticator or recovery code), and signing in with a passkey.</summary>
[Route("account")]
public sealed class TwoFactorController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    PortalDbContext db,
    SecurityEvents events,
    TimeProvider time) : Controller
{
    private const string LockedOut = "Your account is locked for 15 minutes after too many failed attempts. Try again later.";

    [HttpGet("two-factor")]
    public async Task<IActionResult> Code(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect("/account/login")
            : View(new TwoFactorCodeForm { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost("two-factor")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Code(TwoFactorCodeForm form, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/login");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var lockedBefore = await users.IsLockedOutAsync(user);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Code, form.RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await SignedInAsync(user);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/me");
        }

        if (!lockedBefore)
        {
            await RecordFailureAsync(user, "Authenticator code", cancellationToken);
        }

        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut || await users.IsLockedOutAsync(user)
            ? LockedOut
            : "That code is not right, or has already been used. Enter the code your app shows now.");
        return View(form);
    }

    [HttpGet("two-factor/recovery")]
    public async Task<IActionResult> Recovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect("/account/login")
            : View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [HttpPost("two-factor/recovery")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Recovery(RecoveryCodeForm form, [FromServices] RecordRecoveryCodeFailure recordFailure,
        CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/login");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(nameof(form.RecoveryCode), LockedOut);
            return View(form);
        }

        var code = form.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            events.Record(user, AuditActions.RecoveryCodeUsed, $"{await users.CountRecoveryCodesAsync(user)} left");
            await db.SaveChangesAsync(cancellationToken);
            await SignedInAsync(user);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/me");
        }

        ModelState.AddModelError(nameof(form.RecoveryCode), await recordFailure.RunAsync(user.Id, cancellationToken)
            ? LockedOut
            : "That recovery code is not right, or has already been used.");
        return View(form);
    }

    /// <summary>The options the browser needs to sign in with a passkey (called by passkeys.js).</summary>
    [HttpPost("passkey/options")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> PasskeyRequestOptions()
    {
        // After a right password, only that person's passkeys are offered; on the sign-in page, any passkey of the site.
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        return Content(await signIn.MakePasskeyRequestOptionsAsync(user), "application/json");
    }

    [HttpGet("passkey")]
    public IActionResult Passkey(string? returnUrl) => View(new PasskeySignInForm { ReturnUrl = returnUrl });

    [HttpPost("passkey")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Passkey(PasskeySignInForm form, [FromServices] SignInPolicies policies, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Credential))
        {
            ModelState.AddModelError(string.Empty, "Your browser did not use a passkey. Signing in with a passkey needs JavaScript and a browser or device that supports passkeys.");
            return View(form);
        }

        var result = await signIn.PasskeySignInAsync(form.Credential);
        if (result.Succeeded)
        {
            // Identity's passkey sign-in does not say in the cookie how the person signed in; a passkey with user
            // verification (which the portal requires) is something they have and something they are or know.
            if (await PasskeyOwnerAsync(form.Credential) is { } user)
            {
                if (await policies.RefusesLocalSignInAsync(user, cancellationToken))
                {
                    // Known only now that the passkey proved right, so the session Identity just opened is closed again.
                    await signIn.SignOutAsync();
                    ModelState.AddModelError(string.Empty, policies.RefusalMessage);
                    return View(form);
                }

                await signIn.SignInWithClaimsAsync(user, isPersistent: false,
                [
                    new Claim(SecondFactorSession.AmrClaim, SecondFactorSession.MultiFactor),
                    new Claim(ClaimTypes.AuthenticationMethod, SecondFactorSession.Passkey),
                ]);
                await SignedInAsync(user);
            }

            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/me");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? LockedOut
            : "That passkey could not sign you in. Try again, or sign in with your email address and password.");
        return View(form);
    }

    /// <summary>Notes a completed sign-in: logged, and the last sign-in kept for the retention rule.</summary>
    private async Task SignedInAsync(PortalUser user)
    {
        events.SignedIn(user);
        await db.RecordSignInAsync(user.Email!, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The owner of the passkey in a credential that Identity has just verified.</summary>
    private async Task<PortalUser?> PasskeyOwnerAsync(string credentialJson)
    {
        using var credential = JsonDocument.Parse(credentialJson);
        var id = credential.RootElement.TryGetProperty("id", out var value) ? value.GetString() : null;
        return id is null ? null : await users.FindByPasskeyIdAsync(WebEncoders.Base64UrlDecode(id));
    }

    private async Task RecordFailureAsync(PortalUser user, string what, CancellationToken cancellationToken)
    {
        events.Record(user, AuditActions.SecondFactorFailed, what);
        await db.SaveChangesAsync(cancellationToken);
    }
}
