using System.Security.Claims;
using MentoringPortal.Web.Features.Security;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentoringPortal.Web.Hosting;

/// <summary>Two-factor sign-in: authenticator codes that work once, passkeys, and the second factor administrators need.</summary>
public static class TwoFactorExtensions
{
    public static IdentityBuilder AddPortalTwoFactor(this IdentityBuilder identity)
    {
        var services = identity.Services;
        identity.AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name);
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        });
        services.TryAddScoped<IPasskeyHandler<PortalUser>, PasskeyHandler<PortalUser>>();

        // A passkey counts as a second factor only because the device checks the person (screen lock) each time.
        services.Configure<IdentityPasskeyOptions>(options => options.UserVerificationRequirement = "required");

        // The cookie is re-issued when the security stamp is checked; without this the session would forget
        // that it was opened with a second factor, and an administrator would be sent away mid-task.
        services.PostConfigure<SecurityStampValidatorOptions>(options =>
        {
            var previous = options.OnRefreshingPrincipal;
            options.OnRefreshingPrincipal = async context =>
            {
                if (previous is not null)
                {
                    await previous(context);
                }

                var identity = context.NewPrincipal?.Identities.FirstOrDefault();
                if (identity is not null && context.CurrentPrincipal is { } current)
                {
                    foreach (var claim in current.Claims.Where(SecondFactorSession.IsMethodClaim))
                    {
                        if (!identity.HasClaim(claim.Type, claim.Value))
                        {
                            identity.AddClaim(new Claim(claim.Type, claim.Value));
                        }
                    }
                }
            };
        });

        services.AddScoped<AdministratorSecondFactorFilter>();
        services.Configure<MvcOptions>(options => options.Filters.AddService<AdministratorSecondFactorFilter>());
        return identity;
    }
}
