using MentoringPortal.Web.Data;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// Database:Provider=SqlServer wires the SQL Server context, its migrations and the key store. No SQL Server
/// runs here, so these tests stop where the app first talks to one; the whole suite runs on a real one with
/// PORTAL_TEST_SQLSERVER (README, "SQL Server").
/// </summary>
public sealed class SqlServerProviderTests : IDisposable
{
    private const string Unreachable = "Server=tcp:127.0.0.1,1;Database=portal;User ID=portal;Password=portal;Connect Timeout=3;TrustServerCertificate=True";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"portal-sqlserver-{Guid.NewGuid():N}");

    [Fact]
    public async Task SqlServer_RegistersTheSqlServerContextWithItsMigrations_AndKeysInTheDatabase()
    {
        await using var app = Build(Unreachable);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.IsType<SqlServerPortalDbContext>(db);
        Assert.True(db.Database.IsSqlServer());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_InitialSqlServer", StringComparison.Ordinal));
        var repository = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        Assert.Equal("EntityFrameworkCoreXmlRepository`1", repository?.GetType().Name);
    }

    [Fact]
    public async Task SqlServer_Unreachable_StopsWithASentence_FromSqlClient()
    {
        await using var app = Build(Unreachable);

        var error = await Assert.ThrowsAsync<PortalStartupException>(app.PreparePortalDatabaseAsync);

        Assert.StartsWith("The database cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqlException>(error.InnerException);
    }

    [Fact]
    public void SqlServer_WithoutAConnectionString_StopsWithASentenceNamingIt()
    {
        var error = Assert.Throws<PortalStartupException>(() => Build(connectionString: string.Empty));

        Assert.Contains("ConnectionStrings:Portal is required when Database:Provider is SqlServer", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private WebApplication Build(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.Configuration["Database:Provider"] = "SqlServer";
        builder.Configuration["ConnectionStrings:Portal"] = connectionString;
        builder.Configuration["Portal:DataDirectory"] = _folder;
        builder.AddPortalData();
        return builder.Build();
    }
}
