using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Execution;

namespace Tolerant;

/// <summary>
/// A SELECT of every mapped column of <typeparamref name="T"/>, built step by step. The query is a value: each
/// method returns a new one, so a partly built query can be kept and reused. Nothing is sent until it is run.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public readonly struct SelectQuery<T>
    where T : ISqlTable<T>
{
    private readonly Table<T> _table;
    private readonly Condition<T>? _where;
    private readonly OrderTerm<T>[]? _orders;
    private readonly int? _limit;
    private readonly int? _offset;

    internal SelectQuery(Table<T> table, Condition<T>? where, OrderTerm<T>[]? orders, int? limit, int? offset = null)
    {
        _table = table;
        _where = where;
        _orders = orders;
        _limit = limit;
        _offset = offset;
    }

    /// <summary>Keeps the rows where <paramref name="condition"/> holds (and any earlier condition: they combine with AND).</summary>
    public SelectQuery<T> Where(Condition<T> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(_table, _where is null ? condition : _where & condition, _orders, _limit, _offset);
    }

    /// <summary>Orders by <paramref name="column"/>, after any earlier ordering. A missing optional column orders as its declared default.</summary>
    public SelectQuery<T> OrderBy(Column<T> column, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(column);
        var orders = new OrderTerm<T>[(_orders?.Length ?? 0) + 1];
        _orders?.CopyTo(orders, 0);
        orders[^1] = new OrderTerm<T>(column, descending);
        return new(_table, _where, orders, _limit, _offset);
    }

    /// <summary>Returns at most <paramref name="count"/> rows.</summary>
    public SelectQuery<T> Limit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(_table, _where, _orders, count, _offset);
    }

    /// <summary>Skips the first <paramref name="count"/> rows; order the query so that the skipped rows are well defined.</summary>
    public SelectQuery<T> Offset(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(_table, _where, _orders, _limit, count);
    }

    /// <summary>Runs the query and returns every row. An optional table that does not exist gives no rows.</summary>
    public Task<List<T>> ToListAsync(CancellationToken cancellationToken = default) =>
        Table.RunAsync<ReadOperation<T>, List<T>>(new ReadOperation<T>(Key(StatementKind.Select), _where, _limit, _offset), cancellationToken).AsTask();

    /// <summary>Runs the query with a limit of one and returns the first row, or <see langword="default"/> when there is none.</summary>
    public Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default) =>
        Table.RunAsync<FirstOperation<T>, T?>(FirstOperation(), cancellationToken).AsTask();

    /// <summary>Counts the rows the condition selects (ordering, limit and offset are ignored).</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        Table.RunAsync<CountOperation<T>, long>(
            new CountOperation<T>(new StatementKey<T>(StatementKind.Count, _where, orders: null, hasLimit: false, sets: null), _where),
            cancellationToken).AsTask();

    /// <summary>
    /// Streams the rows as they arrive. A statement that fails because the schema changed is retried (outside a
    /// transaction) before the first row; the connection is held until the enumeration ends.
    /// </summary>
    public async IAsyncEnumerable<T> AsAsyncEnumerable([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = Table;
        NpgsqlConnection? owned = null;
        if (!table.IsBound)
        {
            owned = await table.Catalog.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            table = table.ForOneStatement(owned);
        }

        try
        {
            var lease = await table.RunAsync<OpenReaderOperation<T>, ReaderLease>(
                new OpenReaderOperation<T>(Key(StatementKind.Select), _where, _limit, _offset), cancellationToken).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                if (lease.Reader is null)
                {
                    yield break;
                }

                while (await lease.Reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return T.ReadRow(lease.Reader);
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

    /// <summary>
    /// The SQL text this query sends at <paramref name="capabilities"/>: what PostgreSQL sees, with <c>$n</c> for each
    /// value. Useful to read how a missing column is stood in for.
    /// </summary>
    public string ToSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.Statements.Get(Key(StatementKind.Select));
    }

    /// <summary>The SQL text <see cref="CountAsync"/> sends at <paramref name="capabilities"/>.</summary>
    public string ToCountSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.Statements.Get(new StatementKey<T>(StatementKind.Count, _where, orders: null, hasLimit: false, sets: null));
    }

    /// <inheritdoc />
    public override string ToString() => $"SELECT from {Table}{(_where is null ? string.Empty : " WHERE " + _where)}";

    /// <summary>What <see cref="FirstOrDefaultAsync"/> runs: the query with a literal <c>LIMIT 1</c>.</summary>
    internal FirstOperation<T> FirstOperation() =>
        new(new StatementKey<T>(StatementKind.SelectFirst, _where, _orders, hasLimit: false, sets: null, _offset.HasValue), _where, _offset);

    private Table<T> Table => _table ?? throw new InvalidOperationException("Start a query with Table<T>.Select().");

    private StatementKey<T> Key(StatementKind kind) => new(kind, _where, _orders, _limit.HasValue, sets: null, _offset.HasValue);
}
