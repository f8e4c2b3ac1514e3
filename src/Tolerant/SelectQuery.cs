using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Compilation;
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
    private readonly ArgSource<int>? _limitArg;
    private readonly ArgSource<int>? _offsetArg;

    internal SelectQuery(
        Table<T> table, Condition<T>? where, OrderTerm<T>[]? orders, int? limit, int? offset = null, ArgSource<int>? limitArg = null, ArgSource<int>? offsetArg = null)
    {
        _table = table;
        _where = where;
        _orders = orders;
        _limit = limit;
        _offset = offset;
        _limitArg = limitArg;
        _offsetArg = offsetArg;
    }

    /// <summary>Keeps the rows where <paramref name="condition"/> holds (and any earlier condition: they combine with AND).</summary>
    public SelectQuery<T> Where(Condition<T> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(_table, _where is null ? condition : _where & condition, _orders, _limit, _offset, _limitArg, _offsetArg);
    }

    /// <summary>Orders by <paramref name="column"/>, after any earlier ordering. A missing optional column orders as its declared default.</summary>
    public SelectQuery<T> OrderBy(Column<T> column, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(column);
        var orders = new OrderTerm<T>[(_orders?.Length ?? 0) + 1];
        _orders?.CopyTo(orders, 0);
        orders[^1] = new OrderTerm<T>(column, descending);
        return new(_table, _where, orders, _limit, _offset, _limitArg, _offsetArg);
    }

    /// <summary>Returns at most <paramref name="count"/> rows.</summary>
    [OverloadResolutionPriority(1)] // Limit(default) and Offset(default) keep meaning a value
    public SelectQuery<T> Limit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(_table, _where, _orders, count, _offset, limitArg: null, _offsetArg);
    }

    /// <summary>Returns at most as many rows as the compiled query's argument <paramref name="count"/> says (a negative count is refused before sending).</summary>
    public SelectQuery<T> Limit(Arg<int> count) => new(_table, _where, _orders, limit: null, _offset, count.Source, _offsetArg);

    /// <summary>Skips the first <paramref name="count"/> rows; order the query so that the skipped rows are well defined.</summary>
    [OverloadResolutionPriority(1)]
    public SelectQuery<T> Offset(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(_table, _where, _orders, _limit, count, _limitArg, offsetArg: null);
    }

    /// <summary>Skips as many rows as the compiled query's argument <paramref name="count"/> says: compiled paging.</summary>
    public SelectQuery<T> Offset(Arg<int> count) => new(_table, _where, _orders, _limit, offset: null, _limitArg, count.Source);

    /// <summary>Runs the query and returns every row. An optional table that does not exist gives no rows.</summary>
    public Task<List<T>> ToListAsync(CancellationToken cancellationToken = default) =>
        Table.RunAsync<ReadOperation<T, QueryStatement<T>>, List<T>>(new(Statement()), cancellationToken).AsTask();

    /// <summary>Runs the query with a limit of one and returns the first row, or <see langword="default"/> when there is none.</summary>
    public Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default) =>
        Table.RunAsync<FirstOperation<T, QueryStatement<T>>, T?>(new(FirstStatement()), cancellationToken).AsTask();

    /// <summary>Counts the rows the condition selects (ordering, limit and offset are ignored).</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        Table.RunAsync<CountOperation<T, QueryStatement<T>>, long>(new(new QueryStatement<T>(CountKey())), cancellationToken).AsTask();

    /// <summary>
    /// Streams the rows as they arrive. A statement that fails because the schema changed is retried (outside a
    /// transaction) before the first row; the connection is held until the enumeration ends.
    /// </summary>
    public IAsyncEnumerable<T> AsAsyncEnumerable(CancellationToken cancellationToken = default) =>
        RowStream.ReadAsync(Table, Statement(), cancellationToken);

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
        return capabilities.Statements.Get(CountKey());
    }

    /// <inheritdoc />
    public override string ToString() => $"SELECT from {Table}{(_where is null ? string.Empty : " WHERE " + _where)}";

    /// <summary>What <see cref="ToListAsync"/> and the stream send.</summary>
    internal QueryStatement<T> Statement()
    {
        ThrowIfArgument(_limitArg, "limit");
        ThrowIfArgument(_offsetArg, "offset");
        return new(Key(StatementKind.Select), _limit, _offset);
    }

    /// <summary>What <see cref="FirstOrDefaultAsync"/> sends: the query with a literal <c>LIMIT 1</c>.</summary>
    internal QueryStatement<T> FirstStatement()
    {
        ThrowIfArgument(_offsetArg, "offset");
        return new(FirstKey(), limit: null, _offset);
    }

    /// <summary>The key of the list's text.</summary>
    internal StatementKey<T> Key(StatementKind kind) => new(kind, _where, _orders, HasLimit, sets: null, HasOffset);

    /// <summary>The key of <see cref="FirstOrDefaultAsync"/>'s text (its limit is a literal, not a parameter).</summary>
    internal StatementKey<T> FirstKey() => new(StatementKind.SelectFirst, _where, _orders, hasLimit: false, sets: null, HasOffset);

    /// <summary>The key of <see cref="CountAsync"/>'s text: the condition only.</summary>
    internal StatementKey<T> CountKey() => new(StatementKind.Count, _where, orders: null, hasLimit: false, sets: null);

    /// <summary>The limit given as a value, if any.</summary>
    internal int? LimitCount => _limit;

    /// <summary>The offset given as a value, if any.</summary>
    internal int? OffsetCount => _offset;

    /// <summary>The limit given as a compiled query's argument, if any.</summary>
    internal ArgSource<int>? LimitArg => _limitArg;

    /// <summary>The offset given as a compiled query's argument, if any.</summary>
    internal ArgSource<int>? OffsetArg => _offsetArg;

    private bool HasLimit => _limit.HasValue || _limitArg is not null;

    private bool HasOffset => _offset.HasValue || _offsetArg is not null;

    private static void ThrowIfArgument(ArgSource<int>? source, string what)
    {
        if (source is not null)
        {
            throw new InvalidOperationException(
                $"The {what} of this query on {T.Definition.DisplayName} takes its value from an Arg<int>: run it through the CompiledQuery whose builder made it.");
        }
    }

    private Table<T> Table => _table ?? throw new InvalidOperationException("Start a query with Table<T>.Select().");
}
