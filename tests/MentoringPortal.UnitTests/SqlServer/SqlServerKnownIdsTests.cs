using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MentoringPortal.UnitTests.SqlServer;

/// <summary>
/// On SQL Server the ids given at Add come from hi/lo sequences, and the migration that takes IDENTITY off
/// the existing Id columns puts back every foreign key it drops and starts each sequence past the rows.
/// </summary>
public sealed class SqlServerKnownIdsTests
{
    [Fact]
    public void Model_KnownIdsComeFromOneHiLoSequencePerTable()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        foreach (var type in KnownIds.Entities)
        {
            var entity = db.Model.FindEntityType(type)!;
            var id = entity.FindProperty("Id")!;
            Assert.Equal(SqlServerValueGenerationStrategy.SequenceHiLo, SqlServerPropertyExtensions.GetValueGenerationStrategy(id));
            Assert.Equal($"{entity.GetTableName()}Ids", SqlServerPropertyExtensions.GetHiLoSequenceName(id));
        }
    }

    [Fact]
    public void IdsBeforeSavingMigration_PutsBackEveryForeignKeyItDrops_AndRestartsEachSequencePastTheRows()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var migrations = db.Database.GetMigrations().ToList();
        var ids = migrations.Single(m => m.EndsWith("_IdsBeforeSaving", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(ids) - 1];

        var script = db.GetService<IMigrator>().GenerateScript(fromMigration: before, toMigration: ids);

        var dropped = ForeignKeys(script, "DROP CONSTRAINT [FK_");
        var added = ForeignKeys(script, "ADD CONSTRAINT [FK_");
        Assert.NotEmpty(dropped);
        Assert.Equal(dropped.Order(), added.Order());
        foreach (var type in KnownIds.Entities)
        {
            // Pairings were still called Mentorships when this migration ran (OnePairingWord renamed them later).
            var table = db.Model.FindEntityType(type)!.GetTableName() is var name && name == "Pairings" ? "Mentorships" : name;
            Assert.Contains($"CREATE SEQUENCE [{table}Ids]", script, StringComparison.Ordinal);
            Assert.Contains($"ALTER SEQUENCE [{table}Ids] RESTART WITH", script, StringComparison.Ordinal);
            Assert.Contains($"UPDATE [{table}] SET [IdFromSequence] = [Id];", script, StringComparison.Ordinal);
            Assert.Contains($"ALTER TABLE [{table}] ADD CONSTRAINT [PK_{table}] PRIMARY KEY ([Id]);", script, StringComparison.Ordinal);
        }
    }

    private static List<string> ForeignKeys(string script, string marker)
    {
        var names = new List<string>();
        for (var at = script.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = script.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var start = at + marker.Length - "FK_".Length;
            names.Add(script[start..script.IndexOf(']', start)]);
        }

        return names;
    }
}
