using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Querying;

namespace Tolerant.Execution;

/// <summary>
/// UPDATE of the assignments whose columns exist; not sent at all when none do. The statement says which columns are
/// assigned (its last assignment, linked to the earlier ones) and where the values come from.
/// </summary>
internal readonly struct UpdateOperation<T, TStatement>(TStatement statement) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
    where TStatement : struct, IUpdateStatement<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, AssignedColumns(statement.Assignments, capabilities: null), tableMissing: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var capabilities = context.Capabilities;
        IReadOnlyList<Column<T>> skipped = [];
        var (present, total) = CountPresent(statement.Assignments, capabilities);
        if (present < total)
        {
            skipped = AssignedColumns(statement.Assignments, capabilities);
            WarnAboutLostValues(context, statement.Assignments);
            if (present == 0)
            {
                return new MutationResult<T>(0, skipped, tableMissing: false);
            }
        }

        await using var lease = context.Rent(statement.Sql(capabilities));
        statement.Bind(lease.Command.Parameters, capabilities);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        var rows = await lease.Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        lease.Succeeded();
        return new MutationResult<T>(rows, skipped, tableMissing: false);
    }

    /// <summary>The text sent at <paramref name="capabilities"/>, or <see langword="null"/> when nothing would be sent.</summary>
    internal static string? Sql(TableCapabilities<T> capabilities, TStatement statement) =>
        capabilities.TableExists && CountPresent(statement.Assignments, capabilities).Present > 0 ? statement.Sql(capabilities) : null;

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

    /// <summary>
    /// Warns about each left-out value the database will not remember, in the order the assignments were made
    /// (earliest first, by recursion); returns <paramref name="assignment"/>'s position in that order.
    /// </summary>
    private int WarnAboutLostValues(CommandContext<T> context, Assignment<T> assignment)
    {
        var position = assignment.Previous is null ? 0 : WarnAboutLostValues(context, assignment.Previous) + 1;
        if (!context.Capabilities.Has(assignment.Column) && !statement.IsDeclaredDefault(assignment, position))
        {
            LeftOutValues.Warn(context, assignment.Column);
        }

        return position;
    }
}

/// <summary>An UPDATE built per call: its values are in its assignments and its condition.</summary>
internal readonly struct UpdateStatement<T>(Assignment<T> assignments, Condition<T>? where) : IUpdateStatement<T>
    where T : ISqlTable<T>
{
    public Assignment<T> Assignments => assignments;

    public string Sql(TableCapabilities<T> capabilities) =>
        capabilities.Statements.Get(new StatementKey<T>(StatementKind.Update, where, orders: null, hasLimit: false, sets: assignments));

    /// <summary>The present assignments' values, then the condition's.</summary>
    public void Bind(Npgsql.NpgsqlParameterCollection parameters, TableCapabilities<T> capabilities)
    {
        var index = 0;
        BindPresent(assignments, capabilities, parameters, ref index);
        where?.Bind(parameters, ref index);
    }

    public bool IsDeclaredDefault(Assignment<T> assignment, int position) => assignment.IsDeclaredDefault();

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
}

/// <summary>DELETE of the rows the condition selects.</summary>
internal readonly struct DeleteOperation<T, TStatement>(TStatement statement) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
    where TStatement : struct, IStatement<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, [], tableMissing: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var lease = context.Rent(statement.Sql(context.Capabilities));
        statement.Bind(lease.Command.Parameters, context.Capabilities);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        var rows = await lease.Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        lease.Succeeded();
        return new MutationResult<T>(rows, [], tableMissing: false);
    }
}
