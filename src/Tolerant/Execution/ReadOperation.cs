using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>SELECT into a list: every mapped column in ordinal order, read by the generated row reader.</summary>
internal readonly struct ReadOperation<T>(StatementKey<T> key, Condition<T>? where, int? limit, int? offset) : ITableOperation<T, List<T>>
    where T : ISqlTable<T>
{
    public List<T> WhenTableMissing(TableCapabilities<T> capabilities) => [];

    public async Task<List<T>> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var command = SelectCommand.Create(context, key, where, limit, offset);
        await context.PrepareAsync(command, cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(T.ReadRow(reader));
        }

        return rows;
    }
}

/// <summary>SELECT … LIMIT 1, read into one row or <see langword="default"/>.</summary>
internal readonly struct FirstOperation<T>(StatementKey<T> key, Condition<T>? where, int? offset) : ITableOperation<T, T?>
    where T : ISqlTable<T>
{
    public T? WhenTableMissing(TableCapabilities<T> capabilities) => default;

    public async Task<T?> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var command = SelectCommand.Create(context, key, where, limit: null, offset);
        await context.PrepareAsync(command, cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? T.ReadRow(reader) : default;
    }
}

/// <summary>SELECT count(*).</summary>
internal readonly struct CountOperation<T>(StatementKey<T> key, Condition<T>? where) : ITableOperation<T, long>
    where T : ISqlTable<T>
{
    public long WhenTableMissing(TableCapabilities<T> capabilities) => 0;

    public async Task<long> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        await using var command = SelectCommand.Create(context, key, where, limit: null, offset: null);
        await context.PrepareAsync(command, cancellationToken).ConfigureAwait(false);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}

/// <summary>SELECT whose reader outlives the operation, for streaming.</summary>
internal readonly struct OpenReaderOperation<T>(StatementKey<T> key, Condition<T>? where, int? limit, int? offset) : ITableOperation<T, ReaderLease>
    where T : ISqlTable<T>
{
    public ReaderLease WhenTableMissing(TableCapabilities<T> capabilities) => new(null, null);

    public async Task<ReaderLease> ExecuteAsync(CommandContext<T> context, CancellationToken cancellationToken)
    {
        var command = SelectCommand.Create(context, key, where, limit, offset);
        try
        {
            await context.PrepareAsync(command, cancellationToken).ConfigureAwait(false);
            return new ReaderLease(command, await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

/// <summary>An open reader and its command, disposed together.</summary>
internal sealed class ReaderLease(NpgsqlCommand? command, NpgsqlDataReader? reader) : System.IAsyncDisposable
{
    public NpgsqlDataReader? Reader => reader;

    public async ValueTask DisposeAsync()
    {
        if (reader is not null)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        if (command is not null)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>Builds the command of a SELECT or count: cached text, the condition's parameters, then the limit.</summary>
internal static class SelectCommand
{
    public static NpgsqlCommand Create<T>(CommandContext<T> context, StatementKey<T> key, Condition<T>? where, int? limit, int? offset)
        where T : ISqlTable<T>
    {
        var command = context.Command(context.Capabilities.Statements.Get(key));
        where?.Bind(command.Parameters);
        if (key.HasLimit)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = limit ?? 0 });
        }

        if (key.HasOffset)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset ?? 0 });
        }

        return command;
    }
}
