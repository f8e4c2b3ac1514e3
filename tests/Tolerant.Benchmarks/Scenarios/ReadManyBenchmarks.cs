using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Dapper;
using Npgsql;
using Tolerant.Benchmarks.HandWritten;
using Tolerant.Benchmarks.Infrastructure;

namespace Tolerant.Benchmarks.Scenarios;

/// <summary>
/// Reading all 10,000 seeded rows into a list, on a pooled connection. Baseline: hand-written ordinal reads.
/// Target: Tolerant ≤1.05×.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ReadManyBenchmarks : DatabaseBenchmark
{
    protected override string ConnectionString => BenchmarkDatabase.ReadConnectionString;

    [Benchmark(Baseline = true)]
    public async Task<List<UserSession>> HandWritten_Pooled()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(HandWrittenSessions.SelectAll, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<UserSession>();
        while (await reader.ReadAsync())
        {
            rows.Add(HandWrittenSessions.Read(reader));
        }

        return rows;
    }

    [Benchmark]
    public Task<List<UserSession>> Tolerant_ToListAsync()
    {
        Count();
        return Sessions.Select().ToListAsync();
    }

    /// <summary>Streaming, collected into a list like the others so the work compares.</summary>
    [Benchmark]
    public async Task<List<UserSession>> Tolerant_AsAsyncEnumerable()
    {
        Count();
        var rows = new List<UserSession>();
        await foreach (var row in Sessions.Select().AsAsyncEnumerable())
        {
            rows.Add(row);
        }

        return rows;
    }

    [Benchmark]
    public async Task<List<UserSession>> Dapper_Pooled()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<UserSession>(DapperSessions.SelectAll)).AsList();
    }

    internal override void Rewind()
    {
    }

    protected override Task SetupAsync() => Task.CompletedTask;
}
