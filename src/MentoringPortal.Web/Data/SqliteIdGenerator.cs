using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace MentoringPortal.Web.Data;

/// <summary>
/// Gives an entity its id at <c>Add</c> on SQLite, which has no sequences: one row per table in
/// <c>IdBlocks</c> holds the last id given, and each id is taken on the context's own connection and
/// inside its transaction. Nothing is cached in memory, so a unit that rolls back gives its ids back
/// with everything else, and SQLite's single writer keeps two instances from taking the same one.
/// </summary>
public sealed class SqliteIdGenerator : ValueGenerator<int>
{
    public override bool GeneratesTemporaryValues => false;

    public override int Next(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var connection = entry.Context.GetService<IRelationalConnection>();
        connection.Open();
        try
        {
            using var command = Command(connection, entry);
            return Taken(command.ExecuteScalar(), entry);
        }
        finally
        {
            connection.Close();
        }
    }

    public override async ValueTask<int> NextAsync(EntityEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var connection = entry.Context.GetService<IRelationalConnection>();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, entry);
            return Taken(await command.ExecuteScalarAsync(cancellationToken), entry);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static int Taken(object? lastId, EntityEntry entry) => lastId is long id
        ? checked((int)id)
        : throw new InvalidOperationException($"The IdBlocks table has no row for {entry.Metadata.GetTableName()}: is the database migrated?");

    private static DbCommand Command(IRelationalConnection connection, EntityEntry entry)
    {
        var table = entry.Metadata.GetTableName() ?? throw new InvalidOperationException($"{entry.Metadata.DisplayName()} has no table.");
        var command = connection.DbConnection.CreateCommand();
        command.Transaction = connection.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """UPDATE "IdBlocks" SET "LastId" = "LastId" + 1 WHERE "Name" = $name RETURNING "LastId";""";
        var name = command.CreateParameter();
        name.ParameterName = "$name";
        name.Value = KnownIds.SequenceFor(table);
        command.Parameters.Add(name);
        return command;
    }
}
