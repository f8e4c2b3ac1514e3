using System.Threading;
using System.Threading.Tasks;

namespace Tolerant.Execution;

/// <summary>One-row INSERT of the present columns.</summary>
internal readonly struct InsertOperation<T>(T row) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, T.Definition.Columns, tableMissing: true);

    public async Task<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var statements = context.Capabilities.Statements;
        await using var command = context.Command(statements.Insert);
        foreach (var ordinal in statements.PresentOrdinals)
        {
            command.Parameters.Add(T.CreateParameter(ordinal, row));
        }

        await context.PrepareAsync(command, cancellationToken).ConfigureAwait(false);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        LeftOutValues.Report(context, row);
        return new MutationResult<T>(rows, context.Capabilities.MissingOptional, tableMissing: false);
    }
}
