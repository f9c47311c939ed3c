using System.Net;
using AngleSharp.Html.Dom;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.TestIdentityProvider;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace MentoringPortal.IntegrationTests.Features.SingleSignOn;

/// <summary>
/// The portal configured with one organisation sign-in ("test"), and the real OpenID Connect provider it uses
/// (OpenIddict on Kestrel, 127.0.0.1, a random port). Clients made here talk to both, one cookie jar for the two hosts,
/// redirects not followed, so a test walks the code flow step by step as a browser would.
/// </summary>
public sealed class SingleSignOnPortal : IAsyncLifetime
{
    public const string Key = "test";
    public const string DisplayName = "Test NHS account";
    private const string ClientId = "mentoring-portal";
    private const string ClientSecret = "integration-test-secret";

    private OpenIdProvider? _provider;
    private PortalFactory? _portal;

    public OpenIdProvider Provider => _provider ?? throw new InvalidOperationException("Not started.");

    public PortalFactory Portal => _portal ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _provider = await OpenIdProvider.StartAsync();
        var options = new PortalFactoryOptions();
        options.Settings[$"Authentication:OpenIdConnect:{Key}:Authority"] = _provider.Authority.ToString();
        options.Settings[$"Authentication:OpenIdConnect:{Key}:ClientId"] = ClientId;
        options.Settings[$"Authentication:OpenIdConnect:{Key}:ClientSecret"] = ClientSecret;
        options.Settings[$"Authentication:OpenIdConnect:{Key}:DisplayName"] = DisplayName;
        _portal = await PortalFactory.CreateAsync(options);
        await _provider.RegisterClientAsync(ClientId, ClientSecret, new Uri($"http://localhost/signin-oidc-{Key}"));
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    /// <summary>A person known to the provider, with a unique subject.</summary>
    public TestUser ProviderUser(string email, string? name = null, bool? emailVerified = true, bool multiFactor = false)
    {
        var user = new TestUser(Guid.NewGuid().ToString("N"), name ?? Unique.Name("Organisation person"), email, emailVerified, multiFactor);
        Provider.AddUser(user);
        return user;
    }

    /// <summary>A "browser": the portal's test server and the provider's Kestrel, cookies kept for both, no redirects followed.</summary>
    public HttpClient NewBrowser()
    {
        var client = Portal.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), new ProviderRouting(Provider.Authority));
        return client;
    }

    /// <summary>
    /// Clicks "Sign in with …" on the sign-in page, picks <paramref name="user"/> at the provider, and posts the provider's answer
    /// back to the portal. Returns the portal's answer to its callback (a redirect to wherever the sign-in goes next), or its
    /// answer to the provider's response when the portal refused it.
    /// </summary>
    public async Task<HttpResponseMessage> SignInWithProviderAsync(HttpClient browser, TestUser user, string loginPage = "/account/login")
    {
        using var challenge = await Forms.SubmitAsync(browser, loginPage, formAction: $"/account/sso/start/{Key}");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(Provider.Authority.ToString(), authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);

        using var loginAtProvider = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, loginAtProvider.StatusCode);
        using var answer = await PostFormAsync(browser, await Forms.ParseHtmlAsync(loginAtProvider), authorize,
            [new(OpenIdProvider.UserField, user.Subject)]);

        // response_mode=form_post: the provider's page posts the code to the portal's callback.
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var toPortal = await PostFormAsync(browser, await Forms.ParseHtmlAsync(answer), authorize, []);
        if (toPortal.Headers.Location is { } next && next.ToString().StartsWith("/account/sso/callback", StringComparison.Ordinal))
        {
            toPortal.Dispose();
            return await browser.GetAsync(next);
        }

        return toPortal;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, IHtmlDocument page, Uri pageUri,
        IEnumerable<KeyValuePair<string, string>> values)
    {
        var form = page.Forms.Single();
        var fields = Forms.Merge(Forms.CurrentValues(form), values);
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(pageUri, form.GetAttribute("action")), content);
    }

    /// <summary>Sends the provider's requests over the network; the rest go on to the portal's test server.</summary>
    private sealed class ProviderRouting(Uri provider) : DelegatingHandler
    {
        private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri is { } uri && uri.Authority == provider.Authority
                ? _network.SendAsync(request, cancellationToken)
                : base.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _network.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
