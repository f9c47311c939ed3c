using System.Security.Claims;
using MentoringPortal.Web.Features.SingleSignOn;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.Extensions.Configuration;

namespace MentoringPortal.UnitTests.Security;

/// <summary>
/// Organisation sign-in settings: every provider read from <c>Authentication:OpenIdConnect</c>, and a missing or wrong setting
/// stops the start with one line that names it. What the provider's token says about the person.
/// </summary>
public sealed class SingleSignOnProvidersTests
{
    private static readonly Dictionary<string, string?> Entra = new(StringComparer.Ordinal)
    {
        ["Authentication:OpenIdConnect:nhs:Authority"] = "https://login.microsoftonline.com/tenant/v2.0",
        ["Authentication:OpenIdConnect:nhs:ClientId"] = "client",
        ["Authentication:OpenIdConnect:nhs:ClientSecret"] = "secret",
        ["Authentication:OpenIdConnect:nhs:DisplayName"] = "NHS.net account",
    };

    [Fact]
    public void Read_NoSection_NoProviders()
    {
        var providers = SingleSignOnProviders.Read(Configuration(new Dictionary<string, string?>()), allowHttp: false);

        Assert.False(providers.Any);
    }

    [Fact]
    public void Read_SeveralProviders_EachItsOwnSchemeAndCallback()
    {
        var settings = new Dictionary<string, string?>(Entra, StringComparer.Ordinal)
        {
            ["Authentication:OpenIdConnect:college:Authority"] = "https://id.college.example",
            ["Authentication:OpenIdConnect:college:ClientId"] = "c",
            ["Authentication:OpenIdConnect:college:ClientSecret"] = "s",
            ["Authentication:OpenIdConnect:college:DisplayName"] = "College account",
            ["Authentication:OpenIdConnect:college:Scopes:0"] = "offline_access",
            ["Authentication:OpenIdConnect:college:EmailVerifiedByProvider"] = "true",
        };

        var providers = SingleSignOnProviders.Read(Configuration(settings), allowHttp: false);

        Assert.Equal(["college", "nhs"], providers.All.Select(p => p.Key).Order(StringComparer.Ordinal));
        var college = providers.ByKey("college")!;
        Assert.Equal("oidc-college", college.Scheme);
        Assert.Equal("/signin-oidc-college", college.CallbackPath);
        Assert.Equal(["offline_access"], college.Scopes);
        Assert.True(college.EmailVerifiedByProvider);
        Assert.False(providers.ByKey("nhs")!.EmailVerifiedByProvider);
        Assert.Equal("form_post", providers.ByKey("nhs")!.ResponseMode);
    }

    [Theory]
    [InlineData("ClientId", null, "Authentication:OpenIdConnect:nhs:ClientId is missing.")]
    [InlineData("ClientSecret", "", "Authentication:OpenIdConnect:nhs:ClientSecret is missing.")]
    [InlineData("DisplayName", " ", "Authentication:OpenIdConnect:nhs:DisplayName is missing.")]
    [InlineData("Authority", "http://login.example", "Authentication:OpenIdConnect:nhs:Authority 'http://login.example' is not an https:// address.")]
    [InlineData("Authority", "not a url", "Authentication:OpenIdConnect:nhs:Authority 'not a url' is not an https:// address.")]
    [InlineData("ResponseMode", "fragment", "Authentication:OpenIdConnect:nhs:ResponseMode 'fragment' is not supported.")]
    [InlineData("MultiFactorByProvider", "yes", "Authentication:OpenIdConnect:nhs:MultiFactorByProvider 'yes' is not true or false.")]
    public void Read_BadSetting_StopsTheStartWithOneLineNamingIt(string setting, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(Entra, StringComparer.Ordinal) { [$"Authentication:OpenIdConnect:nhs:{setting}"] = value };

        var error = Assert.Throws<PortalStartupException>(() => SingleSignOnProviders.Read(Configuration(settings), allowHttp: false));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', StartupFailure.Describe(error)!);
    }

    [Fact]
    public void Read_HttpAuthority_AllowedOnlyInDevelopmentAndTests()
    {
        var settings = new Dictionary<string, string?>(Entra, StringComparer.Ordinal) { ["Authentication:OpenIdConnect:nhs:Authority"] = "http://127.0.0.1:5099/" };

        Assert.Equal("http", SingleSignOnProviders.Read(Configuration(settings), allowHttp: true).All[0].Authority.Scheme);
        Assert.Throws<PortalStartupException>(() => SingleSignOnProviders.Read(Configuration(settings), allowHttp: false));
    }

    [Fact]
    public void Read_KeyThatCannotBeAPath_IsRefused()
    {
        var settings = Entra.ToDictionary(p => p.Key.Replace(":nhs:", ":NHS net:", StringComparison.Ordinal), p => p.Value, StringComparer.Ordinal);

        var error = Assert.Throws<PortalStartupException>(() => SingleSignOnProviders.Read(Configuration(settings), allowHttp: false));

        Assert.StartsWith("Authentication:OpenIdConnect:NHS net: the provider's key may hold only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void Identity_EmailCountsAsVerifiedOnlyWhenTheProviderSaysSo(string? emailVerified, bool expected)
    {
        var claims = new List<Claim> { new("email", "sam@nhs.example"), new("name", "Sam Patel") };
        if (emailVerified is not null)
        {
            claims.Add(new Claim("email_verified", emailVerified));
        }

        var identity = ExternalSignIn.Identity.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));

        Assert.Equal(new ExternalSignIn.Identity("sam@nhs.example", "Sam Patel", expected), identity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not an address")]
    public void Identity_WithoutAUsableEmail_IsNone(string? email)
    {
        var claims = email is null ? new List<Claim>() : [new Claim("email", email)];

        Assert.Null(ExternalSignIn.Identity.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
    }

    [Fact]
    public void Identity_WithoutAName_UsesTheAddressBeforeTheAt()
    {
        var identity = ExternalSignIn.Identity.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", "sam.patel@nhs.example")], "test")));

        Assert.Equal("sam.patel", identity!.Name);
    }

    [Fact]
    public void ProviderDidMultiFactor_FromTheTokensAmr_OrTheProvidersPromise()
    {
        var provider = SingleSignOnProviders.Read(Configuration(Entra), allowHttp: false).All[0];
        var withMfa = new ClaimsPrincipal(new ClaimsIdentity([new Claim("amr", "pwd"), new Claim("amr", "mfa")], "test"));
        var passwordOnly = new ClaimsPrincipal(new ClaimsIdentity([new Claim("amr", "pwd")], "test"));

        Assert.True(SingleSignOnSession.ProviderDidMultiFactor(withMfa, provider));
        Assert.False(SingleSignOnSession.ProviderDidMultiFactor(passwordOnly, provider));
        Assert.True(SingleSignOnSession.ProviderDidMultiFactor(passwordOnly, provider with { MultiFactorByProvider = true }));
    }

    private static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
