using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Compilation;
using Tolerant.Execution;
using Tolerant.Querying;

namespace Tolerant;

/// <summary>
/// An UPDATE of <typeparamref name="T"/>'s table. An assignment to a column the database lacks is left out and
/// reported in <see cref="MutationResult{T}.Skipped"/>; an update whose assignments are all left out is not sent.
/// Rows must be chosen explicitly, with <see cref="Where"/> or <see cref="AllRows"/>.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public readonly struct UpdateQuery<T>
    where T : ISqlTable<T>
{
    private readonly Table<T> _table;
    private readonly Assignment<T>? _assignments;
    private readonly Condition<T>? _where;
    private readonly bool _allRows;

    internal UpdateQuery(Table<T> table, Assignment<T>? assignments, Condition<T>? where, bool allRows)
    {
        _table = table;
        _assignments = assignments;
        _where = where;
        _allRows = allRows;
    }

    /// <summary>Sets <paramref name="column"/> to <paramref name="value"/>.</summary>
    [OverloadResolutionPriority(1)] // Set(column, default) keeps meaning the value, not an Arg<TValue>
    public UpdateQuery<T> Set<TValue>(Column<T, TValue> column, TValue value)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (BoxedArg.Is(value, out var argument))
        {
            return Set(column, argument);
        }

        ThrowIfSet(column);
        return new(_table, new Assignment<T, TValue>(column, value, _assignments), _where, _allRows);
    }

    /// <summary>Sets <paramref name="column"/> to the compiled update's argument <paramref name="value"/>.</summary>
    public UpdateQuery<T> Set<TValue>(Column<T, TValue> column, Arg<TValue> value)
    {
        ArgumentNullException.ThrowIfNull(column);
        ThrowIfSet(column);
        return new(_table, new ArgAssignment<T, TValue>(column, value.Source, _assignments), _where, _allRows);
    }

    /// <summary>Updates the rows where <paramref name="condition"/> holds (and any earlier condition).</summary>
    public UpdateQuery<T> Where(Condition<T> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(_table, _assignments, _where is null ? condition : _where & condition, _allRows);
    }

    /// <summary>Updates every row of the table: an explicit choice, since a forgotten condition would do the same.</summary>
    public UpdateQuery<T> AllRows() => new(_table, _assignments, _where, allRows: true);

    /// <summary>Sends the update, leaving out assignments to missing columns; returns the rows updated and what was left out.</summary>
    public Task<MutationResult<T>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (_table is null)
        {
            throw new InvalidOperationException("Start an update with Table<T>.Update().");
        }

        ThrowIfIncomplete();
        return _table.RunAsync<UpdateOperation<T, UpdateStatement<T>>, MutationResult<T>>(new(Statement()), cancellationToken).AsTask();
    }

    /// <summary>
    /// The SQL text this update sends at <paramref name="capabilities"/>, with <c>$n</c> for each value, or
    /// <see langword="null"/> when every assignment is to a missing column and nothing would be sent.
    /// </summary>
    public string? ToSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return _assignments is null ? null : UpdateOperation<T, UpdateStatement<T>>.Sql(capabilities, Statement());
    }

    /// <summary>What <see cref="ExecuteAsync"/> sends, once it has checked the update is complete.</summary>
    internal UpdateStatement<T> Statement() => new(_assignments!, _where);

    /// <summary>The last assignment, linked to the earlier ones.</summary>
    internal Assignment<T>? Assignments => _assignments;

    /// <summary>The condition, if any.</summary>
    internal Condition<T>? Condition => _where;

    /// <summary>Throws unless a column is set and rows were chosen (also checked when the update is compiled).</summary>
    internal void ThrowIfIncomplete()
    {
        if (_assignments is null)
        {
            throw new InvalidOperationException($"The update of {T.Definition.DisplayName} sets no column; call Set(...) first.");
        }

        if (_where is null && !_allRows)
        {
            throw new InvalidOperationException($"The update of {T.Definition.DisplayName} has no condition; call Where(...) or, to update every row, AllRows().");
        }
    }

    private void ThrowIfSet(Column<T> column)
    {
        if (_assignments?.Sets(column.Ordinal) == true)
        {
            throw new ArgumentException($"Column \"{column.Name}\" is already set in this update.", nameof(column));
        }
    }
}
