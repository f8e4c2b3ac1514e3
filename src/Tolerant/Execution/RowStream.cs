using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>Rows of a SELECT as they arrive, for a query built per call or a compiled one.</summary>
internal static class RowStream
{
    /// <summary>
    /// Streams <paramref name="statement"/>'s rows. A statement that fails because the schema changed is retried
    /// (outside a transaction) before the first row; the connection is held until the enumeration ends.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T, TStatement>(
        Table<T> table, TStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : ISqlTable<T>
        where TStatement : struct, IStatement<T>
    {
        NpgsqlConnection? owned = null;
        if (!table.IsBound)
        {
            owned = await table.Catalog.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            table = table.ForOneStatement(owned);
        }

        try
        {
            var lease = await table.RunAsync<OpenReaderOperation<T, TStatement>, ReaderLease>(new(statement), cancellationToken).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                if (lease.Reader is null)
                {
                    yield break;
                }

                while (await lease.Reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return T.ReadRow(lease.Reader);
                }
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
