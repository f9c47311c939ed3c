using System.Net;

namespace MentoringPortal.IntegrationTests.Infrastructure.SelfTests;

/// <summary>The app starts on its own fresh database (PostgreSQL, or SQL Server when configured) and reports itself healthy.</summary>
public sealed class HealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Live_Returns200()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithMigratedDatabase_Returns200()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseCannotBeWritten_Returns503_WhileLiveStays200()
    {
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions());
        using var client = factory.CreateClient();
        using (var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await TestDatabases.MakeReadOnlyAsync(factory.ConnectionString);

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public void Factory_UsesItsOwnDatabase()
    {
        var database = TestDatabases.DatabaseName(portal.ConnectionString);

        Assert.StartsWith("portal_test_", database, StringComparison.Ordinal);
    }
}
