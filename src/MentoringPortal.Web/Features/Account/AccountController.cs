using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.SingleSignOn;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace MentoringPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    PortalDbContext db,
    PortalEmails emails,
    PasswordSignIn passwordSignIn) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] RegisterMember registerMember, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        switch (await registerMember.RunAsync(form.Email, form.DisplayName, form.Password, cancellationToken))
        {
            case MemberRegistration.Registered registered:
                return CheckYourEmail(registered.Email);
            case MemberRegistration.Refused refused:
                foreach (var error in refused.Errors)
                {
                    ModelState.AddModelError(error.Field switch
                    {
                        RegistrationField.Email => nameof(form.Email),
                        RegistrationField.Password => nameof(form.Password),
                        _ => string.Empty,
                    }, error.Message);
                }

                return View(form);
            default:
                throw new InvalidOperationException("Unknown registration outcome.");
        }
    }

    private ViewResult CheckYourEmail(string email) => View("Message", new MessageViewModel("Check your email",
        $"We have sent an email to {email}. Open the link in it to confirm your address, then sign in. The link works for one day."));

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || code is null)
        {
            return View("Message", new MessageViewModel("This link does not work",
                "The confirmation link is incomplete or out of date.", "Send a new link", "/account/resend-confirmation"));
        }

        var result = await users.ConfirmEmailAsync(user, AccountLinks.Decode(code));
        return result.Succeeded
            ? View("Message", new MessageViewModel("Email address confirmed", "Thank you. You can now sign in.", "Sign in", "/account/login"))
            : View("Message", new MessageViewModel("This link does not work",
                "The confirmation link has expired or has already been used.", "Send a new link", "/account/resend-confirmation"));
    }

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new EmailForm());

    [HttpPost("resend-confirmation")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> ResendConfirmation(EmailForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is { EmailConfirmed: false, Email: not null })
        {
            emails.ConfirmEmail(new Recipient(user.Email, user.DisplayName), await AccountLinks.ConfirmationLinkAsync(users, emails, user));
            await db.SaveChangesAsync(cancellationToken);
        }

        return View("Message", new MessageViewModel("Check your email",
            "If an unconfirmed account uses that address, we have sent it a new confirmation link."));
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] SignInPolicies policies, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var outcome = await passwordSignIn.SignInAsync(form.Email.Trim(), form.Password, form.RememberMe, cancellationToken);
        switch (outcome)
        {
            case PasswordSignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/me");
            case PasswordSignInOutcome.RequiresTwoFactor:
                return RedirectToAction("Code", "TwoFactor", new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
            case PasswordSignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, "Your account is locked for 15 minutes after too many failed attempts. Try again later, or reset your password.");
                break;
            case PasswordSignInOutcome.EmailNotConfirmed:
                ModelState.AddModelError(string.Empty, "Confirm your email address before signing in. We can send you a new confirmation link.");
                ViewData["ShowResend"] = true;
                break;
            case PasswordSignInOutcome.SingleSignOnRequired:
                ModelState.AddModelError(string.Empty, policies.RefusalMessage);
                break;
            case PasswordSignInOutcome.WrongEmailOrPassword:
            default:
                ModelState.AddModelError(nameof(form.Password), "The email address or password is not right. After 5 wrong attempts an account is locked for 15 minutes.");
                break;
        }

        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        // Nothing of the session stays in this browser's cache (ASVS 5.0, 14.3.1); cookies are left to the sign-out itself.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        TempData["Success"] = "You have signed out.";
        return LocalRedirect("/");
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new EmailForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> ForgotPassword(EmailForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is { Email: not null })
        {
            var code = AccountLinks.Encode(await users.GeneratePasswordResetTokenAsync(user));
            emails.ResetPassword(new Recipient(user.Email, user.DisplayName),
                emails.Link($"/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&code={code}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        // The same answer whether or not the address has an account, so nobody can probe for members.
        return View("Message", new MessageViewModel("Check your email",
            "If an account uses that address, we have sent it a link to choose a new password."));
    }

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? userId, string? code) =>
        userId is null || code is null
            ? View("Message", new MessageViewModel("This link does not work", "The reset link is incomplete.", "Ask for a new link", "/account/forgot-password"))
            : View(new ResetPasswordForm { UserId = userId, Code = code });

    [HttpPost("reset-password")]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form, [FromServices] ResetForgottenPassword reset,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (await reset.RunAsync(form.UserId, form.Code, form.Password, cancellationToken) is PasswordReset.Refused refused)
        {
            var invalidToken = refused.Errors.Any(e => e.Code == "InvalidToken");
            foreach (var error in refused.Errors)
            {
                ModelState.AddModelError(invalidToken ? string.Empty : nameof(form.Password),
                    invalidToken ? "This reset link has expired or has already been used. Ask for a new one." : error.Description);
            }

            return View(form);
        }

        return View("Message", new MessageViewModel("Password changed", "You can now sign in with your new password.", "Sign in", "/account/login"));
    }

    [HttpGet("change-password")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    [Authorize]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] ChangeOwnPassword change,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        switch (await change.RunAsync(User.Id(), form.CurrentPassword, form.NewPassword, cancellationToken))
        {
            case PasswordChange.Changed changed:
                await signIn.RefreshSignInAsync(changed.User);
                TempData["Success"] = "Your password has been changed. You have been signed out everywhere else.";
                return Redirect("/me/sessions");
            case PasswordChange.Refused refused:
                foreach (var error in refused.Errors)
                {
                    ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                        error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Your current password is not right." : error.Description);
                }

                return View(form);
            default:
                return Challenge();
        }
    }

    [HttpGet("access-denied")]
    [Authorize]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Error", StatusCodes.Status403Forbidden);
    }
}
