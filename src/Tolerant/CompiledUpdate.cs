using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Compilation;
using Tolerant.Execution;
using Tolerant.Querying;

namespace Tolerant;

/// <summary>
/// An UPDATE compiled by <see cref="CompiledQuery.Update{T, TArgs}"/>. Each run leaves out the assignments to columns
/// the database lacks, reports them in <see cref="MutationResult{T}.Skipped"/> and is not sent when all are left out,
/// exactly as a direct update. Immutable and safe to share.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
/// <typeparam name="TArgs">What each run takes.</typeparam>
public sealed class CompiledUpdate<T, TArgs>
    where T : ISqlTable<T>
{
    internal CompiledUpdate(UpdateQuery<T> query)
    {
        query.ThrowIfIncomplete();
        Assignments = query.Assignments!;
        Text = new CompiledText<T>(new StatementKey<T>(StatementKind.Update, query.Condition, orders: null, hasLimit: false, sets: Assignments));

        // The text numbers the assignments in the order they were made (the chain runs from the last), then the condition.
        var assignments = new List<AssignmentBinder<T, TArgs>>();
        for (var assignment = Assignments; assignment is not null; assignment = assignment.Previous)
        {
            assignments.Add(assignment.CreateBinder<TArgs>());
        }

        assignments.Reverse();
        AssignmentBinders = [.. assignments];
        var condition = new List<ParameterBinder<TArgs>>();
        query.Condition?.CollectBinders(condition);
        ConditionBinders = [.. condition];
    }

    internal Assignment<T> Assignments { get; }

    internal CompiledText<T> Text { get; }

    /// <summary>One per assignment, earliest first.</summary>
    internal AssignmentBinder<T, TArgs>[] AssignmentBinders { get; }

    internal ParameterBinder<TArgs>[] ConditionBinders { get; }

    /// <summary>Sends the update with <paramref name="args"/>, leaving out assignments to missing columns; returns the rows updated and what was left out.</summary>
    public Task<MutationResult<T>> ExecuteAsync(Table<T> table, TArgs args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckArguments(in args);
        return table.RunAsync<UpdateOperation<T, CompiledUpdateStatement<T, TArgs>>, MutationResult<T>>(new(Statement(args)), cancellationToken).AsTask();
    }

    /// <summary>
    /// The text sent at <paramref name="capabilities"/>, or <see langword="null"/> when nothing would be sent: every
    /// assignment is to a missing column, or the (optional) table does not exist.
    /// </summary>
    public string? ToSql(TableCapabilities<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return UpdateOperation<T, CompiledUpdateStatement<T, TArgs>>.Sql(capabilities, Statement(default!));
    }

    /// <inheritdoc />
    public override string ToString() => $"compiled UPDATE of {T.Definition.DisplayName}";

    /// <summary>Refuses a refused argument of the condition before anything is sent (assignments take any value, NULL included).</summary>
    internal void CheckArguments(in TArgs args) => ParameterBinder<TArgs>.CheckAll(ConditionBinders, in args);

    /// <summary>What <see cref="ExecuteAsync"/> sends with <paramref name="args"/>.</summary>
    internal CompiledUpdateStatement<T, TArgs> Statement(TArgs args) => new(this, args);
}
