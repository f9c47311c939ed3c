using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MentoringPortal.TestIdentityProvider;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on Kestrel, for tests and a Development demo: authorization code flow
/// with PKCE, ephemeral keys, an in-memory SQLite store, and a login page where you pick a test user (no passwords).
/// It is never meant for production.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    /// <summary>The form field on the login page that names the chosen user.</summary>
    public const string UserField = "test_user";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;
    private readonly ConcurrentDictionary<string, TestUser> _users;

    private OpenIdProvider(WebApplication app, SqliteConnection store, ConcurrentDictionary<string, TestUser> users)
    {
        _app = app;
        _store = store;
        _users = users;
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c>: the portal's <c>Authority</c>.</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>Set by a test to make the next identity tokens wrong in one way.</summary>
    public Misbehaviour Misbehaviour { get; set; }

    public IReadOnlyCollection<TestUser> Users => [.. _users.Values.OrderBy(u => u.Name, StringComparer.Ordinal)];

    public void AddUser(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users[user.Subject] = user;
    }

    /// <summary>Starts the provider on 127.0.0.1 (port 0 = any free port).</summary>
    public static async Task<OpenIdProvider> StartAsync(int port = 0, IEnumerable<TestUser>? users = null, Action<ILoggingBuilder>? logging = null)
    {
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();
        var known = new ConcurrentDictionary<string, TestUser>((users ?? []).ToDictionary(u => u.Subject), StringComparer.Ordinal);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OpenIdProvider).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Development",
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));

        OpenIdProvider? self = null;
        builder.Services.AddDbContext<ProviderDbContext>(options => options.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
                options.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        Misbehave(context, self?.Misbehaviour ?? Misbehaviour.None);
                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
            });

        var app = builder.Build();
        self = new OpenIdProvider(app, store, known);
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], new Func<HttpContext, Task<IResult>>(self.AuthorizeAsync));
        app.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=\"en\"><head><title>Test identity provider</title></head><body><main><h1>Test identity provider</h1>"
            + "<p>An OpenID Connect provider for tests and demonstrations. Never use it in production.</p></main></body></html>",
            "text/html; charset=utf-8"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        var address = app.Urls.First();
        self.Authority = new Uri(address.EndsWith('/') ? address : address + "/");
        return self;
    }

    /// <summary>Registers a confidential client (the portal) that may use the code flow with PKCE.</summary>
    public async Task RegisterClientAsync(string clientId, string clientSecret, params Uri[] redirectUris)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await manager.FindByClientIdAsync(clientId) is { } existing)
        {
            await manager.DeleteAsync(existing);
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = clientId,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        await manager.CreateAsync(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var chosen = (string?)request[UserField];
        if (chosen is null || !_users.TryGetValue(chosen, out var user))
        {
            return Results.Content(LoginPage(request), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Name).SetClaim(Claims.Email, user.Email);
        if (user.EmailVerified is { } verified)
        {
            identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        if (user.MultiFactor)
        {
            identity.SetClaims(Claims.AuthenticationMethodReference, ["pwd", "mfa"]);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        await Task.CompletedTask;
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private string LoginPage(OpenIddictRequest request)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>Sign in - test identity provider</title></head><body><main><h1>Test identity provider</h1>")
            .Append("<p>Choose who you are. This provider is for tests and demonstrations only.</p>")
            .Append("<form method=\"post\" action=\"/connect/authorize\"><fieldset><legend>Test users</legend>");
        foreach (var parameter in request.GetParameters().Where(p => p.Key != UserField))
        {
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{Encode(parameter.Key)}\" value=\"{Encode((string?)parameter.Value)}\">");
        }

        var index = 0;
        foreach (var user in Users)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p><input type=\"radio\" name=\"{UserField}\" id=\"user-{index}\" value=\"{Encode(user.Subject)}\"{(index == 0 ? " checked" : string.Empty)}>")
                .Append(CultureInfo.InvariantCulture, $" <label for=\"user-{index}\">{Encode(user.Name)} ({Encode(user.Email)})</label></p>");
            index++;
        }

        return html.Append("</fieldset><button type=\"submit\">Sign in</button></form></main></body></html>").ToString();
    }

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    private static void Misbehave(OpenIddictServerEvents.ProcessSignInContext context, Misbehaviour misbehaviour)
    {
        if (context.IdentityTokenPrincipal is not { } principal)
        {
            return;
        }

        switch (misbehaviour)
        {
            case Misbehaviour.WrongAudience:
                principal.SetAudiences("another-client").SetPresenters("another-client");
                break;
            case Misbehaviour.WrongNonce:
                principal.SetClaim(Claims.Nonce, "not-the-nonce-the-portal-sent");
                break;
            case Misbehaviour.None:
            default:
                break;
        }
    }
}

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, in memory.</summary>
public sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
