using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>The demo seed never writes the demo password to the log (issue 10, item 6).</summary>
public sealed class DemoSeedLogTests
{
    [Fact]
    public async Task DemoSeed_LogsWhatItSeeded_NeverThePassword()
    {
        var logs = new CapturedLogs();
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            SeedDemoData = true,
            ConfigureServices = services => services.AddSingleton<ILogEventSink>(logs),
        });
        factory.StartHost();

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("Demo data seeded", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(DemoSeed.Password, StringComparison.Ordinal));
    }
}
