using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MentoringPortal.Domain.Security;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace MentoringPortal.Web.Identity;

/// <summary>
/// Checks codes from an authenticator app (RFC 6238) like Identity's own provider, except that a code is
/// accepted once only: the time step of the last accepted code is kept with the person's tokens and no code
/// from that step or an earlier one is accepted again.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "PortalAuthenticator";
    private const string LastStepToken = "LastAcceptedTimeStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app makes the codes; the portal never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var code = Normalise(token);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code is null || string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var stored = await manager.GetAuthenticationTokenAsync(user, Name, LastStepToken);
        long? lastStep = long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        foreach (var step in OneTimeCodeWindow.AcceptableSteps(time.GetUtcNow(), lastStep))
        {
            var expected = totp.ComputeTotp(OneTimeCodeWindow.StartOf(step).UtcDateTime);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code)))
            {
                // Saving checks the person's concurrency stamp, so of two requests racing with one code only one succeeds.
                var saved = await manager.SetAuthenticationTokenAsync(user, Name, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
                return saved.Succeeded;
            }
        }

        return false;
    }

    /// <summary>Six digits, allowing the spaces and hyphens people type or paste between them; anything else is no code.</summary>
    public static string? Normalise(string? token)
    {
        var digits = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
