using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Npgsql;
using Tolerant.Benchmarks.HandWritten;
using Tolerant.Benchmarks.Infrastructure;

namespace Tolerant.Benchmarks.Scenarios;

/// <summary>
/// CPU only, no I/O: what it costs to get from a call to a command ready to send — SQL text plus typed parameters —
/// once the statement's text is cached (warmed up). Tolerant's side goes through its public surface the way the
/// runtime does per call: build the query (a condition object per call), look its text up by shape
/// (<c>ToSql(capabilities)</c> is the same <c>StatementCache.Get</c> the run path uses), then one parameter per value
/// from the column's binder, plus the LIMIT parameter <c>FirstOrDefaultAsync</c> adds. The hand-written side is a
/// constant string and <see cref="NpgsqlParameter{T}"/>s. Target: ≤200 ns and no bytes beyond command and parameters.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class BuilderBenchmarks : DatabaseBenchmark
{
    private const string Select = "SelectByKey";
    private const string Update = "UpdateByKey";
    private const string Insert = "Insert";

    private readonly Guid _id = new("0b5c3c6e-2f7a-4a4c-8f0e-6d7b1e9a2c31");
    private readonly DateTimeOffset _updatedAt = BenchmarkDatabase.BaseTime.AddDays(30);
    private readonly DateTimeOffset _expiresAt = BenchmarkDatabase.BaseTime.AddDays(31);
    private TableCapabilities<UserSession> _capabilities = null!;
    private int[] _presentOrdinals = [];
    private UserSession _row = null!;

    protected override string ConnectionString => BenchmarkDatabase.ReadConnectionString;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Select)]
    public NpgsqlCommand HandWritten_SelectByKey()
    {
        var command = new NpgsqlCommand(HandWrittenSessions.SelectByKey);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _id });
        return command;
    }

    [Benchmark]
    [BenchmarkCategory(Select)]
    public NpgsqlCommand Tolerant_SelectByKey()
    {
        var query = Sessions.Select().Where(UserSession.Columns.Id.Eq(_id)).Limit(1);
        var command = new NpgsqlCommand(query.ToSql(_capabilities));
        command.Parameters.Add(UserSession.Columns.Id.CreateParameter(_id));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 1 });
        return command;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Update)]
    public NpgsqlCommand HandWritten_UpdateByKey()
    {
        var command = new NpgsqlCommand(HandWrittenSessions.UpdateByKey);
        HandWrittenSessions.AddUpdateParameters(command.Parameters, _updatedAt, _expiresAt, _id);
        return command;
    }

    [Benchmark]
    [BenchmarkCategory(Update)]
    public NpgsqlCommand Tolerant_UpdateByKey()
    {
        var update = Sessions.Update()
            .Set(UserSession.Columns.UpdatedAt, _updatedAt)
            .Set(UserSession.Columns.ExpiresAt, _expiresAt)
            .Where(UserSession.Columns.Id.Eq(_id));
        var command = new NpgsqlCommand(update.ToSql(_capabilities));
        command.Parameters.Add(UserSession.Columns.UpdatedAt.CreateParameter(_updatedAt));
        command.Parameters.Add(UserSession.Columns.ExpiresAt.CreateParameter(_expiresAt));
        command.Parameters.Add(UserSession.Columns.Id.CreateParameter(_id));
        return command;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Insert)]
    public NpgsqlCommand HandWritten_Insert()
    {
        var command = new NpgsqlCommand(HandWrittenSessions.Insert);
        HandWrittenSessions.AddInsertParameters(command.Parameters, _row);
        return command;
    }

    [Benchmark]
    [BenchmarkCategory(Insert)]
    public NpgsqlCommand Tolerant_Insert()
    {
        var command = new NpgsqlCommand(Sessions.ToInsertSql(_capabilities));
        foreach (var ordinal in _presentOrdinals)
        {
            command.Parameters.Add(CreateParameter(ordinal, _row));
        }

        return command;
    }

    internal override void Rewind()
    {
    }

    protected override async Task SetupAsync()
    {
        _capabilities = await Sessions.GetCapabilitiesAsync();
        _presentOrdinals = _capabilities.Table.Columns.Where(_capabilities.Has).Select(c => c.Ordinal).ToArray();
        _row = new UserSession
        {
            Id = _id,
            UserId = _id,
            IpAddress = "10.20.30.40",
            CreatedAt = BenchmarkDatabase.BaseTime,
            ExpiresAt = _expiresAt,
            IsActive = true,
        };

        // Warm up: the first call of each shape builds and caches its text.
        HandWritten_SelectByKey().Dispose();
        Tolerant_SelectByKey().Dispose();
        Tolerant_UpdateByKey().Dispose();
        Tolerant_Insert().Dispose();
    }

    /// <summary>The generated binder for column <paramref name="ordinal"/>, as the runtime's INSERT calls it.</summary>
    private static NpgsqlParameter CreateParameter<T>(int ordinal, T row)
        where T : ISqlTable<T> => T.CreateParameter(ordinal, row);
}
