using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>
/// The built app started as a process, the way an operator starts it (issue 10, items 7 and 12):
/// a wrong setting gives one line that names it, exit code 1, and no stack trace.
/// </summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly string _folder = TestCertificates.TemporaryFolder();

    [Theory]
    [InlineData("Database:Provider", "Database__Provider", "Oracle")]
    [InlineData("Email:Smtp:Host", "Email__PickupDirectory", "")]
    [InlineData("Portal:BaseUrl", "Portal__BaseUrl", "not-a-web-address")]
    [InlineData("ConnectionStrings:Portal", "ConnectionStrings__Portal", "Host=127.0.0.1;Port=1;Database=portal;Username=portal;Password=portal;Timeout=5")]
    [InlineData("Portal:DataDirectory", "Portal__DataDirectory", "{file}/data")]
    [InlineData("DataProtection:Certificate:Path", "DataProtection__Certificate__Path", "")]
    [InlineData("OpenTelemetry:Endpoint", "OpenTelemetry__Endpoint", "collector:4317")]
    [InlineData("RequestLogging:UserPseudonymKey", "RequestLogging__UserPseudonymKey", "too short")]
    public async Task BadSetting_OneLineNamingIt_ExitCode1_NoStackTrace(string setting, string variable, string value)
    {
        var environment = ProductionEnvironment();
        environment[variable] = value.Replace("{file}", CertificateFile(), StringComparison.Ordinal);
        if (setting == "ConnectionStrings:Portal")
        {
            environment["Database__Provider"] = "PostgreSql";
        }

        using var app = StartApp(environment);
        var output = await OutputWhenExitedAsync(app);

        Assert.Equal(1, app.ExitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(setting, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionOverPlainHttp_SignInFormSaysWhatToSet_AndStartupWarns()
    {
        var port = FreePort();
        var environment = ProductionEnvironment();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        using var app = StartApp(environment);
        var output = new StringBuilder();
        app.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        app.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilLiveAsync(http, app);
            using var signIn = await http.GetAsync("/account/login");
            var text = await signIn.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
            Assert.Contains("HTTPS", text, StringComparison.Ordinal);
            Assert.Contains("ForwardedHeaders:KnownProxies", text, StringComparison.Ordinal);
            lock (output)
            {
                Assert.Contains("Listening without HTTPS", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> ProductionEnvironment() => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["Portal__DataDirectory"] = Path.Combine(_folder, "data"),
        ["Email__PickupDirectory"] = "mail",
        ["DataProtection__Certificate__Path"] = CertificateFile(),
        ["DataProtection__Certificate__Password"] = TestCertificates.Password,
    };

    private string CertificateFile()
    {
        var path = Path.Combine(_folder, "certificate", "data-protection.pfx");
        return File.Exists(path) ? path : TestCertificates.CreatePfx(Path.Combine(_folder, "certificate"));
    }

    private static Process StartApp(Dictionary<string, string> environment)
    {
        var appFolder = BuiltAppFolder();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "MentoringPortal.Web.dll")])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<string> OutputWhenExitedAsync(Process app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = app.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = app.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await app.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            app.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop within 90 seconds: it should have refused to start.", ex);
        }

        return await stdout + await stderr;
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, Process app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.HasExited, "The app stopped instead of starting.");
            try
            {
                using var live = await http.GetAsync("/health/live");
                if (live.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The app did not answer /health/live within 90 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web project's own build output, built by this test project's build in the same configuration.</summary>
    private static string BuiltAppFolder()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MentoringPortal.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? throw new InvalidOperationException("MentoringPortal.sln not found above the test assembly."),
            "src", "MentoringPortal.Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, "MentoringPortal.Web.dll"))
            ? folder
            : throw new InvalidOperationException($"The built app is not in {folder}.");
    }
}
