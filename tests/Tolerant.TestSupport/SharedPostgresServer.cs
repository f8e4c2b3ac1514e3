using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tolerant.TestSupport;

/// <summary>
/// One server per process, started on first use and stopped (and its folder deleted) when the process exits.
/// initdb costs about a second, so a test run starts one cluster and gives each test class its own database on it.
/// </summary>
public static class SharedPostgresServer
{
    // A failed start is kept, not retried: it would only fail again, once per test class and more slowly.
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The process's server, started with the default options (so <c>TOLERANT_PG</c> is honoured) by the first
    /// caller. Do not dispose it: <see cref="PostgresServer.DisposeAsync"/> does nothing on it.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; the start itself goes on for the others.</param>
    /// <exception cref="PostgresUnavailableException">No <c>TOLERANT_PG</c> and no server binaries; the message says how to get them.</exception>
    /// <exception cref="PostgresClusterException">The throwaway cluster failed to start; the message quotes the server log.</exception>
    public static Task<PostgresServer> GetAsync(CancellationToken cancellationToken = default) =>
        Server.Value.WaitAsync(cancellationToken);

    private static async Task<PostgresServer> StartAsync()
    {
        PostgresServer server = await PostgresServer.StartAsync(options: null, CancellationToken.None).ConfigureAwait(false);
        server.IsShared = true;
        return server;
    }
}
