using MentoringPortal.Web.Features.SingleSignOn;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MentoringPortal.Web.Hosting;

/// <summary>Signing in with an organisation's OpenID Connect provider (docs/decisions/ADR-016-single-sign-on.md).</summary>
public static partial class SingleSignOnExtensions
{
    private static readonly string[] StandardScopes = ["openid", "profile", "email"];

    public static WebApplicationBuilder AddPortalSingleSignOn(this WebApplicationBuilder builder)
    {
        var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        var providers = SingleSignOnProviders.Read(builder.Configuration, allowHttp: local);
        builder.Services.AddSingleton(providers);

        var authentication = builder.Services.AddAuthentication();
        foreach (var provider in providers.All)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Authority = provider.Authority.ToString();
                options.RequireHttpsMetadata = provider.Authority.Scheme == Uri.UriSchemeHttps;
                options.ClientId = provider.ClientId;
                options.ClientSecret = provider.ClientSecret;
                options.CallbackPath = provider.CallbackPath;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = provider.ResponseMode == "query" ? OpenIdConnectResponseMode.Query : OpenIdConnectResponseMode.FormPost;
                options.UsePkce = true;
                options.Scope.Clear();
                foreach (var scope in StandardScopes.Concat(provider.Scopes).Distinct(StringComparer.Ordinal))
                {
                    options.Scope.Add(scope);
                }

                // The portal keeps no provider tokens: it needs who the person is, once, and nothing to call the provider with.
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.TokenValidationParameters.NameClaimType = "name";
                if (local)
                {
                    // Over plain http (Development, tests) a Secure or SameSite=None cookie would never come back.
                    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                    options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.NonceCookie.SameSite = SameSiteMode.Lax;
                }

                options.Events.OnRemoteFailure = context =>
                {
                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<SingleSignOnController>>();
                    LogFailure(logger, provider.Key, context.Failure?.GetType().Name ?? "unknown", context.Failure?.Message ?? string.Empty);
                    context.Response.Redirect("/account/sso/failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddScoped<SingleSignOnLinkTokens>();
        builder.Services.AddScoped<SingleSignOnSession>();
        builder.Services.AddScoped<SignInPolicies>();
        builder.Services.AddScoped<ExternalSignIn>();
        builder.Services.AddScoped<PendingLinks>();
        builder.Services.AddScoped<LinkWithPassword>();
        builder.Services.AddScoped<SendLinkEmail>();
        builder.Services.AddScoped<LinkByEmail>();
        builder.Services.AddScoped<RemoveOrganisationSignIn>();
        return builder;
    }

    // The failure's message only: IdentityModel hides personal data and tokens in it unless ShowPII is turned on, which the portal never does.
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Single sign-on with {Provider} failed: {FailureType} {FailureMessage}")]
    private static partial void LogFailure(ILogger logger, string provider, string failureType, string failureMessage);
}
