using System.Security.Claims;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using QRCoder;

namespace MentoringPortal.Web.Features.Security;

/// <summary>The signed-in person's second factors: an authenticator app with recovery codes, and passkeys.</summary>
[Authorize]
[Route("me/security")]
public sealed class SecurityController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn) : Controller
{
    private const string Issuer = "Mentoring portal";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl) =>
        await SecurityPageAsync(await CurrentUserAsync(), Url.IsLocalUrl(returnUrl) ? returnUrl : null);

    [HttpGet("authenticator")]
    public async Task<IActionResult> Authenticator()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return Redirect("/me/security");
        }

        return View(new AuthenticatorSetupViewModel(Group(await KeyAsync(user)), new AuthenticatorCodeForm()));
    }

    /// <summary>The QR code for the key, as an image the page can show under its Content-Security-Policy.</summary>
    [HttpGet("authenticator/qr-code")]
    public async Task<IActionResult> QrCode()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return NotFound();
        }

        var key = await KeyAsync(user);
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        Response.Headers.CacheControl = "no-store";
        return Content(svg, "image/svg+xml");
    }

    [HttpPost("authenticator")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Authenticator([Bind(Prefix = "Form")] AuthenticatorCodeForm form, [FromServices] TurnOnAuthenticator turnOn,
        CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return Redirect("/me/security");
        }

        if (ModelState.IsValid)
        {
            switch (await turnOn.RunAsync(user.Id, form.Code, cancellationToken))
            {
                case AuthenticatorTurnOn.TurnedOn on:
                    await RenewSessionAsync(on.User);
                    return View("RecoveryCodes", new RecoveryCodesViewModel(on.RecoveryCodes, JustTurnedOn: true));
                case AuthenticatorTurnOn.WrongCode wrong:
                    user = wrong.User;
                    ModelState.AddModelError("Form.Code", "That code is not right. Check the app shows the Mentoring portal entry, then enter the code it shows now.");
                    break;
                default:
                    return Redirect("/me/security");
            }
        }

        return View(new AuthenticatorSetupViewModel(Group(await KeyAsync(user)), form));
    }

    [HttpGet("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await CurrentUserAsync();
        return user.TwoFactorEnabled ? View("NewRecoveryCodes") : Redirect("/me/security");
    }

    [HttpPost("recovery-codes")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> NewRecoveryCodes([FromServices] MakeNewRecoveryCodes makeNew, CancellationToken cancellationToken) =>
        await makeNew.RunAsync((await CurrentUserAsync()).Id, cancellationToken) is { } codes
            ? View("RecoveryCodes", new RecoveryCodesViewModel(codes, JustTurnedOn: false))
            : Redirect("/me/security");

    [HttpGet("authenticator/turn-off")]
    public async Task<IActionResult> TurnOff()
    {
        var user = await CurrentUserAsync();
        return user.TwoFactorEnabled ? View() : Redirect("/me/security");
    }

    [HttpPost("authenticator/turn-off")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> TurnOffConfirmed([FromServices] TurnOffAuthenticator turnOff, CancellationToken cancellationToken)
    {
        if (await turnOff.RunAsync((await CurrentUserAsync()).Id, cancellationToken) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
            TempData["Success"] = "Two-factor sign-in with an authenticator app is off. Any recovery codes you had no longer work.";
        }

        return Redirect("/me/security");
    }

    /// <summary>The options the browser needs to create a passkey (called by passkeys.js).</summary>
    [HttpPost("passkeys/options")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> PasskeyCreationOptions()
    {
        var user = await CurrentUserAsync();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    [HttpPost("passkeys")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> AddPasskey([Bind(Prefix = "NewPasskey")] PasskeyForm form, [FromServices] AddPasskey addPasskey,
        CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(form.Credential))
        {
            ModelState.AddModelError("NewPasskey.Name", "Your browser did not create a passkey. Adding one needs JavaScript and a browser or device that supports passkeys.");
        }

        PasskeyAttestationResult? attestation = null;
        if (ModelState.IsValid)
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(form.Credential!);
            if (!attestation.Succeeded)
            {
                ModelState.AddModelError("NewPasskey.Name", "The passkey could not be added. Try again, or use another device.");
            }
        }

        if (!ModelState.IsValid || attestation?.Passkey is null)
        {
            return await SecurityPageAsync(user, returnUrl: null);
        }

        var name = form.Name.Trim();
        if (await addPasskey.RunAsync(user.Id, attestation.Passkey, name, cancellationToken) is not { } added)
        {
            ModelState.AddModelError("NewPasskey.Name", "The passkey could not be added. Try again, or use another device.");
            return await SecurityPageAsync(user, returnUrl: null);
        }

        // Creating a passkey proves the person holds it, so this session now counts as signed in with a second factor.
        await RenewSessionAsync(added);
        TempData["Success"] = $"Passkey “{name}” added. You can use it to sign in.";
        return Redirect("/me/security");
    }

    [HttpGet("passkeys/{id}/rename")]
    public async Task<IActionResult> RenamePasskey(string id)
    {
        var passkey = await PasskeyAsync(await CurrentUserAsync(), id);
        return passkey is null ? NotFound() : View(new PasskeyRenameViewModel(id, new PasskeyForm { Name = passkey.Name ?? string.Empty }));
    }

    [HttpPost("passkeys/{id}/rename")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> RenamePasskey(string id, [Bind(Prefix = "Form")] PasskeyForm form, [FromServices] RenamePasskey rename,
        CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        var passkey = await PasskeyAsync(user, id);
        if (passkey is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(new PasskeyRenameViewModel(id, form));
        }

        var name = form.Name.Trim();
        if (await rename.RunAsync(user.Id, passkey.CredentialId, name, cancellationToken) is not { } renamed)
        {
            return NotFound();
        }

        await signIn.RefreshSignInAsync(renamed); // keeps this session if the change gave the account a new security stamp
        TempData["Success"] = $"Passkey renamed to “{name}”.";
        return Redirect("/me/security");
    }

    [HttpGet("passkeys/{id}/remove")]
    public async Task<IActionResult> RemovePasskey(string id)
    {
        var passkey = await PasskeyAsync(await CurrentUserAsync(), id);
        return passkey is null ? NotFound() : View(new PasskeyRemoveViewModel(id, passkey.Name ?? "Passkey"));
    }

    [HttpPost("passkeys/{id}/remove")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> RemovePasskeyConfirmed(string id, [FromServices] RemovePasskey remove, CancellationToken cancellationToken)
    {
        var passkey = await PasskeyAsync(await CurrentUserAsync(), id);
        if (passkey is null || await remove.RunAsync(User.Id(), passkey.CredentialId, cancellationToken) is not { } removed)
        {
            return NotFound();
        }

        await signIn.RefreshSignInAsync(removed.User); // keeps this session; the others end with the new security stamp
        TempData["Success"] = $"Passkey “{removed.Name}” removed. It can no longer be used to sign in.";
        return Redirect("/me/security");
    }

    private async Task<PortalUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in person's account no longer exists.");

    private async Task<string> KeyAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which ends sessions (ADR-012); this one carries on.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key ?? throw new InvalidOperationException("No authenticator key could be made.");
    }

    /// <summary>The key in groups of four, which is easier to read and type.</summary>
    public static string Group(string key) =>
        string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();

    private async Task<UserPasskeyInfo?> PasskeyAsync(PortalUser user, string id)
    {
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }

        return await users.GetPasskeyAsync(user, credentialId);
    }

    private async Task<IActionResult> SecurityPageAsync(PortalUser user, string? returnUrl)
    {
        var passkeys = await users.GetPasskeysAsync(user);
        return View("Index", new SecurityViewModel(
            user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)),
            await users.CountRecoveryCodesAsync(user),
            passkeys.OrderBy(p => p.CreatedAt)
                .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt)).ToList(),
            User.IsInRole(Roles.Administrator),
            SecondFactorSession.UsedSecondFactor(User),
            returnUrl));
    }

    /// <summary>
    /// A new cookie for this session with the new security stamp (other sessions end with the old one),
    /// marked as made with a second factor because the person has just proved they hold it.
    /// </summary>
    private async Task RenewSessionAsync(PortalUser user)
    {
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user, current.Properties, [new Claim(SecondFactorSession.AmrClaim, SecondFactorSession.MultiFactor)]);
    }
}
