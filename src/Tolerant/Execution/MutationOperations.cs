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
        var setOrdinals = new List<int>(assignments.Length);
        List<Column<T>>? skipped = null;
        foreach (var assignment in assignments)
        {
            if (capabilities.Has(assignment.Column))
            {
                setOrdinals.Add(assignment.Column.Ordinal);
                continue;
            }

            (skipped ??= []).Add(assignment.Column);
            if (!assignment.IsDeclaredDefault())
            {
                LeftOutValues.Warn(context, assignment.Column);
            }
        }

        if (setOrdinals.Count == 0)
        {
            return new MutationResult<T>(0, skipped!, tableMissing: false);
        }

        await using var command = context.Command(capabilities.Statements.Get(Key(setOrdinals.ToArray(), where)));
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
        var setOrdinals = new List<int>(assignments.Length);
        foreach (var assignment in assignments)
        {
            if (capabilities.Has(assignment.Column))
            {
                setOrdinals.Add(assignment.Column.Ordinal);
            }
        }

        return setOrdinals.Count == 0 || !capabilities.TableExists ? null : capabilities.Statements.Get(Key(setOrdinals.ToArray(), where));
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
