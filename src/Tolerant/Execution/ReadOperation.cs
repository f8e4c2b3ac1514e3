using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>SELECT into a list: every mapped column in ordinal order, read by the generated row reader.</summary>
internal readonly struct ReadOperation<T, TStatement>(TStatement statement) : ITableOperation<T, List<T>>
    where T : ISqlTable<T>
    where TStatement : struct, IStatement<T>
{
    public List<T> WhenTableMissing(TableCapabilities<T> capabilities) => [];

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<List<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var lease = context.Rent(statement.Sql(context.Capabilities));
        statement.Bind(lease.Command.Parameters, context.Capabilities);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        await using (var reader = await lease.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(T.ReadRow(reader));
            }
        }

        lease.Succeeded();
        return rows;
    }
}

/// <summary>SELECT … LIMIT 1, read into one row or <see langword="default"/>.</summary>
internal readonly struct FirstOperation<T, TStatement>(TStatement statement) : ITableOperation<T, T?>
    where T : ISqlTable<T>
    where TStatement : struct, IStatement<T>
{
    public T? WhenTableMissing(TableCapabilities<T> capabilities) => default;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T?> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var lease = context.Rent(statement.Sql(context.Capabilities));
        statement.Bind(lease.Command.Parameters, context.Capabilities);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        T? row;
        await using (var reader = await lease.Command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false))
        {
            row = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? T.ReadRow(reader) : default;
        }

        lease.Succeeded();
        return row;
    }
}

/// <summary>SELECT count(*).</summary>
internal readonly struct CountOperation<T, TStatement>(TStatement statement) : ITableOperation<T, long>
    where T : ISqlTable<T>
    where TStatement : struct, IStatement<T>
{
    public long WhenTableMissing(TableCapabilities<T> capabilities) => 0;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var lease = context.Rent(statement.Sql(context.Capabilities));
        statement.Bind(lease.Command.Parameters, context.Capabilities);
        await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
        var count = (long)(await lease.Command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        lease.Succeeded();
        return count;
    }
}

/// <summary>SELECT whose reader outlives the operation, for streaming.</summary>
internal readonly struct OpenReaderOperation<T, TStatement>(TStatement statement) : ITableOperation<T, ReaderLease>
    where T : ISqlTable<T>
    where TStatement : struct, IStatement<T>
{
    public ReaderLease WhenTableMissing(TableCapabilities<T> capabilities) => new(default, null);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ReaderLease> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var lease = context.Rent(statement.Sql(context.Capabilities));
        try
        {
            statement.Bind(lease.Command.Parameters, context.Capabilities);
            await context.PrepareAsync(lease.Command, cancellationToken).ConfigureAwait(false);
            var reader = await lease.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            lease.Succeeded();
            return new ReaderLease(lease, reader);
        }
        catch
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

/// <summary>An open reader and its command, disposed together.</summary>
internal sealed class ReaderLease(CommandLease command, NpgsqlDataReader? reader) : System.IAsyncDisposable
{
    public NpgsqlDataReader? Reader => reader;

    public async ValueTask DisposeAsync()
    {
        if (reader is not null)
        {
            try
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                // Always: a kept command not given back would leave its store rented for good.
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
