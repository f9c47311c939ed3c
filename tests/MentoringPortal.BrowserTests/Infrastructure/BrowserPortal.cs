using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.TestIdentityProvider;
using Microsoft.Playwright;

namespace MentoringPortal.BrowserTests.Infrastructure;

/// <summary>The xunit collection of browser test classes: they share one running portal and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserPortal>
{
    public const string Name = "Browser";
}

/// <summary>
/// The real app on a real Kestrel port (fresh PostgreSQL database with the demo data, its own SMTP
/// server), and a headless Debian Chromium driven by Playwright.
/// </summary>
/// <example>
/// <code>
/// [Collection(BrowserSuite.Name)]
/// public sealed class SignInJourney(BrowserPortal portal)
/// {
///     [Fact]
///     public async Task Mentee_SignsIn()
///     {
///         var page = await portal.NewPageAsync();
///         await page.GotoAsync("/account/login");
///         await page.GetByLabel("Email").FillAsync(BrowserPortal.DemoMentee);
///         ...
///         await Accessibility.AssertNoViolationsAsync(page);
///     }
/// }
/// </code>
/// </example>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string DemoMentee = "mentee1@demo.test";
    public const string DemoMentor = "mentor1@demo.test";
    public const string DemoPassword = "Demo-Passw0rd!";

    private readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> _pageErrors = new();
    private readonly ConcurrentBag<IBrowserContext> _contexts = [];
    private PortalFactory? _factory;
    private SmtpServer? _smtp;
    private OpenIdProvider? _provider;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The app's address, e.g. http://127.0.0.1:41234/ (pages' BaseURL: GotoAsync("/") works).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public PortalFactory Factory => _factory ?? throw NotStarted();

    /// <summary>The SMTP server the app sends to; tests may stop and start it.</summary>
    public SmtpServer Smtp => _smtp ?? throw NotStarted();

    /// <summary>The organisation sign-in ("Demo organisation account"): a real OpenID Connect provider beside the portal.</summary>
    public OpenIdProvider Provider => _provider ?? throw NotStarted();

    /// <summary>Everything the app sent (links in emails point at <see cref="BaseAddress"/>).</summary>
    public Mailbox Mailbox => Smtp.Mailbox;

    public IBrowser Browser => _browser ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartNewAsync();
        _provider = await OpenIdProvider.StartAsync();

        // The port is chosen up front so that Portal:BaseUrl, and so every link in an email, is the real address.
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        _factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            SeedDemoData = true,
            Smtp = _smtp,
            Settings =
            {
                ["Portal:BaseUrl"] = baseUrl,
                ["Authentication:OpenIdConnect:demo:Authority"] = _provider.Authority.ToString(),
                ["Authentication:OpenIdConnect:demo:ClientId"] = "mentoring-portal",
                ["Authentication:OpenIdConnect:demo:ClientSecret"] = "browser-test-secret",
                ["Authentication:OpenIdConnect:demo:DisplayName"] = "Demo organisation account",
            },
        });
        await _provider.RegisterClientAsync("mentoring-portal", "browser-test-secret", new Uri($"{baseUrl}/signin-oidc-demo"));
        // Both before anything touches Services (which would start an in-memory TestServer instead).
        _factory.UseKestrel(port);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        // Debian's Chromium: no `playwright install` is needed (or possible offline).
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A page in a fresh browser context (no cookies: signed out). The page's Content-Security-Policy
    /// stays enforced, so a page that breaks its own CSP fails in these tests as it would for users;
    /// console errors (CSP violations included) and uncaught exceptions are collected for
    /// <see cref="AssertNoPageErrors"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= BaseAddress.ToString();
        options.Locale ??= "en-GB";
        options.TimezoneId ??= "Europe/London";
        var context = await Browser.NewContextAsync(options);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        var errors = _pageErrors.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico on its own; a missing one is not the page's error.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.OrdinalIgnoreCase))
            {
                errors.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Enqueue($"uncaught exception: {error}");
        return page;
    }

    /// <summary>A page signed in as <paramref name="email"/> through the login form.</summary>
    public async Task<IPage> NewSignedInPageAsync(string email, string password = DemoPassword)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(password);
        var post = await page.RunAndWaitForResponseAsync(
            () => page.Locator("form[action*='login' i] [type=submit]").First.ClickAsync(),
            response => response.Request.Method == "POST" && IsLoginPage(response.Url));
        if (post.Status is >= 300 and < 400)
        {
            await page.WaitForURLAsync(url => !IsLoginPage(url));
            await page.WaitForLoadStateAsync();
            if (IsSecondStep(page.Url))
            {
                await CompleteSecondStepAsync(page, email);
            }

            return page;
        }

        await page.WaitForLoadStateAsync();
        var text = await page.Locator("body").InnerTextAsync();
        throw new InvalidOperationException($"Signing in as {email} failed ({post.Status} {post.StatusText}); the page says: {text}");
    }

    /// <summary>
    /// On the page asking for the code from an authenticator app, signs in with a fresh recovery code made through
    /// the app's UserManager (a code from the app works only once, and tests sign in as one administrator often).
    /// </summary>
    public async Task CompleteSecondStepAsync(IPage page, string email)
    {
        var code = await SecondFactor.NewRecoveryCodeAsync(Factory.Services, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await page.GetByLabel("Recovery code", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !IsSecondStep(url));
        await page.WaitForLoadStateAsync();
    }

    private static bool IsSecondStep(string url) =>
        new Uri(url).AbsolutePath.StartsWith(SecondFactor.CodePath, StringComparison.OrdinalIgnoreCase);

    private static bool IsLoginPage(string url) =>
        new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails if the page logged console errors (CSP violations included) or threw uncaught exceptions.</summary>
    public void AssertNoPageErrors(IPage page)
    {
        if (_pageErrors.TryGetValue(page, out var errors) && !errors.IsEmpty)
        {
            Assert.Fail($"{page.Url} reported errors:\n  " + string.Join("\n  ", errors));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static InvalidOperationException NotStarted() =>
        new("BrowserPortal is not started: use it as a collection fixture ([Collection(BrowserSuite.Name)]).");
}
