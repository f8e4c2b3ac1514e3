using System;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Execution;

namespace Tolerant;

/// <summary>
/// A DELETE from <typeparamref name="T"/>'s table. Rows must be chosen explicitly, with <see cref="Where"/> or
/// <see cref="AllRows"/>. A condition on a missing optional column is evaluated against its declared default.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public readonly struct DeleteQuery<T>
    where T : ISqlTable<T>
{
    private readonly Table<T> _table;
    private readonly Condition<T>? _where;
    private readonly bool _allRows;

    internal DeleteQuery(Table<T> table, Condition<T>? where, bool allRows)
    {
        _table = table;
        _where = where;
        _allRows = allRows;
    }

    /// <summary>Deletes the rows where <paramref name="condition"/> holds (and any earlier condition).</summary>
    public DeleteQuery<T> Where(Condition<T> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(_table, _where is null ? condition : _where & condition, _allRows);
    }

    /// <summary>Deletes every row of the table: an explicit choice, since a forgotten condition would do the same.</summary>
    public DeleteQuery<T> AllRows() => new(_table, _where, allRows: true);

    /// <summary>Sends the delete; returns the rows deleted.</summary>
    public Task<MutationResult<T>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (_table is null)
        {
            throw new InvalidOperationException("Start a delete with Table<T>.Delete().");
        }

        ThrowIfIncomplete();
        return _table.RunAsync<DeleteOperation<T, QueryStatement<T>>, MutationResult<T>>(new(new QueryStatement<T>(Key)), cancellationToken).AsTask();
    }

    /// <summary>The SQL text this delete sends at <paramref name="capabilities"/>, with <c>$n</c> for each value.</summary>
    public string ToSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.Statements.Get(Key);
    }

    /// <summary>The key of the delete's text.</summary>
    internal StatementKey<T> Key => new(StatementKind.Delete, _where, orders: null, hasLimit: false, sets: null);

    /// <summary>Throws unless rows were chosen (also checked when the delete is compiled).</summary>
    internal void ThrowIfIncomplete()
    {
        if (_where is null && !_allRows)
        {
            throw new InvalidOperationException($"The delete from {T.Definition.DisplayName} has no condition; call Where(...) or, to delete every row, AllRows().");
        }
    }
}
