using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Npgsql;
using Tolerant.Benchmarks.HandWritten;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// What every database scenario shares: a pooled data source, a Tolerant catalog with the default options (statements
/// prepared) and one with <see cref="SchemaCatalogOptions.PrepareStatements"/> off, the table bound to an open
/// connection, and a second open connection for the hand-written prepared command. BenchmarkDotNet runs each
/// benchmark in its own process, so each gets a fresh setup and nothing (pool, prepared statements, JIT state) leaks
/// from one variant into another.
/// </summary>
public abstract class DatabaseBenchmark
{
    private long _operations;
    private long _catalogQueriesByHand;
    private string? _method;
    private int _probesAfterSetup;

    /// <summary>The pooled data source: pooled variants open a connection per operation, as a service does.</summary>
    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The catalog with the default options: statements prepared.</summary>
    protected SchemaCatalog Catalog { get; private set; } = null!;

    /// <summary>A catalog on the same data source with prepared statements turned off.</summary>
    protected SchemaCatalog UnpreparedCatalog { get; private set; } = null!;

    /// <summary>
    /// A second pooled data source with <c>No Reset On Close=true</c>: Npgsql then skips the session reset it otherwise
    /// prepends to the first statement after a pooled connection is reopened (with prepared statements on the
    /// connection: <c>RESET ALL</c>, <c>CLOSE ALL</c>, <c>UNLISTEN *</c>, advisory unlocks, <c>DISCARD SEQUENCES</c>,
    /// <c>DISCARD TEMP</c>). Safe for a data source only code that changes no session state uses, as Tolerant does.
    /// </summary>
    protected NpgsqlDataSource NoResetDataSource { get; private set; } = null!;

    /// <summary>Tolerant, pooled on <see cref="NoResetDataSource"/>, default options.</summary>
    protected Table<UserSession> NoResetSessions { get; private set; } = null!;

    private SchemaCatalog NoResetCatalog { get; set; } = null!;

    /// <summary>Tolerant, pooled, default options.</summary>
    protected Table<UserSession> Sessions { get; private set; } = null!;

    /// <summary>Tolerant, pooled, statements not prepared.</summary>
    protected Table<UserSession> UnpreparedSessions { get; private set; } = null!;

    /// <summary>Tolerant bound to <see cref="BoundConnection"/> with <c>table.On(connection)</c>.</summary>
    protected Table<UserSession> BoundSessions { get; private set; } = null!;

    /// <summary>The open connection <see cref="BoundSessions"/> sends on.</summary>
    protected NpgsqlConnection BoundConnection { get; private set; } = null!;

    /// <summary>The open connection the hand-written prepared command lives on.</summary>
    protected NpgsqlConnection PreparedConnection { get; private set; } = null!;

    /// <summary>Catalog queries the two catalogs ran since setup ended: zero when nothing queries the catalog per call.</summary>
    internal int ProbesSinceSetup => ProbeCount - _probesAfterSetup;

    private int ProbeCount => Catalog.ProbeCount + UnpreparedCatalog.ProbeCount + NoResetCatalog.ProbeCount;

    /// <summary>The database this scenario runs against.</summary>
    protected abstract string ConnectionString { get; }

    [GlobalSetup]
    public async Task GlobalSetupAsync()
    {
        await PrepareDatabaseAsync();
        DapperSessions.Configure();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        Catalog = new SchemaCatalog(DataSource);
        UnpreparedCatalog = new SchemaCatalog(DataSource, new SchemaCatalogOptions { PrepareStatements = false });
        Sessions = Catalog.Table<UserSession>();
        UnpreparedSessions = UnpreparedCatalog.Table<UserSession>();
        NoResetDataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { NoResetOnClose = true }.ConnectionString);
        NoResetCatalog = new SchemaCatalog(NoResetDataSource);
        NoResetSessions = NoResetCatalog.Table<UserSession>();

        // The one catalog query per catalog happens here, not in the measured operations.
        var capabilities = await Sessions.GetCapabilitiesAsync();
        if (!capabilities.IsComplete)
        {
            throw new InvalidOperationException($"The benchmark table should have every column: {capabilities}");
        }

        await UnpreparedSessions.GetCapabilitiesAsync();
        await NoResetSessions.GetCapabilitiesAsync();
        BoundConnection = await DataSource.OpenConnectionAsync();
        BoundSessions = Sessions.On(BoundConnection);
        PreparedConnection = await DataSource.OpenConnectionAsync();
        await SetupAsync();
        _probesAfterSetup = ProbeCount;
    }

    [GlobalCleanup]
    public async Task GlobalCleanupAsync()
    {
        if (_method is not null)
        {
            // A Tolerant variant reports the catalog's own count; the per-call check counts its queries itself.
            var queries = _catalogQueriesByHand > 0 ? _catalogQueriesByHand : ProbesSinceSetup;
            var scenario = ScenarioType();
            CatalogQueryLog.Write(scenario, _method, _operations, queries);
            Console.WriteLine(
                $"// Catalog queries during {scenario.Name}.{_method}: {queries} in {_operations} operations " +
                $"(ProbeCount after setup {_probesAfterSetup}, now {ProbeCount})");
        }

        await DisposeAsync();
    }

    /// <summary>The scenario class itself: in a child process BenchmarkDotNet runs a generated class derived from it.</summary>
    private Type ScenarioType()
    {
        var type = GetType();
        while (type.Assembly != typeof(DatabaseBenchmark).Assembly && type.BaseType is not null)
        {
            type = type.BaseType;
        }

        return type;
    }

    /// <summary>Releases connections and data source without reporting (the self-check uses this).</summary>
    internal async Task DisposeAsync()
    {
        await CleanupAsync();
        await BoundConnection.DisposeAsync();
        await PreparedConnection.DisposeAsync();
        await DataSource.DisposeAsync();
        await NoResetDataSource.DisposeAsync();
    }

    /// <summary>Resets the scenario's moving parts (the next key), so every variant starts from the same place.</summary>
    internal abstract void Rewind();

    /// <summary>Reseeds the write database when the scenario writes; nothing for reads.</summary>
    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    /// <summary>The scenario's own setup: keys, prepared hand-written commands.</summary>
    protected abstract Task SetupAsync();

    protected virtual Task CleanupAsync() => Task.CompletedTask;

    /// <summary>Counts an operation of a variant whose catalog queries are reported (Tolerant and the per-call check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void Count([CallerMemberName] string method = "")
    {
        _operations++;
        _method = method;
    }

    /// <summary>Counts an operation of the per-call check, which runs one catalog query each time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void CountWithCatalogQuery([CallerMemberName] string method = "")
    {
        Count(method);
        _catalogQueriesByHand++;
    }
}
