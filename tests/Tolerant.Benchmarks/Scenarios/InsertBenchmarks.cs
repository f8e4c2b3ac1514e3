using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Dapper;
using Npgsql;
using Tolerant.Benchmarks.HandWritten;
using Tolerant.Benchmarks.Infrastructure;

namespace Tolerant.Benchmarks.Scenarios;

/// <summary>
/// One-row INSERT of all eight columns into the write database (reseeded to the same 10,000 rows before each
/// variant, so every variant inserts into a table of the same size). Baseline: hand-written, unprepared, pooled.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class InsertBenchmarks : DatabaseBenchmark
{
    private static readonly Guid User = new("3f1c5a52-8d0e-4b4e-9a57-5c1f7e2d9b10");
    private long _sequence;
    private PreparedInsert _prepared = null!;

    protected override string ConnectionString => BenchmarkDatabase.WriteConnectionString;

    [Benchmark(Baseline = true)]
    public Task<int> HandWritten_Unprepared_Pooled() => UnpreparedAsync(DataSource);

    /// <summary>The baseline on a data source that skips the session reset (<c>No Reset On Close=true</c>).</summary>
    [Benchmark]
    public Task<int> HandWritten_Unprepared_Pooled_NoResetOnClose() => UnpreparedAsync(NoResetDataSource);

    [Benchmark]
    public async Task<int> HandWritten_Prepared_Pooled()
    {
        var row = NextRow();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(HandWrittenSessions.Insert, connection);
        HandWrittenSessions.AddInsertParameters(command.Parameters, row);
        await command.PrepareAsync();
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public Task<int> HandWritten_Prepared_OpenConnection() => _prepared.ExecuteAsync(NextRow());

    [Benchmark]
    public async Task<int> HandWritten_PrepareEachCall_OpenConnection()
    {
        var row = NextRow();
        await using var command = new NpgsqlCommand(HandWrittenSessions.Insert, PreparedConnection);
        HandWrittenSessions.AddInsertParameters(command.Parameters, row);
        await command.PrepareAsync();
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Pooled()
    {
        Count();
        return Sessions.InsertAsync(NextRow());
    }

    /// <summary>Tolerant on a data source that skips the session reset (<c>No Reset On Close=true</c>).</summary>
    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Pooled_NoResetOnClose()
    {
        Count();
        return NoResetSessions.InsertAsync(NextRow());
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_Pooled_Unprepared()
    {
        Count();
        return UnpreparedSessions.InsertAsync(NextRow());
    }

    [Benchmark]
    public Task<MutationResult<UserSession>> Tolerant_OpenConnection()
    {
        Count();
        return BoundSessions.InsertAsync(NextRow());
    }

    [Benchmark]
    public async Task<int> Dapper_Pooled()
    {
        var row = NextRow();
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(DapperSessions.Insert, row);
    }

    [Benchmark]
    public Task<int> CatalogCheckPerCall_Pooled()
    {
        CountWithCatalogQuery();
        return PerCallCatalogCheck.InsertAsync(DataSource, NextRow());
    }

    private async Task<int> UnpreparedAsync(NpgsqlDataSource dataSource)
    {
        var row = NextRow();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(HandWrittenSessions.Insert, connection);
        HandWrittenSessions.AddInsertParameters(command.Parameters, row);
        return await command.ExecuteNonQueryAsync();
    }

    internal override void Rewind()
    {
    }

    protected override Task PrepareDatabaseAsync() => BenchmarkDatabase.ResetAsync(ConnectionString);

    protected override async Task SetupAsync() => _prepared = await PreparedInsert.CreateAsync(PreparedConnection);

    protected override async Task CleanupAsync() => await _prepared.DisposeAsync();

    /// <summary>A new session: a time-ordered key (so the index grows at its end, as with real sessions), fixed values otherwise.</summary>
    private UserSession NextRow()
    {
        var created = BenchmarkDatabase.BaseTime.AddTicks(++_sequence);
        return new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = User,
            IpAddress = "10.20.30.40",
            CreatedAt = created,
            ExpiresAt = created.AddDays(1),
            IsActive = true,
        };
    }
}
