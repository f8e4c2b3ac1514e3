using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>
/// One statement against a table, run by <see cref="Table{T}"/> with the capabilities of the moment. A struct
/// implements it, so running an operation allocates no closure.
/// </summary>
internal interface ITableOperation<T, TResult>
    where T : ISqlTable<T>
{
    /// <summary>The result while the table is an optional table that does not exist: empty reads, skipped writes.</summary>
    TResult WhenTableMissing(TableCapabilities<T> capabilities);

    /// <summary>Sends the statement on the context's connection.</summary>
    Task<TResult> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken);
}

/// <summary>Where and how an operation sends its statement.</summary>
internal readonly record struct CommandContext<T>(
    TableCapabilities<T> Capabilities, NpgsqlConnection Connection, NpgsqlTransaction? Transaction, SchemaCatalog Catalog)
    where T : ISqlTable<T>
{
    /// <summary>A command for <paramref name="sql"/> on this connection and transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    /// <summary>Prepares <paramref name="command"/> (after its parameters are bound) unless the catalog's options say not to.</summary>
    public Task PrepareAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        Catalog.Options.PrepareStatements ? command.PrepareAsync(cancellationToken) : Task.CompletedTask;
}
