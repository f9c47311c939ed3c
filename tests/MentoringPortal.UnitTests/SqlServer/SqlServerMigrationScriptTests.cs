using System.Text.RegularExpressions;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace MentoringPortal.UnitTests.SqlServer;

/// <summary>
/// The script `dotnet ef migrations script --idempotent` gives a SQL Server administrator, read by
/// Microsoft's own T-SQL parser. No SQL Server is contacted: this proves the script is T-SQL, not that it runs.
/// </summary>
public sealed partial class SqlServerMigrationScriptTests
{
    private static string IdempotentScript()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration.");
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void IdempotentScript_EveryBatchAndEveryExecStringParsesAsTSql()
    {
        var script = IdempotentScript();
        var batches = GoLine().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)).ToList();

        var errors = new List<string>();
        var dynamicSql = new List<string>();
        foreach (var (batch, number) in batches.Select((b, i) => (b, i + 1)))
        {
            var parsed = Parse(batch, out var batchErrors);
            errors.AddRange(batchErrors.Select(e => $"batch {number}, line {e.Line}: {e.Message}"));
            dynamicSql.AddRange(ExecStrings(parsed));
        }

        // EF Core wraps some statements (filtered indexes among them) in EXEC(N'...'): the parser sees only a
        // string there, so each string is parsed on its own too.
        foreach (var sql in dynamicSql)
        {
            Parse(sql, out var sqlErrors);
            errors.AddRange(sqlErrors.Select(e => $"EXEC(N'{sql}'): {e.Message}"));
        }

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(GoLine().Count(script), batches.Count);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ContactRequests_OnePendingPerPair] ON [ContactRequests] ([MenteeId], [MentorId]) WHERE [Status] = 'Pending'",
            dynamicSql);
        // Created under the table's first name; OnePairingWord renames table and index, keeping the rows.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Mentorships_OneActivePerMenteeAndProgramme] ON [Mentorships] ([MenteeId], [ProgrammeId]) WHERE [Status] = 'Active'",
            dynamicSql);
        Assert.Contains("EXEC sp_rename N'[Mentorships]', N'Pairings', 'OBJECT';", script, StringComparison.Ordinal);
    }

    [Fact]
    public void IdempotentScript_ParsesWhole_AndCreatesTheTables()
    {
        var script = IdempotentScript();

        var parsed = Parse(script, out var errors);

        Assert.Empty(errors);
        Assert.Equal(GoLine().Count(script), parsed.Batches.Count);
        Assert.Contains("CONSTRAINT [CK_Mentors_ActiveWithinCapacity] CHECK ([ActiveMenteeCount] >= 0 AND [ActiveMenteeCount] <= [Capacity])",
            script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_RejectsABrokenBatch()
    {
        // The check above is only worth something if the parser complains at all.
        Parse("CREATE TABLE [X] ([Id] int NOT NULL,, );", out var errors);

        Assert.NotEmpty(errors);
    }

    private static TSqlScript Parse(string sql, out IList<ParseError> errors)
    {
        using var reader = new StringReader(sql);
        return (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out errors);
    }

    private static List<string> ExecStrings(TSqlFragment fragment)
    {
        var visitor = new ExecStringVisitor();
        fragment.Accept(visitor);
        return visitor.Strings;
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GoLine();

    private sealed class ExecStringVisitor : TSqlFragmentVisitor
    {
        public List<string> Strings { get; } = [];

        public override void Visit(ExecutableStringList node) =>
            Strings.Add(string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value)));
    }
}
