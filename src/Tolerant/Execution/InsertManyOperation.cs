using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>
/// Many-row INSERT, all or none: a batch of the one-row INSERT (one prepared statement, one round trip, run by
/// PostgreSQL as one implicit transaction) for a few rows, a binary COPY of the present columns for many.
/// </summary>
internal readonly struct InsertManyOperation<T>(IReadOnlyList<T> rows) : ITableOperation<T, MutationResult<T>>
    where T : ISqlTable<T>
{
    public MutationResult<T> WhenTableMissing(TableCapabilities<T> capabilities) => new(0, T.Definition.Columns, tableMissing: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MutationResult<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return new MutationResult<T>(0, context.Capabilities.MissingOptional, tableMissing: false);
        }

        var inserted = rows.Count >= context.Catalog.Options.CopyThreshold
            ? await CopyAsync(context, cancellationToken).ConfigureAwait(false)
            : await BatchAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            LeftOutValues.Report(context, row);
        }

        return new MutationResult<T>(inserted, context.Capabilities.MissingOptional, tableMissing: false);
    }

    private async Task<int> BatchAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var statements = context.Capabilities.Statements;
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(statements.Insert);
            foreach (var ordinal in statements.PresentOrdinals)
            {
                command.Parameters.Add(T.CreateParameter(ordinal, row));
            }

            batch.BatchCommands.Add(command);
        }

        if (context.Catalog.Options.PrepareStatements)
        {
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> CopyAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var statements = context.Capabilities.Statements;
        await using var importer = await context.Connection.BeginBinaryImportAsync(statements.Copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            foreach (var ordinal in statements.PresentOrdinals)
            {
                await T.WriteColumnAsync(importer, ordinal, row, cancellationToken).ConfigureAwait(false);
            }
        }

        return checked((int)await importer.CompleteAsync(cancellationToken).ConfigureAwait(false));
    }
}
