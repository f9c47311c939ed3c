using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>What a <see cref="PortalFactory"/> should differ in from the defaults.</summary>
public sealed class PortalFactoryOptions
{
    /// <summary>The database to use. Default: a fresh copy of the migrated template, dropped on dispose.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Replaces the app's <see cref="TimeProvider"/> when set.</summary>
    public TestClock? Clock { get; init; }

    /// <summary>The SMTP server the app sends to. Default: the shared one ./test.sh started.</summary>
    public SmtpServer? Smtp { get; init; }

    /// <summary>Whether the app seeds its demo accounts and programmes on start (Portal:SeedDemoData).</summary>
    public bool SeedDemoData { get; init; }

    /// <summary>Configuration keys to set or override, e.g. <c>["RateLimits:PermitsPerMinute"] = "5"</c>.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs after the app registered its services (ConfigureTestServices): replace or add services here.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>
/// The real app (real HTTP pipeline, real PostgreSQL — or SQL Server, see <see cref="TestDatabases"/> — real SMTP)
/// in the "Testing" environment.
/// As an xunit class fixture (<c>IClassFixture&lt;PortalFactory&gt;</c>) it gets a fresh database per
/// test class; elsewhere use <see cref="CreateAsync"/>. For other options derive a fixture class:
/// <c>public sealed class ClockedPortal() : PortalFactory(new PortalFactoryOptions { Clock = new TestClock() });</c>
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string EnvironmentName = "Testing";

    private readonly PortalFactoryOptions _options;
    private string? _connectionString;
    private bool _ownsDatabase;
    private int _databaseDropped;
    private TestData? _data;

    public PortalFactory()
        : this(new PortalFactoryOptions())
    {
    }

    /// <summary>For fixtures deriving from this class; xunit needs fixtures to have one public constructor.</summary>
    protected PortalFactory(PortalFactoryOptions options)
    {
        _options = options;
        _connectionString = options.ConnectionString;
        Mailbox = options.Smtp?.Mailbox ?? new Mailbox(TestServers.MailDirectory).FromNowOn();
    }

    /// <summary>The connection string of this factory's database.</summary>
    public string ConnectionString => _connectionString
        ?? throw new InvalidOperationException(
            "This PortalFactory has no database yet: use it as an xunit fixture, call InitializeAsync, or create it with PortalFactory.CreateAsync().");

    /// <summary>The clock the app uses, when the options replaced it.</summary>
    public TestClock? Clock => _options.Clock;

    /// <summary>
    /// What the app's SMTP server received since this factory was created. With the shared server the
    /// maildir is shared with every test class running in parallel: match on recipients you made unique
    /// (<see cref="Unique.Email"/>), or pass your own <see cref="SmtpServer"/> in the options.
    /// </summary>
    public Mailbox Mailbox { get; }

    /// <summary>Makes people, programmes, pairings and the rest in this factory's database (see the README).</summary>
    public TestData Data => _data ??= new TestData(this);

    /// <summary>A factory with its own fresh database.</summary>
    public static async Task<PortalFactory> CreateAsync(PortalFactoryOptions? options = null)
    {
        var factory = new PortalFactory(options ?? new PortalFactoryOptions());
        try
        {
            await factory.InitializeAsync();
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        if (_connectionString is null)
        {
            _connectionString = await TestDatabases.CreateDatabaseAsync();
            _ownsDatabase = true;
        }
    }

    /// <summary>Builds and starts the app now (migrations, seeding) instead of on first use.</summary>
    public void StartHost() => _ = Services;

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert on them.</summary>
    public HttpClient CreateClientNoRedirect() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A client (cookies kept, redirects not followed) signed in through the login form, and through the second
    /// step with a fresh recovery code when the account has two-factor sign-in (as administrators do).
    /// </summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email, string password)
    {
        var client = CreateClientNoRedirect();
        try
        {
            using var response = await Forms.SignInAsync(client, email, password);
            if (SecondFactor.AsksForSecondStep(response))
            {
                await SecondFactor.CompleteWithRecoveryCodeAsync(Services, client, email);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="action"/> with the app's services in a fresh DI scope (e.g. to read the DbContext).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <inheritdoc cref="InScopeAsync{T}"/>
    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>The configuration the app gets; the options' settings win over the defaults.</summary>
    public IReadOnlyDictionary<string, string?> EffectiveSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = TestDatabases.Provider,
            ["ConnectionStrings:Portal"] = ConnectionString,
            ["Portal:SeedDemoData"] = _options.SeedDemoData ? "true" : "false",
            ["Portal:BaseUrl"] = "http://localhost",
            ["Email:PickupDirectory"] = string.Empty,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = (_options.Smtp?.Port ?? TestServers.SmtpPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
            ["Email:From"] = "MentoringPortal <noreply@mentoring.test>",
            ["Email:DispatchIntervalSeconds"] = "1",
            ["RateLimits:PermitsPerMinute"] = "1000",
        };
        foreach (var (key, value) in _options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // UseSetting (host configuration) is visible to Program.cs before builder.Build(), unlike
        // ConfigureAppConfiguration, and wins over appsettings*.json.
        foreach (var (key, value) in EffectiveSettings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (_options.Clock is { } clock)
            {
                services.AddSingleton<TimeProvider>(clock);
            }

            _options.ConfigureServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && _connectionString is not null && Interlocked.Exchange(ref _databaseDropped, 1) == 0)
        {
            await TestDatabases.DropDatabaseAsync(_connectionString);
        }

        GC.SuppressFinalize(this);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
