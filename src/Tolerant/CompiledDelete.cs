using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Compilation;
using Tolerant.Execution;

namespace Tolerant;

/// <summary>A DELETE compiled by <see cref="CompiledQuery.Delete{T, TArgs}"/>. Immutable and safe to share.</summary>
/// <typeparam name="T">The mapped record type.</typeparam>
/// <typeparam name="TArgs">What each run takes.</typeparam>
public sealed class CompiledDelete<T, TArgs>
    where T : ISqlTable<T>
{
    private readonly CompiledText<T> _text;
    private readonly ParameterBinder<TArgs>[] _binders;

    internal CompiledDelete(DeleteQuery<T> query)
    {
        query.ThrowIfIncomplete();
        _text = new CompiledText<T>(query.Key);
        var binders = new List<ParameterBinder<TArgs>>();
        query.Key.Where?.CollectBinders(binders);
        _binders = [.. binders];
    }

    /// <summary>Sends the delete with <paramref name="args"/>; returns the rows deleted.</summary>
    public Task<MutationResult<T>> ExecuteAsync(Table<T> table, TArgs args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ParameterBinder<TArgs>.CheckAll(_binders, in args);
        return table.RunAsync<DeleteOperation<T, CompiledStatement<T, TArgs>>, MutationResult<T>>(new(new(_text, _binders, args)), cancellationToken).AsTask();
    }

    /// <summary>The text sent at <paramref name="capabilities"/>, with <c>$n</c> for each value.</summary>
    public string ToSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return _text.Get(capabilities);
    }

    /// <inheritdoc />
    public override string ToString() => $"compiled DELETE from {T.Definition.DisplayName}";
}
