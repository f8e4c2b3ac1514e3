using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Catalog;
using Tolerant.Execution;

namespace Tolerant;

/// <summary>
/// The table behind <typeparamref name="T"/>, with statements that fit the schema the database has: a missing
/// optional column reads as its declared default and writes leave it out. Get one from
/// <see cref="SchemaCatalog.Table{T}"/>; it is cheap to hold and safe for concurrent use. A table bound to a
/// connection with <see cref="On"/> serves one caller at a time, as the connection does.
/// </summary>
/// <typeparam name="T">A <c>[SqlTable]</c> type.</typeparam>
public sealed class Table<T>
    where T : ISqlTable<T>
{
    private readonly TableState<T> _state;
    private readonly NpgsqlConnection? _connection;
    private readonly NpgsqlTransaction? _transaction;
    private readonly BoundCommands? _commands;

    internal Table(SchemaCatalog catalog, TableState<T> state, NpgsqlConnection? connection, NpgsqlTransaction? transaction, bool keepCommands = true)
    {
        Catalog = catalog;
        _state = state;
        _connection = connection;
        _transaction = transaction;
        _commands = connection is null || !keepCommands ? null : BoundCommands.For(connection);
    }

    /// <summary>The catalog this table's capabilities come from.</summary>
    public SchemaCatalog Catalog { get; }

    /// <summary>The table as the model declares it.</summary>
    public TableDefinition<T> Definition => T.Definition;

    /// <summary>
    /// The same table, with statements sent on <paramref name="connection"/> (which must be open) and, when given,
    /// inside <paramref name="transaction"/>, so that work on several tables commits together. Inside a transaction a
    /// statement that fails because the schema changed is not retried: the error surfaces, naming table and column.
    /// </summary>
    /// <remarks>
    /// The bound table keeps each statement's command, prepared, and sends it again with new values, as a
    /// hand-written prepared command would be reused: hold on to the bound table for as long as the connection is
    /// yours; the commands are kept per connection, so tables bound to it for successive units of work share them.
    /// Like the connection, a bound table serves one caller at a time. Tolerant calls
    /// <see cref="NpgsqlConnection.UnprepareAll"/> itself after a column changes type and then drops the kept commands
    /// of every table bound to the connection; if your own code calls it, open a new connection for Tolerant.
    /// </remarks>
    public Table<T> On(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (transaction is not null && !ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("The transaction belongs to another connection.", nameof(transaction));
        }

        return new Table<T>(Catalog, _state, connection, transaction);
    }

    /// <summary>
    /// Which columns the database has. Answered from the catalog's cache; the first call (and the first after an
    /// invalidation) runs one catalog query shared by every table and every concurrent caller.
    /// </summary>
    public async ValueTask<TableCapabilities<T>> GetCapabilitiesAsync(CancellationToken cancellationToken = default) =>
        (await _state.GetAsync(cancellationToken).ConfigureAwait(false)).Capabilities;

    /// <summary>Inserts <paramref name="row"/>, leaving out the columns the database lacks (listed in the result's <see cref="MutationResult{T}.Skipped"/>).</summary>
    public Task<MutationResult<T>> InsertAsync(T row, CancellationToken cancellationToken = default) =>
        RunAsync<InsertOperation<T>, MutationResult<T>>(new InsertOperation<T>(row), cancellationToken).AsTask();

    /// <summary>
    /// Inserts <paramref name="rows"/> all or none: a batch of prepared INSERTs for a few rows, a binary COPY of the
    /// present columns from <see cref="SchemaCatalogOptions.CopyThreshold"/> rows on.
    /// </summary>
    public Task<MutationResult<T>> InsertManyAsync(IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<T> ?? new List<T>(rows);
        return RunAsync<InsertManyOperation<T>, MutationResult<T>>(new InsertManyOperation<T>(list), cancellationToken).AsTask();
    }

    /// <summary>The INSERT text <see cref="InsertAsync"/> sends at <paramref name="capabilities"/>, with <c>$n</c> for each value.</summary>
    public string ToInsertSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.Statements.Insert;
    }

    /// <summary>Starts a SELECT of every mapped column; refine it with <c>Where</c>, <c>OrderBy</c> and <c>Limit</c>.</summary>
    public SelectQuery<T> Select() => new(this, where: null, orders: null, limit: null);

    /// <summary>Starts an UPDATE; add assignments with <c>Set</c> and rows with <c>Where</c> (or <c>AllRows</c>).</summary>
    public UpdateQuery<T> Update() => new(this, assignments: null, where: null, allRows: false);

    /// <summary>Starts a DELETE; choose rows with <c>Where</c> (or <c>AllRows</c>).</summary>
    public DeleteQuery<T> Delete() => new(this, where: null, allRows: false);

    /// <inheritdoc />
    public override string ToString() => T.Definition.DisplayName;

    /// <summary>The same table on a connection opened for one statement (a stream), where keeping commands would gain nothing.</summary>
    internal Table<T> ForOneStatement(NpgsqlConnection connection) => new(Catalog, _state, connection, transaction: null, keepCommands: false);

    /// <summary>Whether statements go to a connection the caller owns.</summary>
    internal bool IsBound => _connection is not null;

    internal ValueTask<(TableCapabilities<T> Capabilities, CatalogSnapshot Snapshot)> GetStateAsync(CancellationToken cancellationToken) =>
        _state.GetAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="operation"/> with the current capabilities. When the statement fails because the schema
    /// changed, the catalog is probed again; outside a transaction the statement is retried once on the fresh answer
    /// (PostgreSQL applied nothing), inside one the failure surfaces as a <see cref="SchemaMismatchException"/>.
    /// </summary>
    /// <remarks>
    /// Pooled, like the operations it awaits: the public methods hand out <c>RunAsync(...).AsTask()</c>, a small task
    /// over the pooled frame, instead of a task that is the whole frame.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<TResult> RunAsync<TOperation, TResult>(TOperation operation, CancellationToken cancellationToken)
        where TOperation : ITableOperation<T, TResult>
    {
        // Before anything touches the connection: a cancelled COPY would break the caller's connection.
        cancellationToken.ThrowIfCancellationRequested();
        NpgsqlConnection? owned = null;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var (capabilities, snapshot) = await _state.GetAsync(cancellationToken).ConfigureAwait(false);
                if (!capabilities.TableExists)
                {
                    if (T.Definition.IsOptional)
                    {
                        return operation.WhenTableMissing(capabilities);
                    }

                    throw SchemaMismatchException.MissingTable(T.Definition.DisplayName, optional: false);
                }

                if (capabilities.MissingRequired.Count > 0)
                {
                    throw SchemaMismatchException.MissingColumn(T.Definition.DisplayName, capabilities.MissingRequired[0], tableExists: true);
                }

                var connection = _connection ?? (owned ??= await Catalog.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
                try
                {
                    return await operation.ExecuteAsync(new CommandContext<T>(capabilities, connection, _transaction, Catalog, _commands), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (PostgresException exception) when (SchemaErrors.IsSchemaChange(exception))
                {
                    Catalog.InvalidateAfterFailure(snapshot);
                    if (exception.SqlState == SchemaErrors.CachedPlanChangedResultType && _transaction is null)
                    {
                        // This connection's prepared plans are stale (a column changed type). Other pooled connections
                        // meet the same error on their own and mend themselves the same way; the retry stays on this
                        // connection, whose plans are now gone.
                        connection.UnprepareAll();
                        // Npgsql's commands do not learn that their statements were deallocated: kept ones, of
                        // this table or any other bound to the connection, would send names since reused.
                        _commands?.ClearBeforeNextUse();
                    }

                    if (_transaction is not null || attempt > 0)
                    {
                        var fresh = await GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
                        throw SchemaMismatchException.ChangedUnderStatement(capabilities, fresh, exception, inTransaction: _transaction is not null);
                    }

                    Log.RetryingAfterSchemaChange(Catalog.Logger, T.Definition.DisplayName, exception.SqlState);
                }
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
