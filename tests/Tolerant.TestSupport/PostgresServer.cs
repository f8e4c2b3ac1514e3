using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.TestSupport;

/// <summary>
/// A PostgreSQL server for tests, benchmarks and the demo: the one <c>TOLERANT_PG</c> names, or else a throwaway
/// cluster started from the server binaries in a private temp folder and deleted on disposal. Hands out a fresh
/// database per caller, so users of one server never see each other's tables.
/// </summary>
/// <remarks>
/// A throwaway cluster is also stopped and deleted when the process exits normally, should nobody dispose it; one
/// left by a killed process is stopped and deleted by the next start (see the "testing-postgres" docs page).
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The environment variable that points tests and the demo at an existing server (a connection string).</summary>
    public const string EnvironmentVariable = "TOLERANT_PG";

    private static readonly TimeSpan DropTimeout = TimeSpan.FromSeconds(10);

    private readonly ThrowawayCluster? _cluster;
    private readonly NpgsqlDataSource _admin;
    private readonly ConcurrentDictionary<string, byte> _createdDatabases = new(StringComparer.Ordinal);
    private readonly EventHandler _onProcessExit;
    private int _shutDown;

    private PostgresServer(string connectionString, ThrowawayCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
        _admin = NpgsqlDataSource.Create(connectionString);
        _onProcessExit = (_, _) => ShutDownAtExit();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>
    /// Connects to the server's administrative database: <c>Host=FOLDER;Port=5432;Username=postgres;Database=postgres</c>
    /// for a throwaway cluster, or the connection string given. Create a database per user of the server with
    /// <see cref="CreateDatabaseAsync"/> rather than filling this one.
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>Whether this object started the server (and disposing it stops it), rather than using an existing one.</summary>
    public bool IsThrowaway => _cluster is not null;

    /// <summary>The throwaway cluster's folder (data, socket, log); <see langword="null"/> for an existing server.</summary>
    public string? ClusterDirectory => _cluster?.Folder.Path;

    /// <summary>The throwaway server's log file, for diagnosing failures; <see langword="null"/> for an existing server.</summary>
    public string? LogFile => _cluster?.Folder.LogFile;

    /// <summary>
    /// Set on the process-wide server of <see cref="SharedPostgresServer"/>: its users share it, so none of them may
    /// stop it; it stops when the process exits.
    /// </summary>
    internal bool IsShared { get; set; }

    /// <summary>The throwaway cluster, for tests that act out a crash; <see langword="null"/> for an existing server.</summary>
    internal ThrowawayCluster? Cluster => _cluster;

    /// <summary>
    /// Uses the server <c>TOLERANT_PG</c> names, if set; otherwise creates a throwaway cluster in a new
    /// <c>/tmp/tolerant-pg-*</c> folder and starts it, after stopping and deleting the clusters killed runs left.
    /// </summary>
    /// <param name="options">Overrides for tests of this class; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start; whatever was set up is removed again.</param>
    /// <exception cref="PostgresUnavailableException">No <c>TOLERANT_PG</c> and no server binaries; the message says how to get them.</exception>
    /// <exception cref="PostgresClusterException">initdb or pg_ctl failed; the message quotes their output and the server log.</exception>
    public static async Task<PostgresServer> StartAsync(PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresServerOptions();
        string? existing = options.ExistingServerConnectionString
            ?? (options.IgnoreEnvironmentServer ? null : ExistingServerFromEnvironment());
        if (existing is not null)
        {
            return new PostgresServer(existing, cluster: null);
        }

        PostgresTools tools = PostgresTools.ForCurrentUser(PostgresBinaries.Locate(options.BinDirectory));
        string root = options.TempRoot ?? DefaultTempRoot();
        await StaleClusterSweeper.SweepAsync(root, tools, cancellationToken).ConfigureAwait(false);
        ThrowawayCluster cluster = await ThrowawayCluster.StartAsync(tools, root, cancellationToken).ConfigureAwait(false);

        string connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = cluster.Folder.Path,
            Port = ClusterFolder.Port,
            Username = ThrowawayCluster.Superuser,
            Database = "postgres",
        }.ConnectionString;
        return new PostgresServer(connectionString, cluster);
    }

    /// <summary>
    /// Creates an empty database with a unique name (<paramref name="namePrefix"/>, cleaned up, plus a random suffix)
    /// and returns the connection string for it.
    /// </summary>
    /// <param name="namePrefix">Says whose database it is, e.g. a test class name; <see langword="null"/> for <c>tolerant</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        ThrowIfShutDown();
        string name = DatabaseNames.NewUnique(namePrefix);
        // The name is lower-case letters, digits and underscores only: quoting is for form's sake.
        await using (NpgsqlCommand create = _admin.CreateCommand("CREATE DATABASE \"" + name + "\""))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _createdDatabases.TryAdd(name, 0);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/>, ending any sessions still connected to it, and
    /// clears Npgsql's pool for <paramref name="connectionString"/>.
    /// </summary>
    /// <param name="connectionString">The connection string <see cref="CreateDatabaseAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <exception cref="ArgumentException">The database was not created by this object: this never drops anyone else's.</exception>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        string? name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !_createdDatabases.ContainsKey(name))
        {
            throw new ArgumentException(
                $"Database '{name}' was not created by this server's CreateDatabaseAsync, and only those are dropped.",
                nameof(connectionString));
        }

        ThrowIfShutDown();
        await DropAsync(name, cancellationToken).ConfigureAwait(false);
        using var pooled = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    /// <summary>
    /// For a throwaway cluster: stops the server (<c>pg_ctl stop -m immediate</c>) and deletes its folder. For an
    /// existing server: stops nothing, but drops the databases this object created and nobody dropped. Does nothing
    /// on the shared server (<see cref="SharedPostgresServer"/>), which stops when the process exits.
    /// </summary>
    public ValueTask DisposeAsync() => IsShared ? ValueTask.CompletedTask : new ValueTask(ShutDownAsync());

    private async Task ShutDownAsync()
    {
        if (Interlocked.Exchange(ref _shutDown, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        try
        {
            // A throwaway cluster's databases go with the cluster; on someone else's server we tidy up after ourselves.
            if (_cluster is null)
            {
                using var timeout = new CancellationTokenSource(DropTimeout);
                foreach (string name in _createdDatabases.Keys.ToArray())
                {
                    await DropAsync(name, timeout.Token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await _admin.DisposeAsync().ConfigureAwait(false);
            if (_cluster is not null)
            {
                await _cluster.StopAndDeleteAsync().ConfigureAwait(false);
            }
        }
    }

    // xunit 2 has no assembly fixture, and a demo may be stopped with Ctrl+C: the process's end is the one moment
    // every run passes through.
    private void ShutDownAtExit()
    {
        try
        {
            ShutDownAsync().GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Nobody is left to tell; the next start's sweep removes a cluster left behind.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task DropAsync(string name, CancellationToken cancellationToken)
    {
        // FORCE ends sessions still open on it, such as idle connections in a test's pool.
        await using (NpgsqlCommand drop = _admin.CreateCommand("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _createdDatabases.TryRemove(name, out _);
    }

    private void ThrowIfShutDown() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _shutDown) != 0, this);

    private static string? ExistingServerFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} must be an Npgsql connection string such as 'Host=localhost;Username=postgres;Password=...': {e.Message}",
                e);
        }

        return value;
    }

    // Not Path.GetTempPath(): TMPDIR can be long, and the socket path inside the folder must stay under 108 bytes.
    private static string DefaultTempRoot() => Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
}
