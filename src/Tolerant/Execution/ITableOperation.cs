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

    /// <summary>
    /// Sends the statement on the context's connection. Implementations use the pooling builder, as
    /// <see cref="Table{T}.RunAsync{TOperation, TResult}"/> does, so neither frame is allocated per call once warm.
    /// </summary>
    ValueTask<TResult> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken);
}

/// <summary>
/// Where and how an operation sends its statement. <c>Commands</c> holds the kept commands of a table bound to its
/// connection, <see langword="null"/> on a pooled data source.
/// </summary>
internal readonly record struct CommandContext<T>(
    TableCapabilities<T> Capabilities, NpgsqlConnection Connection, NpgsqlTransaction? Transaction, SchemaCatalog Catalog, BoundCommands? Commands)
    where T : ISqlTable<T>
{
    /// <summary>
    /// A command for <paramref name="sql"/> on this connection and transaction: new, or on a bound table the one kept
    /// for this text, whose parameters the operation then fills with new values (<see cref="ParameterSlots"/>).
    /// </summary>
    public CommandLease Rent(string sql) =>
        Commands?.Rent(sql, Transaction) ?? new CommandLease(new NpgsqlCommand(sql, Connection, Transaction), owner: null);

    /// <summary>
    /// Prepares <paramref name="command"/> (after its parameters are bound) unless the catalog's options say not to or
    /// it is a kept command already prepared on this connection.
    /// </summary>
    public Task PrepareAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        Catalog.Options.PrepareStatements && !command.IsPrepared ? command.PrepareAsync(cancellationToken) : Task.CompletedTask;
}
