using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MentoringPortal.UnitTests.SqlServer;

/// <summary>
/// The portal's SQL Server model against what SQL Server refuses at run time but EF Core does not, and
/// each rule against a toy model that breaks it (a rule that catches nothing proves nothing).
/// </summary>
public sealed class SqlServerModelTests
{
    private static IModel PortalModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        return db.GetService<IDesignTimeModel>().Model;
    }

    /// <summary>
    /// Keys whose declared maximum passes SQL Server's limit. SQL Server creates them with a warning and would
    /// refuse only a row whose key is really that wide; the values the portal writes are far narrower.
    /// </summary>
    private static readonly Dictionary<string, string> AcceptedWideKeys = new(StringComparer.Ordinal)
    {
        // Identity's own SQL Server schema; user and role ids are GUID strings (72 bytes).
        ["AspNetUserRoles: primary key PK_AspNetUserRoles"] = "two GUID strings",
        // Identity's own schema; LoginProvider and Name are Identity's short constant names ("[AspNetUserStore]", "RecoveryCodes").
        ["AspNetUserTokens: primary key PK_AspNetUserTokens"] = "a GUID string and two short names",
        // WebAuthn allows credential ids up to 1023 bytes; authenticators make them 16 to 64 bytes long.
        ["AspNetUserPasskeys: primary key PK_AspNetUserPasskeys"] = "credential ids of 16 to 64 bytes",
        ["ProgrammeAdministrators: primary key PK_ProgrammeAdministrators"] = "a GUID string and an int",
    };

    [Fact]
    public void PortalModel_BreaksNoSqlServerRule()
    {
        var problems = SqlServerModelRules.Check(PortalModel())
            .Where(p => !AcceptedWideKeys.Keys.Any(k => p.StartsWith(k + " (", StringComparison.Ordinal)))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void PortalModel_AcceptedWideKeys_AreStillWide()
    {
        // An entry that no longer matches a reported key would silently accept a future one.
        var wide = SqlServerModelRules.OverWideKeys(PortalModel()).ToList();

        Assert.All(AcceptedWideKeys.Keys, k => Assert.Contains(wide, p => p.StartsWith(k + " (", StringComparison.Ordinal)));
    }

    [Fact]
    public void PortalModel_KeepsItsRaceGuardsInTSql()
    {
        var model = PortalModel();
        var requests = model.FindEntityType(typeof(ContactRequest))!;
        var mentors = model.FindEntityType(typeof(Mentor))!;

        Assert.Equal("[Status] = 'Pending'", requests.GetIndexes().Single(i => i.GetDatabaseName() == "IX_ContactRequests_OnePendingPerPair").GetFilter());
        Assert.Equal("[ActiveMenteeCount] >= 0 AND [ActiveMenteeCount] <= [Capacity]",
            mentors.GetCheckConstraints().Single(c => c.Name == "CK_Mentors_ActiveWithinCapacity").Sql);
        Assert.True(mentors.FindProperty(nameof(Mentor.Version))!.IsConcurrencyToken);
        Assert.True(requests.FindProperty(nameof(ContactRequest.Version))!.IsConcurrencyToken);
    }

    [Fact]
    public void CascadePaths_TwoCascadingRoutesToOneTable_AreReported()
    {
        // Deleting a Programme would reach Pairings directly and through Mentors.
        var model = ToyModel.Build(b =>
        {
            b.Table("Programmes");
            b.Table("Mentors");
            b.Table("Pairings");
            b.Reference("Mentors", "Programmes", DeleteBehavior.Cascade);
            b.Reference("Pairings", "Mentors", DeleteBehavior.Cascade);
            b.Reference("Pairings", "Programmes", DeleteBehavior.SetNull, "ProgrammeRef");
        });

        var problem = Assert.Single(SqlServerModelRules.CascadePaths(model));

        Assert.Contains("Deleting from Programmes cascades to Pairings along 2 paths", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CascadePaths_TwoCascadingForeignKeysBetweenTheSameTables_AreReported()
    {
        var model = ToyModel.Build(b =>
        {
            b.Table("Users");
            b.Table("Messages");
            b.Reference("Messages", "Users", DeleteBehavior.Cascade, "SenderId");
            b.Reference("Messages", "Users", DeleteBehavior.Cascade, "RecipientId");
        });

        Assert.Contains("along 2 paths", Assert.Single(SqlServerModelRules.CascadePaths(model)), StringComparison.Ordinal);
    }

    [Fact]
    public void CascadePaths_ACycle_IsReported()
    {
        var model = ToyModel.Build(b =>
        {
            b.Table("Nodes");
            b.Reference("Nodes", "Nodes", DeleteBehavior.Cascade, "ParentId");
        });

        Assert.Contains(SqlServerModelRules.CascadePaths(model), p => p.Contains("cascades back to it", StringComparison.Ordinal));
    }

    [Fact]
    public void CascadePaths_OneRouteAndARestrictedOne_PassAsSqlServerDoes()
    {
        var model = ToyModel.Build(b =>
        {
            b.Table("Programmes");
            b.Table("Mentors");
            b.Table("Pairings");
            b.Reference("Mentors", "Programmes", DeleteBehavior.Cascade);
            b.Reference("Pairings", "Mentors", DeleteBehavior.Cascade);
            b.Reference("Pairings", "Programmes", DeleteBehavior.Restrict, "ProgrammeRef");
        });

        Assert.Empty(SqlServerModelRules.CascadePaths(model));
    }

    [Theory]
    [InlineData("\"Status\" = 'Pending'", "double-quoted")]
    [InlineData("[IsOpen] = true", "true/false")]
    [InlineData("[First] || [Last] <> ''", "||")]
    [InlineData("[ExpiresAt] > now()", "now()")]
    [InlineData("[Count]::bigint > 0", "::")]
    public void ForeignDialect_PostgreSqlSyntaxInAFilterOrCheck_IsReported(string sql, string expected)
    {
        var model = ToyModel.Build(b =>
        {
            var table = b.Table("Things");
            table.Property<string>("Status").HasMaxLength(20);
            table.Property<bool>("IsOpen");
            table.Property<string>("First").HasMaxLength(20);
            table.Property<string>("Last").HasMaxLength(20);
            table.Property<DateTime>("ExpiresAt");
            table.Property<int>("Count");
            table.HasIndex("Status").HasFilter(sql);
            table.ToTable(t => t.HasCheckConstraint("CK_Things", sql));
        });

        var problems = SqlServerModelRules.ForeignDialect(model).ToList();

        Assert.Equal(2, problems.Count); // the filter and the check
        Assert.All(problems, p => Assert.Contains(expected, p, StringComparison.Ordinal));
    }

    [Fact]
    public void ForeignDialect_TSqlWithQuotesInsideALiteral_Passes()
    {
        var model = ToyModel.Build(b =>
        {
            var table = b.Table("Things");
            table.Property<string>("Status").HasMaxLength(20);
            table.HasIndex("Status").HasFilter("[Status] <> 'say \"true\" || now()::x'");
        });

        Assert.Empty(SqlServerModelRules.ForeignDialect(model));
    }

    [Fact]
    public void UnindexableKeyColumns_AnIndexOnNvarcharMax_IsReported()
    {
        var model = ToyModel.Build(b =>
        {
            var table = b.Table("Notes");
            table.Property<string>("Text").HasColumnType("nvarchar(max)");
            table.HasIndex("Text");
        });

        var problem = Assert.Single(SqlServerModelRules.UnindexableKeyColumns(model));

        Assert.Contains("Text of type nvarchar(max)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnindexableKeyColumns_AnIndexedStringWithoutLength_GetsNvarchar450AndPasses()
    {
        var model = ToyModel.Build(b =>
        {
            var table = b.Table("Notes");
            table.Property<string>("Author");
            table.HasIndex("Author");
        });

        Assert.Empty(SqlServerModelRules.UnindexableKeyColumns(model));
    }

    [Fact]
    public void OverWideKeys_ANonclusteredIndexOver1700Bytes_IsReported()
    {
        var model = ToyModel.Build(b =>
        {
            var table = b.Table("Pages");
            table.Property<string>("Title").HasMaxLength(500);
            table.Property<string>("Slug").HasMaxLength(400);
            table.HasIndex("Title", "Slug");
        });

        var problem = Assert.Single(SqlServerModelRules.OverWideKeys(model));

        Assert.Contains("1800 bytes", problem, StringComparison.Ordinal);
        Assert.Contains("1700 for a nonclustered key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void OverWideKeys_AClusteredPrimaryKeyOver900Bytes_IsReported()
    {
        var model = ToyModel.Build(b =>
        {
            var table = b.SharedTypeEntity<Dictionary<string, object>>("Tokens");
            table.Property<string>("Provider").HasMaxLength(300);
            table.Property<string>("Name").HasMaxLength(200);
            table.HasKey("Provider", "Name");
        });

        var problem = Assert.Single(SqlServerModelRules.OverWideKeys(model));

        Assert.Contains("primary key PK_Tokens", problem, StringComparison.Ordinal);
        Assert.Contains("1000 bytes", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nvarchar(450)", 900)]
    [InlineData("varchar(20)", 20)]
    [InlineData("int", 4)]
    [InlineData("datetime2", 8)]
    [InlineData("decimal(18,2)", 17)]
    [InlineData("uniqueidentifier", 16)]
    public void MaxBytes_KnowsTheTypesTheModelUses(string storeType, int bytes) =>
        Assert.Equal(bytes, SqlServerModelRules.MaxBytes(storeType));

    [Fact]
    public void BracketIdentifiers_LeavesLiteralsAlone() =>
        Assert.Equal("[Status] = 'a \"b\" c' AND [Other] IS NULL", SqlServerDialect.BracketIdentifiers("\"Status\" = 'a \"b\" c' AND \"Other\" IS NULL"));
}
