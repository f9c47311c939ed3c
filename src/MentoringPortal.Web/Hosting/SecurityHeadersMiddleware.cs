using MentoringPortal.Web.Identity;

namespace MentoringPortal.Web.Hosting;

/// <summary>Security headers on every response. The CSP allows no inline script or style, so views keep both in files.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, SingleSignOnProviders providers)
{
    // "Sign in with <organisation>" posts a form that redirects to the provider, and browsers check form-action on the redirect too.
    private readonly string _contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
        + string.Concat(providers.All.Select(p => " " + p.Authority.GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal))
        + "; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
