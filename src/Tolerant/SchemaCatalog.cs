using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tolerant.Catalog;
using Tolerant.Execution;

namespace Tolerant;

/// <summary>
/// Knows which tables and columns a database has. Create one per <see cref="NpgsqlDataSource"/> and keep it: it probes
/// every table it has been asked about in one catalog query, caches the answer, and probes again only after
/// <see cref="Invalidate"/>, after a statement fails because the schema changed (42703, 42P01, 0A000), or when the
/// optional <see cref="SchemaCatalogOptions.TimeToLive"/> has passed. Safe for concurrent use: concurrent callers
/// share one probe.
/// </summary>
public sealed class SchemaCatalog
{
    private readonly ConcurrentDictionary<Type, object> _tables = new();
    private readonly ConcurrentDictionary<TableKey, byte> _registered = new();
    private readonly Lock _gate = new();
    private readonly long _timeToLiveTicks;
    private CatalogSnapshot? _snapshot;
    private Task<CatalogSnapshot>? _probe;
    private int _generation;
    private int _probeCount;

    /// <summary>Creates a catalog for the database behind <paramref name="dataSource"/>. Nothing is queried until first use.</summary>
    /// <param name="dataSource">The data source statements run on.</param>
    /// <param name="options">How to probe, cache and send statements; defaults when <see langword="null"/>.</param>
    public SchemaCatalog(NpgsqlDataSource dataSource, SchemaCatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        DataSource = dataSource;
        Options = options ?? new SchemaCatalogOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.CopyThreshold, 1, nameof(options));
        _timeToLiveTicks = Options.TimeToLive is { } ttl ? (long)(ttl.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        Logger = (Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Tolerant.SchemaCatalog");
    }

    /// <summary>The data source statements run on.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The options the catalog was created with.</summary>
    public SchemaCatalogOptions Options { get; }

    /// <summary>How many catalog queries this catalog has run: one per probe, however many tables it covers.</summary>
    public int ProbeCount => Volatile.Read(ref _probeCount);

    internal ILogger Logger { get; }

    /// <summary>The table behind <typeparamref name="T"/>. The same instance is returned on every call.</summary>
    /// <typeparam name="T">A <c>[SqlTable]</c> type, which the source generator made an <see cref="ISqlTable{T}"/>.</typeparam>
    public Table<T> Table<T>()
        where T : ISqlTable<T> =>
        (Table<T>)_tables.GetOrAdd(typeof(T), static (_, catalog) => catalog.CreateTable<T>(), this);

    /// <summary>Forgets the cached answer, so the next operation probes the catalog again. Call it after running migrations.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            Forget();
        }
    }

    /// <summary>Probes the catalog now for every table asked about so far, and caches the answer.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        Invalidate();
        if (!_registered.IsEmpty)
        {
            await GetSnapshotAsync(_registered.Keys.First(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The cached answer when it covers <paramref name="table"/> and is fresh; otherwise the answer of a new (shared) probe.</summary>
    internal ValueTask<CatalogSnapshot> GetSnapshotAsync(TableKey table, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return snapshot is not null && snapshot.Tables.ContainsKey(table) && IsFresh(snapshot)
            ? new ValueTask<CatalogSnapshot>(snapshot)
            : new ValueTask<CatalogSnapshot>(ProbeAsync(table, cancellationToken));
    }

    /// <summary>
    /// Drops <paramref name="failed"/> after a statement built from it failed for a schema reason. Only the first of
    /// many concurrent failures on the same answer drops it, so they share one new probe.
    /// </summary>
    internal void InvalidateAfterFailure(CatalogSnapshot failed)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_snapshot, failed))
            {
                Forget();
            }
        }
    }

    /// <summary>
    /// Drops the cached answer and any probe under way: a probe that started before now may have read the catalog
    /// before the change that made the caller invalidate, so its answer must not be cached.
    /// </summary>
    private void Forget()
    {
        _snapshot = null;
        _probe = null;
        _generation++;
    }

    private Table<T> CreateTable<T>()
        where T : ISqlTable<T>
    {
        var definition = T.Definition;
        var key = new TableKey(definition.Schema, definition.Name);
        _registered.TryAdd(key, 0);
        return new Table<T>(this, new TableState<T>(this, key), connection: null, transaction: null);
    }

    private async Task<CatalogSnapshot> ProbeAsync(TableKey table, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<CatalogSnapshot> probe;
            lock (_gate)
            {
                var snapshot = _snapshot;
                if (snapshot is not null && snapshot.Tables.ContainsKey(table) && IsFresh(snapshot))
                {
                    return snapshot;
                }

                // One probe at a time, shared by every caller; it does not belong to any one caller's cancellation.
                probe = _probe ??= RunProbeAsync(_generation);
            }

            var answer = await probe.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (answer.Tables.ContainsKey(table))
            {
                return answer;
            }

            // The table was first asked about while that probe ran; the next probe covers it.
        }
    }

    private async Task<CatalogSnapshot> RunProbeAsync(int generation)
    {
        await Task.Yield();
        try
        {
            var tables = _registered.Keys.ToArray();
            Interlocked.Increment(ref _probeCount);
            var snapshot = await CatalogProbe.RunAsync(DataSource, tables, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                // An invalidation while this probe ran means its answer may predate the change: hand it to the callers
                // that were waiting for it, but cache nothing; the next caller probes anew.
                if (_generation == generation)
                {
                    _snapshot = snapshot;
                    _probe = null;
                }
            }

            return snapshot;
        }
        catch
        {
            lock (_gate)
            {
                if (_generation == generation)
                {
                    _probe = null;
                }
            }

            throw;
        }
    }

    private bool IsFresh(CatalogSnapshot snapshot) =>
        _timeToLiveTicks == long.MaxValue || Stopwatch.GetTimestamp() - snapshot.ProbedAt < _timeToLiveTicks;
}
