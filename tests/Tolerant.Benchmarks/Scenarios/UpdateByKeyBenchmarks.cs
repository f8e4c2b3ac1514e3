using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Dapper;
using Npgsql;
using Tolerant.Benchmarks.Compiled;
using Tolerant.Benchmarks.HandWritten;
using Tolerant.Benchmarks.Infrastructure;

namespace Tolerant.Benchmarks.Scenarios;

/// <summary>
/// One-row UPDATE by key, a session refresh: <c>SET updated_at = $1, expires_at = $2 WHERE id = $3</c>, cycling
/// through the seeded keys of the write database (reseeded before each variant). Baseline: hand-written, unprepared,
/// pooled.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class UpdateByKeyBenchmarks : DatabaseBenchmark
{
    private Guid[] _keys = [];
    private int _next;
    private long _sequence;
    private NpgsqlCommand _prepared = null!;
    private NpgsqlParameter<DateTimeOffset?> _preparedUpdatedAt = null!;
    private NpgsqlParameter<DateTimeOffset?> _preparedExpiresAt = null!;
    private NpgsqlParameter<Guid> _preparedId = null!;

    protected override string ConnectionString => BenchmarkDatabase.WriteConnectionString;

    [Benchmark(Baseline = true)]
    public Task<int> HandWritten_Unprepared_Pooled() => UnpreparedAsync(DataSource);

    /// <summary>The baseline on a data source that skips the session reset (<c>No Reset On Close=true</c>).</summary>
    [Benchmark]
    public Task<int> HandWritten_Unprepared_Pooled_NoResetOnClose() => UnpreparedAsync(NoResetDataSource);

    [Benchmark]
    public async Task<int> HandWritten_Prepared_Pooled()
    {
        var (id, updatedAt, expiresAt) = Next();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(HandWrittenSessions.UpdateByKey, connection);
        HandWrittenSessions.AddUpdateParameters(command.Parameters, updatedAt, expiresAt, id);
        await command.PrepareAsync();
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public Task<int> HandWritten_Prepared_OpenConnection()
    {
        var (id, updatedAt, expiresAt) = Next();
        _preparedUpdatedAt.TypedValue = updatedAt;
        _preparedExpiresAt.TypedValue = expiresAt;
        _preparedId.TypedValue = id;
        return _prepared.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public async Task<int> HandWritten_PrepareEachCall_OpenConnection()
    {
        var (id, updatedAt, expiresAt) = Next();
        await using var command = new NpgsqlCommand(HandWrittenSessions.UpdateByKey, PreparedConnection);
        HandWrittenSessions.AddUpdateParameters(command.Parameters, updatedAt, expiresAt, id);
        await command.PrepareAsync();
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Pooled()
    {
        Count();
        return Refresh(Sessions);
    }

    /// <summary>Tolerant on a data source that skips the session reset (<c>No Reset On Close=true</c>).</summary>
    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Pooled_NoResetOnClose()
    {
        Count();
        return Refresh(NoResetSessions);
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Pooled_Unprepared()
    {
        Count();
        return Refresh(UnpreparedSessions);
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_OpenConnection()
    {
        Count();
        return Refresh(BoundSessions);
    }

    /// <summary>The same statement compiled once (<see cref="CompiledQuery"/>), run with the values.</summary>
    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Compiled_Pooled()
    {
        Count();
        return CompiledSessions.Refresh.ExecuteAsync(Sessions, NextArgs());
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Compiled_Pooled_NoResetOnClose()
    {
        Count();
        return CompiledSessions.Refresh.ExecuteAsync(NoResetSessions, NextArgs());
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Compiled_OpenConnection()
    {
        Count();
        return CompiledSessions.Refresh.ExecuteAsync(BoundSessions, NextArgs());
    }

    [Benchmark]
    public async Task<int> Dapper_Pooled()
    {
        var (id, updatedAt, expiresAt) = Next();
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSessions.UpdateByKey, new { updatedAt, expiresAt, id });
    }

    [Benchmark]
    public Task<int> CatalogCheckPerCall_Pooled()
    {
        CountWithCatalogQuery();
        var (id, updatedAt, expiresAt) = Next();
        return PerCallCatalogCheck.UpdateByKeyAsync(DataSource, id, updatedAt, expiresAt);
    }

    private async Task<int> UnpreparedAsync(NpgsqlDataSource dataSource)
    {
        var (id, updatedAt, expiresAt) = Next();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(HandWrittenSessions.UpdateByKey, connection);
        HandWrittenSessions.AddUpdateParameters(command.Parameters, updatedAt, expiresAt, id);
        return await command.ExecuteNonQueryAsync();
    }

    internal override void Rewind() => _next = 0;

    protected override Task PrepareDatabaseAsync() => BenchmarkDatabase.ResetAsync(ConnectionString);

    protected override async Task SetupAsync()
    {
        _keys = await BenchmarkDatabase.LoadKeysAsync(DataSource);
        _prepared = new NpgsqlCommand(HandWrittenSessions.UpdateByKey, PreparedConnection);
        _preparedUpdatedAt = new NpgsqlParameter<DateTimeOffset?>();
        _preparedExpiresAt = new NpgsqlParameter<DateTimeOffset?>();
        _preparedId = new NpgsqlParameter<Guid>();
        _prepared.Parameters.Add(_preparedUpdatedAt);
        _prepared.Parameters.Add(_preparedExpiresAt);
        _prepared.Parameters.Add(_preparedId);
        await _prepared.PrepareAsync();
    }

    protected override async Task CleanupAsync() => await _prepared.DisposeAsync();

    private Task<MutationResult<UserSession>> Refresh(Table<UserSession> sessions)
    {
        var (id, updatedAt, expiresAt) = Next();
        return sessions.Update()
            .Set(UserSession.Columns.UpdatedAt, updatedAt)
            .Set(UserSession.Columns.ExpiresAt, expiresAt)
            .Where(UserSession.Columns.Id.Eq(id))
            .ExecuteAsync();
    }

    private (Guid Id, DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt) Next()
    {
        var key = _keys[_next];
        _next = _next + 1 == _keys.Length ? 0 : _next + 1;
        var now = BenchmarkDatabase.BaseTime.AddDays(30).AddTicks(++_sequence);
        return (key, now, now.AddDays(1));
    }

    /// <summary>The next values in the compiled update's argument order.</summary>
    private (DateTimeOffset? UpdatedAt, DateTimeOffset? ExpiresAt, Guid Id) NextArgs()
    {
        var (id, updatedAt, expiresAt) = Next();
        return (updatedAt, expiresAt, id);
    }
}
