namespace MentoringPortal.TestIdentityProvider;

/// <summary>
/// A demo provider for Development: <c>dotnet run --project tests/MentoringPortal.TestIdentityProvider [port]</c>.
/// The portal's appsettings lines that use it are in docs/security.md, "Single sign-on".
/// </summary>
public static class DemoProvider
{
    public static async Task Main(string[] args)
    {
        var port = args.Length > 0 && int.TryParse(args[0], out var chosen) ? chosen : 5099;
        var portal = Environment.GetEnvironmentVariable("PORTAL_URL") ?? "http://localhost:5000";
        await using var provider = await OpenIdProvider.StartAsync(port,
        [
            new TestUser("demo-mentee-1", "Demo Mentee One", "mentee1@demo.test"),
            new TestUser("demo-admin", "Demo Administrator", "admin@demo.test", MultiFactor: true),
            new TestUser("new-nurse", "Nia Newcomer", "nia.newcomer@nhs.example"),
            new TestUser("unverified", "Una Verified", "una.verified@example.org", EmailVerified: null),
        ]);
        await provider.RegisterClientAsync("mentoring-portal", "demo-secret-not-for-production", new Uri(new Uri(portal), "/signin-oidc-demo"));
        Console.WriteLine($"Test identity provider at {provider.Authority} for the portal at {portal} (client mentoring-portal). Ctrl+C stops it.");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        await stop.Task;
    }
}
