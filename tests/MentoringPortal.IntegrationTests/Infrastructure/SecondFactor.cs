using System.Net;
using MentoringPortal.Domain.Security;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Second factors for tests. Administrators must sign in with one, so test administrators get an authenticator
/// (<c>EnableAuthenticatorAsync</c>), and signing in completes the real second step with a fresh recovery
/// code made through the app's UserManager: an authenticator code works only once, and tests sign in as the
/// same administrator many times a minute.
/// </summary>
public static class SecondFactor
{
    public const string CodePath = "/account/two-factor";
    public const string RecoveryPath = "/account/two-factor/recovery";

    /// <summary>Gives the person an authenticator key and turns two-factor sign-in on; returns the key.</summary>
    public static async Task<string> EnableAuthenticatorAsync(UserManager<PortalUser> users, PortalUser user)
    {
        await users.ResetAuthenticatorKeyAsync(user);
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException("Could not turn on two-factor sign-in: " + string.Join("; ", enabled.Errors.Select(e => e.Description)));
        }

        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>Gives the person with this address an authenticator and turns two-factor sign-in on; returns the key.</summary>
    public static Task<string> EnableAuthenticatorAsync(IServiceProvider rootServices, string email) => InScopeAsync(rootServices, async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        return await EnableAuthenticatorAsync(users, await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}."));
    });

    /// <summary>The code an authenticator app shows at <paramref name="time"/> for <paramref name="key"/> (base32, spaces allowed).</summary>
    public static string CodeAt(string key, DateTimeOffset time) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()))
            .ComputeTotp(OneTimeCodeWindow.StartOf(OneTimeCodeWindow.StepAt(time)).UtcDateTime);

    /// <summary>Whether a response to the password form asks for the second step.</summary>
    public static bool AsksForSecondStep(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
        && new Uri(new Uri("http://localhost"), location).AbsolutePath.Equals(CodePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>A new single recovery code for the person (their other codes stop working).</summary>
    public static Task<string> NewRecoveryCodeAsync(IServiceProvider rootServices, string email) => InScopeAsync(rootServices, async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1))!.Single();
    });

    /// <summary>Completes the second step of signing in on <paramref name="client"/>, after the password was accepted.</summary>
    public static async Task CompleteWithRecoveryCodeAsync(IServiceProvider rootServices, HttpClient client, string email)
    {
        var code = await NewRecoveryCodeAsync(rootServices, email);
        using var response = await Forms.SubmitAsync(client, RecoveryPath, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RecoveryCode"] = code,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Forms.ParseHtmlAsync(response);
            var errors = string.Join(" | ", page.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()));
            throw new InvalidOperationException($"The second step of signing in as {email} failed: {(int)response.StatusCode}. {errors}");
        }
    }

    private static async Task<T> InScopeAsync<T>(IServiceProvider rootServices, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = rootServices.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
