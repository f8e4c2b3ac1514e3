using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>One-row INSERT of the present columns.</summary>
internal readonly struct InsertOperation<T>(T row) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, T.Definition.Columns, tableMissing: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var statements = context.Capabilities.Statements;
        await using var lease = context.Rent(statements.Insert);
        Bind(lease.Command.Parameters, statements.PresentOrdinals);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        var rows = await lease.Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        lease.Succeeded();
        LeftOutValues.Report(context, row);
        return new MutationResult<T>(rows, context.Capabilities.MissingOptional, tableMissing: false);
    }

    /// <summary>Fills one parameter per present column (<paramref name="ordinals"/>) with the row's values.</summary>
    internal void Bind(NpgsqlParameterCollection parameters, int[] ordinals)
    {
        if (parameters.Count == ordinals.Length)
        {
            // A kept command: its parameters were made for these columns, only the values change.
            for (var i = 0; i < ordinals.Length; i++)
            {
                T.AssignParameter(ordinals[i], row, parameters[i]);
            }

            return;
        }

        foreach (var ordinal in ordinals)
        {
            parameters.Add(T.CreateParameter(ordinal, row));
        }
    }
}
