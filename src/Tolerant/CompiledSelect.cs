using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Compilation;
using Tolerant.Execution;

namespace Tolerant;

/// <summary>
/// A SELECT compiled by <see cref="CompiledQuery.Select{T, TArgs}"/>: run it on any <see cref="Table{T}"/> of its
/// record type, pooled or bound, with this run's <typeparamref name="TArgs"/>. Immutable and safe to share.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
/// <typeparam name="TArgs">What each run takes.</typeparam>
public sealed class CompiledSelect<T, TArgs>
    where T : ISqlTable<T>
{
    private readonly CompiledText<T> _list;
    private readonly CompiledText<T> _first;
    private readonly CompiledText<T> _count;
    private readonly ParameterBinder<TArgs>[] _listBinders;
    private readonly ParameterBinder<TArgs>[] _firstBinders;
    private readonly ParameterBinder<TArgs>[] _countBinders;

    internal CompiledSelect(SelectQuery<T> query)
    {
        _list = new CompiledText<T>(query.Key(StatementKind.Select));
        _first = new CompiledText<T>(query.FirstKey());
        _count = new CompiledText<T>(query.CountKey());

        // The texts number the condition's values first, then the list's limit and offset (the first row's offset).
        var condition = new List<ParameterBinder<TArgs>>();
        _list.Key.Where?.CollectBinders(condition);
        _countBinders = [.. condition];
        var offset = CountBinder(query.OffsetCount, query.OffsetArg, "OFFSET");
        var limit = CountBinder(query.LimitCount, query.LimitArg, "LIMIT");
        _firstBinders = offset is null ? _countBinders : [.. condition, offset];
        var list = new List<ParameterBinder<TArgs>>(condition);
        if (limit is not null)
        {
            list.Add(limit);
        }

        if (offset is not null)
        {
            list.Add(offset);
        }

        _listBinders = [.. list];
    }

    /// <summary>Runs the query with <paramref name="args"/> and returns every row (none while an optional table does not exist).</summary>
    public Task<List<T>> ToListAsync(Table<T> table, TArgs args, CancellationToken cancellationToken = default)
    {
        Check(table, args);
        return table.RunAsync<ReadOperation<T, CompiledStatement<T, TArgs>>, List<T>>(new(ListStatement(args)), cancellationToken).AsTask();
    }

    /// <summary>Runs the query with <paramref name="args"/> and a limit of one; returns the first row or <see langword="default"/>.</summary>
    public Task<T?> FirstOrDefaultAsync(Table<T> table, TArgs args, CancellationToken cancellationToken = default)
    {
        Check(table, args);
        return table.RunAsync<FirstOperation<T, CompiledStatement<T, TArgs>>, T?>(new(FirstStatement(args)), cancellationToken).AsTask();
    }

    /// <summary>Counts the rows the condition selects with <paramref name="args"/> (ordering, limit and offset are ignored).</summary>
    public Task<long> CountAsync(Table<T> table, TArgs args, CancellationToken cancellationToken = default)
    {
        Check(table, args);
        return table.RunAsync<CountOperation<T, CompiledStatement<T, TArgs>>, long>(new(new(_count, _countBinders, args)), cancellationToken).AsTask();
    }

    /// <summary>Streams the rows of a run with <paramref name="args"/>, as <see cref="SelectQuery{T}.AsAsyncEnumerable"/> does.</summary>
    public IAsyncEnumerable<T> AsAsyncEnumerable(Table<T> table, TArgs args, CancellationToken cancellationToken = default)
    {
        Check(table, args);
        return RowStream.ReadAsync(table, ListStatement(args), cancellationToken);
    }

    /// <summary>The text <see cref="ToListAsync"/> sends at <paramref name="capabilities"/>, with <c>$n</c> for each value.</summary>
    public string ToSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return _list.Get(capabilities);
    }

    /// <summary>The text <see cref="CountAsync"/> sends at <paramref name="capabilities"/>.</summary>
    public string ToCountSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return _count.Get(capabilities);
    }

    /// <inheritdoc />
    public override string ToString() => $"compiled SELECT from {T.Definition.DisplayName}{(_list.Key.Where is { } where ? " WHERE " + where : string.Empty)}";

    /// <summary>What <see cref="FirstOrDefaultAsync"/> sends with <paramref name="args"/>: its text and binding, without I/O.</summary>
    internal CompiledStatement<T, TArgs> FirstStatement(TArgs args) => new(_first, _firstBinders, args);

    private CompiledStatement<T, TArgs> ListStatement(TArgs args) => new(_list, _listBinders, args);

    /// <summary>
    /// Refuses, before anything is sent, an argument the query refuses: a NULL for <c>Eq</c>, a null array for
    /// <c>In</c>, a negative limit or offset. Every run checks them all, also a count or first row that does not use
    /// the limit, as a query built per call refuses <c>Limit(-1)</c> whatever runs it.
    /// </summary>
    internal void CheckArguments(in TArgs args) => ParameterBinder<TArgs>.CheckAll(_listBinders, in args);

    private void Check(Table<T> table, in TArgs args)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckArguments(in args);
    }

    private static ParameterBinder<TArgs>? CountBinder(int? value, ArgSource<int>? argument, string clause) =>
        value is { } count ? new FixedCountBinder<TArgs>(count)
        : argument is not null ? new ArgCountBinder<T, TArgs>(argument.For<TArgs>(), clause)
        : null;
}
