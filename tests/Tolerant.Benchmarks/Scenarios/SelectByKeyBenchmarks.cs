using System;
using System.Data;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Dapper;
using Npgsql;
using Tolerant.Benchmarks.Compiled;
using Tolerant.Benchmarks.HandWritten;
using Tolerant.Benchmarks.Infrastructure;

namespace Tolerant.Benchmarks.Scenarios;

/// <summary>
/// One row by primary key, cycling through the 10,000 seeded keys. Baseline: hand-written, unprepared, a pooled
/// connection opened per operation. Targets: Tolerant pooled ≤0.75× the baseline; Tolerant bound to an open
/// connection ≤1.10× a hand-written prepared command on an open connection ("vs Prep open").
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class SelectByKeyBenchmarks : DatabaseBenchmark
{
    private Guid[] _keys = [];
    private int _next;
    private NpgsqlCommand _prepared = null!;
    private NpgsqlParameter<Guid> _preparedId = null!;

    protected override string ConnectionString => BenchmarkDatabase.ReadConnectionString;

    [Benchmark(Baseline = true)]
    public async Task<UserSession?> HandWritten_Unprepared_Pooled()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(HandWrittenSessions.SelectByKey, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextKey() });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow);
        return await reader.ReadAsync() ? HandWrittenSessions.Read(reader) : null;
    }

    /// <summary>What Tolerant does on the wire: a new command per call, prepared on the pooled physical connection (a no-op after the first time).</summary>
    [Benchmark]
    public async Task<UserSession?> HandWritten_Prepared_Pooled()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(HandWrittenSessions.SelectByKey, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextKey() });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow);
        return await reader.ReadAsync() ? HandWrittenSessions.Read(reader) : null;
    }

    /// <summary>One command, prepared once on an open connection and reused: only the value changes.</summary>
    [Benchmark]
    public async Task<UserSession?> HandWritten_Prepared_OpenConnection()
    {
        _preparedId.TypedValue = NextKey();
        await using var reader = await _prepared.ExecuteReaderAsync(CommandBehavior.SingleRow);
        return await reader.ReadAsync() ? HandWrittenSessions.Read(reader) : null;
    }

    /// <summary>What Tolerant bound to a connection does on the wire: a new command per call, prepared (found already prepared) on the open connection.</summary>
    [Benchmark]
    public async Task<UserSession?> HandWritten_PrepareEachCall_OpenConnection()
    {
        await using var command = new NpgsqlCommand(HandWrittenSessions.SelectByKey, PreparedConnection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = NextKey() });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow);
        return await reader.ReadAsync() ? HandWrittenSessions.Read(reader) : null;
    }

    [Benchmark]
    public Task<UserSession?> Tolerant_Pooled()
    {
        Count();
        return Sessions.Select().Where(UserSession.Columns.Id.Eq(NextKey())).FirstOrDefaultAsync();
    }

    [Benchmark]
    public Task<UserSession?> Tolerant_Pooled_Unprepared()
    {
        Count();
        return UnpreparedSessions.Select().Where(UserSession.Columns.Id.Eq(NextKey())).FirstOrDefaultAsync();
    }

    [Benchmark]
    public Task<UserSession?> Tolerant_OpenConnection()
    {
        Count();
        return BoundSessions.Select().Where(UserSession.Columns.Id.Eq(NextKey())).FirstOrDefaultAsync();
    }

    /// <summary>The same statement compiled once (<see cref="CompiledQuery"/>), run with the key.</summary>
    [Benchmark]
    public Task<UserSession?> Tolerant_Compiled_Pooled()
    {
        Count();
        return CompiledSessions.ById.FirstOrDefaultAsync(Sessions, NextKey());
    }

    [Benchmark]
    public Task<UserSession?> Tolerant_Compiled_OpenConnection()
    {
        Count();
        return CompiledSessions.ById.FirstOrDefaultAsync(BoundSessions, NextKey());
    }

    [Benchmark]
    public async Task<UserSession?> Dapper_Pooled()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UserSession>(DapperSessions.SelectByKey, new { id = NextKey() });
    }

    /// <summary>The original code: an information_schema query, then concatenated SQL, on one pooled connection.</summary>
    [Benchmark]
    public Task<UserSession?> CatalogCheckPerCall_Pooled()
    {
        CountWithCatalogQuery();
        return PerCallCatalogCheck.SelectByKeyAsync(DataSource, NextKey());
    }

    internal override void Rewind() => _next = 0;

    protected override async Task SetupAsync()
    {
        _keys = await BenchmarkDatabase.LoadKeysAsync(DataSource);
        _prepared = new NpgsqlCommand(HandWrittenSessions.SelectByKey, PreparedConnection);
        _preparedId = new NpgsqlParameter<Guid> { TypedValue = _keys[0] };
        _prepared.Parameters.Add(_preparedId);
        await _prepared.PrepareAsync();
    }

    protected override async Task CleanupAsync() => await _prepared.DisposeAsync();

    private Guid NextKey()
    {
        var key = _keys[_next];
        _next = _next + 1 == _keys.Length ? 0 : _next + 1;
        return key;
    }
}
