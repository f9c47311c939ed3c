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
/// Outside a unit the id is taken in a transaction of its own: Microsoft.Data.Sqlite retries a busy database while it
/// begins a transaction and commits one, but not when a lone <c>UPDATE … RETURNING</c> commits as its reader closes.
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
            using var ownTransaction = connection.CurrentTransaction is null ? connection.DbConnection.BeginTransaction() : null;
            using var command = Command(connection, entry, ownTransaction);
            var id = Taken(command.ExecuteScalar(), entry);
            ownTransaction?.Commit();
            return id;
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
            await using var ownTransaction = connection.CurrentTransaction is null
                ? await connection.DbConnection.BeginTransactionAsync(cancellationToken)
                : null;
            await using var command = Command(connection, entry, ownTransaction);
            var id = Taken(await command.ExecuteScalarAsync(cancellationToken), entry);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return id;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static int Taken(object? lastId, EntityEntry entry) => lastId is long id
        ? checked((int)id)
        : throw new InvalidOperationException($"The IdBlocks table has no row for {entry.Metadata.GetTableName()}: is the database migrated?");

    private static DbCommand Command(IRelationalConnection connection, EntityEntry entry, DbTransaction? ownTransaction)
    {
        var table = entry.Metadata.GetTableName() ?? throw new InvalidOperationException($"{entry.Metadata.DisplayName()} has no table.");
        var command = connection.DbConnection.CreateCommand();
        command.Transaction = ownTransaction ?? connection.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """UPDATE "IdBlocks" SET "LastId" = "LastId" + 1 WHERE "Name" = $name RETURNING "LastId";""";
        var name = command.CreateParameter();
        name.ParameterName = "$name";
        name.Value = KnownIds.SequenceFor(table);
        command.Parameters.Add(name);
        return command;
    }
}
