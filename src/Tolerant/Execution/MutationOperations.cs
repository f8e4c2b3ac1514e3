using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Querying;

namespace Tolerant.Execution;

/// <summary>UPDATE of the assignments whose columns exist; not sent at all when none do.</summary>
internal readonly struct UpdateOperation<T>(Assignment<T>[] assignments, Condition<T>? where) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, assignments.Select(a => a.Column).ToArray(), tableMissing: true);

    public async Task<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var capabilities = context.Capabilities;
        List<Column<T>>? skipped = null;
        foreach (var assignment in assignments)
        {
            if (capabilities.Has(assignment.Column))
            {
                continue;
            }

            (skipped ??= []).Add(assignment.Column);
            if (!assignment.IsDeclaredDefault())
            {
                LeftOutValues.Warn(context, assignment.Column);
            }
        }

        if (skipped?.Count == assignments.Length)
        {
            return new MutationResult<T>(0, skipped, tableMissing: false);
        }

        await using var command = context.Command(capabilities.Statements.Get(Key(PresentOrdinals(capabilities, assignments, skipped?.Count ?? 0), where)));
        foreach (var assignment in assignments)
        {
            if (capabilities.Has(assignment.Column))
            {
                command.Parameters.Add(assignment.CreateParameter());
            }
        }

        where?.Bind(command.Parameters);
        await context.PrepareAsync(command, cancellationToken).ConfigureAwait(false);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new MutationResult<T>(rows, skipped ?? (IReadOnlyList<Column<T>>)[], tableMissing: false);
    }

    /// <summary>The text sent at <paramref name="capabilities"/>, or <see langword="null"/> when nothing would be sent.</summary>
    internal static string? Sql(TableCapabilities<T> capabilities, Assignment<T>[] assignments, Condition<T>? where)
    {
        var missing = assignments.Count(a => !capabilities.Has(a.Column));
        return missing == assignments.Length || !capabilities.TableExists
            ? null
            : capabilities.Statements.Get(Key(PresentOrdinals(capabilities, assignments, missing), where));
    }

    /// <summary>The ordinals of the assigned columns the table has, in assignment order: part of the statement's key.</summary>
    private static int[] PresentOrdinals(TableCapabilities<T> capabilities, Assignment<T>[] assignments, int missing)
    {
        var ordinals = new int[assignments.Length - missing];
        var next = 0;
        foreach (var assignment in assignments)
        {
            if (capabilities.Has(assignment.Column))
            {
                ordinals[next++] = assignment.Column.Ordinal;
            }
        }

        return ordinals;
    }

    private static StatementKey<T> Key(int[] setOrdinals, Condition<T>? where) =>
        new(StatementKind.Update, where, orders: null, hasLimit: false, setOrdinals: setOrdinals);
}

/// <summary>DELETE of the rows the condition selects.</summary>
internal readonly struct DeleteOperation<T>(StatementKey<T> key, Condition<T>? where) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, [], tableMissing: true);

    public async Task<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var command = context.Command(context.Capabilities.Statements.Get(key));
        where?.Bind(command.Parameters);
        await context.PrepareAsync(command, cancellationToken).ConfigureAwait(false);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new MutationResult<T>(rows, [], tableMissing: false);
    }
}
