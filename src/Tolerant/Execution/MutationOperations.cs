using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Querying;

namespace Tolerant.Execution;

/// <summary>
/// UPDATE of the assignments whose columns exist; not sent at all when none do. <c>assignments</c> is the last
/// assignment, linked to the earlier ones.
/// </summary>
internal readonly struct UpdateOperation<T>(Assignment<T> assignments, Condition<T>? where) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, AssignedColumns(assignments, capabilities: null), tableMissing: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var capabilities = context.Capabilities;
        IReadOnlyList<Column<T>> skipped = [];
        var (present, total) = CountPresent(assignments, capabilities);
        if (present < total)
        {
            skipped = AssignedColumns(assignments, capabilities);
            WarnAboutLostValues(context, assignments);
            if (present == 0)
            {
                return new MutationResult<T>(0, skipped, tableMissing: false);
            }
        }

        await using var lease = context.Rent(capabilities.Statements.Get(Key(assignments, where)));
        Bind(lease.Command.Parameters, capabilities);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        var rows = await lease.Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        lease.Succeeded();
        return new MutationResult<T>(rows, skipped, tableMissing: false);
    }

    /// <summary>Fills the statement's parameters: the present assignments' values, then the condition's.</summary>
    internal void Bind(Npgsql.NpgsqlParameterCollection parameters, TableCapabilities<T> capabilities)
    {
        var index = 0;
        BindPresent(assignments, capabilities, parameters, ref index);
        where?.Bind(parameters, ref index);
    }

    /// <summary>The text sent at <paramref name="capabilities"/>, or <see langword="null"/> when nothing would be sent.</summary>
    internal static string? Sql(TableCapabilities<T> capabilities, Assignment<T> assignments, Condition<T>? where)
    {
        return capabilities.TableExists && CountPresent(assignments, capabilities).Present > 0 ? capabilities.Statements.Get(Key(assignments, where)) : null;
    }

    /// <summary>How many assigned columns the table has, of how many assigned.</summary>
    private static (int Present, int Total) CountPresent(Assignment<T> assignments, TableCapabilities<T> capabilities)
    {
        var (present, total) = (0, 0);
        for (var assignment = assignments; assignment is not null; assignment = assignment.Previous)
        {
            total++;
            if (capabilities.Has(assignment.Column))
            {
                present++;
            }
        }

        return (present, total);
    }

    /// <summary>The assigned columns in the order they were set: those the table lacks, or all when <paramref name="capabilities"/> is null.</summary>
    private static List<Column<T>> AssignedColumns(Assignment<T> assignments, TableCapabilities<T>? capabilities)
    {
        var columns = new List<Column<T>>();
        for (var assignment = assignments; assignment is not null; assignment = assignment.Previous)
        {
            if (capabilities is null || !capabilities.Has(assignment.Column))
            {
                columns.Add(assignment.Column);
            }
        }

        columns.Reverse();
        return columns;
    }

    /// <summary>Warns about each left-out value the database will not remember, in the order the assignments were made.</summary>
    private static void WarnAboutLostValues(CommandContext<T> context, Assignment<T> assignment)
    {
        if (assignment.Previous is not null)
        {
            WarnAboutLostValues(context, assignment.Previous);
        }

        if (!context.Capabilities.Has(assignment.Column) && !assignment.IsDeclaredDefault())
        {
            LeftOutValues.Warn(context, assignment.Column);
        }
    }

    /// <summary>Binds the present assignments in the order they were set, as the text numbers them (earliest first, by recursion).</summary>
    private static void BindPresent(Assignment<T> assignment, TableCapabilities<T> capabilities, Npgsql.NpgsqlParameterCollection parameters, ref int index)
    {
        if (assignment.Previous is not null)
        {
            BindPresent(assignment.Previous, capabilities, parameters, ref index);
        }

        if (capabilities.Has(assignment.Column))
        {
            assignment.Bind(parameters, ref index);
        }
    }

    private static StatementKey<T> Key(Assignment<T> assignments, Condition<T>? where) =>
        new(StatementKind.Update, where, orders: null, hasLimit: false, sets: assignments);
}

/// <summary>DELETE of the rows the condition selects.</summary>
internal readonly struct DeleteOperation<T>(StatementKey<T> key, Condition<T>? where) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, [], tableMissing: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var lease = context.Rent(context.Capabilities.Statements.Get(key));
        var index = 0;
        where?.Bind(lease.Command.Parameters, ref index);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        var rows = await lease.Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        lease.Succeeded();
        return new MutationResult<T>(rows, [], tableMissing: false);
    }
}
