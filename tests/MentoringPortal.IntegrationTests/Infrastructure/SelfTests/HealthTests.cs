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
    public void Factory_UsesItsOwnDatabase()
    {
        var database = TestDatabases.DatabaseName(portal.ConnectionString);

        Assert.StartsWith("portal_test_", database, StringComparison.Ordinal);
    }
}
