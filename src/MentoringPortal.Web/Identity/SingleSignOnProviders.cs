using System.Text.RegularExpressions;
using MentoringPortal.Web.Hosting;

namespace MentoringPortal.Web.Identity;

/// <summary>
/// One organisation's OpenID Connect provider, as configured under <c>Authentication:OpenIdConnect:&lt;Key&gt;</c>; the scheme is
/// <c>oidc-key</c> and the callback <c>/signin-oidc-key</c>.
/// <c>EmailVerifiedByProvider</c>: the provider's email counts as verified even without <c>email_verified</c> (Microsoft Entra ID
/// leaves it out; set it only when the organisation owns every address its accounts carry). It only decides whether a new
/// account's address is confirmed: an existing account is never linked without the person proving it is theirs.
/// <c>MultiFactorByProvider</c>: the provider always asks for a second factor (e.g. an Entra ID conditional-access policy), so
/// its sign-ins count as two-factor even when the token does not say <c>amr: mfa</c>.
/// </summary>
public sealed record SingleSignOnProvider(
    string Key,
    string DisplayName,
    Uri Authority,
    string ClientId,
    string ClientSecret,
    IReadOnlyList<string> Scopes,
    string ResponseMode,
    bool EmailVerifiedByProvider,
    bool MultiFactorByProvider)
{
    public string Scheme => $"oidc-{Key}";

    public string CallbackPath => $"/signin-oidc-{Key}";
}

/// <summary>The organisation sign-ins the portal offers, read and checked once at start.</summary>
public sealed partial class SingleSignOnProviders(IReadOnlyList<SingleSignOnProvider> all)
{
    public const string Section = "Authentication:OpenIdConnect";

    public IReadOnlyList<SingleSignOnProvider> All { get; } = all;

    public bool Any => All.Count > 0;

    public SingleSignOnProvider? ByKey(string? key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    public SingleSignOnProvider? ByScheme(string? scheme) => All.FirstOrDefault(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));

    /// <summary>The name people know a sign-in by: the configured display name, or the provider's own if it is no longer configured.</summary>
    public string DisplayNameOf(string scheme, string? storedName) => ByScheme(scheme)?.DisplayName ?? storedName ?? scheme;

    /// <summary>
    /// Reads every provider; a missing or wrong setting stops the start with one line that names it. With
    /// <paramref name="allowHttp"/> (Development and tests) a provider may be on http://; everywhere else it must be https://.
    /// </summary>
    public static SingleSignOnProviders Read(IConfiguration configuration, bool allowHttp)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = new List<SingleSignOnProvider>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var name = $"{Section}:{section.Key}";
            if (!KeyPattern().IsMatch(section.Key))
            {
                throw new PortalStartupException($"{name}: the provider's key may hold only lower-case letters, digits and '-' (it becomes part of the callback address /signin-oidc-<key>).");
            }

            string Required(string setting, string what) =>
                string.IsNullOrWhiteSpace(section[setting])
                    ? throw new PortalStartupException($"{name}:{setting} is missing. Set it to {what}.")
                    : section[setting]!.Trim();

            var authorityText = Required("Authority", "the provider's issuer address, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0");
            if (!Uri.TryCreate(authorityText, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && !(allowHttp && authority.Scheme == Uri.UriSchemeHttp)))
            {
                throw new PortalStartupException($"{name}:Authority '{authorityText}' is not an https:// address. Set it to the provider's issuer, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.");
            }

            var responseMode = section["ResponseMode"]?.Trim() ?? "form_post";
            if (responseMode is not ("form_post" or "query"))
            {
                throw new PortalStartupException($"{name}:ResponseMode '{responseMode}' is not supported. Use form_post (the default) or query.");
            }

            providers.Add(new SingleSignOnProvider(
                section.Key,
                Required("DisplayName", "the name people know the sign-in by, e.g. \"NHS.net account\""),
                authority,
                Required("ClientId", "the client (application) id the provider gave the portal"),
                Required("ClientSecret", "the client secret the provider gave the portal (keep it in an environment variable or secret store)"),
                [.. section.GetSection("Scopes").Get<string[]>() ?? []],
                responseMode,
                Flag(section, "EmailVerifiedByProvider", name),
                Flag(section, "MultiFactorByProvider", name)));
        }

        return new SingleSignOnProviders(providers);
    }

    private static bool Flag(IConfigurationSection section, string setting, string name) =>
        section[setting] is not { } text ? false
        : bool.TryParse(text, out var value) ? value
        : throw new PortalStartupException($"{name}:{setting} '{text}' is not true or false.");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,30}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyPattern();
}
