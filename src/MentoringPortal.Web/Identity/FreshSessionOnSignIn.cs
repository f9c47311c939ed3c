namespace MentoringPortal.Web.Identity;

/// <summary>
/// Signing in always starts a new session with a new key. Without this, a sign-in posted with a live session cookie
/// would re-use that cookie's key (the cookie handler renews the session it already has), so someone who planted
/// their own session cookie in a browser could share the session of the person who signs in there (session fixation).
/// The sign-in pages (GET and POST alike, the second step and passkey sign-in included, so that the form's antiforgery token is issued to and checked for the same
/// signed-out visitor) therefore never see the session cookie; the old session stays as it was, the new one gets its own key.
/// </summary>
public sealed class FreshSessionOnSignIn(RequestDelegate next)
{
    /// <summary>The sign-in cookie's name, as set in <c>Hosting/IdentityExtensions</c>.</summary>
    public const string CookieName = "portal.auth";

    /// <summary>Every page that signs a person in: password, second step, passkey, organisation sign-in.</summary>
    public static readonly string[] SignInPaths = ["/account/login", "/account/two-factor", "/account/passkey", "/account/sso"];

    public Task InvokeAsync(HttpContext context)
    {
        if (Array.Exists(SignInPaths, path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            && context.Request.Cookies.ContainsKey(CookieName))
        {
            var others = context.Request.Cookies.Where(c => c.Key != CookieName).Select(c => $"{c.Key}={c.Value}");
            context.Request.Headers.Cookie = string.Join("; ", others);
        }

        return next(context);
    }
}
