using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Npgsql;
using Tolerant.Benchmarks.Compiled;
using Tolerant.Benchmarks.HandWritten;
using Tolerant.Benchmarks.Infrastructure;

namespace Tolerant.Benchmarks.Scenarios;

/// <summary>
/// CPU only, no I/O: what it costs to get from a call to a command ready to send — SQL text plus typed parameters —
/// once the statement's text is cached (warmed up). Tolerant's side runs the runtime's own per-call steps, the ones
/// its operations run before sending (<c>InternalsVisibleTo</c>): build the query through the public API (a condition
/// object per call), look the text up by shape, bind the values. The hand-written side is a constant string and
/// <see cref="NpgsqlParameter{T}"/>s. Target: ≤200 ns and no bytes beyond command and parameters.
/// <para>
/// The <c>Kept</c> variants are the same steps on a bound table's second call, where the connection's store hands
/// out the command it kept, with its parameters, and only the values are put in; their baseline is a hand-written
/// prepared command whose <c>TypedValue</c>s are set.
/// </para>
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class BuilderBenchmarks : DatabaseBenchmark
{
    private const string Select = "SelectByKey";
    private const string Update = "UpdateByKey";
    private const string Insert = "Insert";
    private const string KeptSelect = "SelectByKey, kept command";
    private const string KeptUpdate = "UpdateByKey, kept command";
    private const string KeptInsert = "Insert, kept command";

    private readonly Guid _id = new("0b5c3c6e-2f7a-4a4c-8f0e-6d7b1e9a2c31");
    private readonly DateTimeOffset _updatedAt = BenchmarkDatabase.BaseTime.AddDays(30);
    private readonly DateTimeOffset _expiresAt = BenchmarkDatabase.BaseTime.AddDays(31);
    private TableCapabilities<UserSession> _capabilities = null!;
    private UserSession _row = null!;
    private NpgsqlCommand _handSelect = null!;
    private NpgsqlParameter<Guid> _handSelectId = null!;
    private NpgsqlCommand _handUpdate = null!;
    private NpgsqlCommand _handInsert = null!;
    private Execution.BoundCommands _store = null!;

    protected override string ConnectionString => BenchmarkDatabase.ReadConnectionString;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Select)]
    public NpgsqlCommand HandWritten_SelectByKey()
    {
        var command = new NpgsqlCommand(HandWrittenSessions.SelectByKey);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _id });
        return command;
    }

    /// <summary>What <c>FirstOrDefaultAsync</c> does before sending, on a pooled data source: a new command.</summary>
    [Benchmark]
    [BenchmarkCategory(Select)]
    public NpgsqlCommand Tolerant_SelectByKey()
    {
        var statement = Sessions.Select().Where(UserSession.Columns.Id.Eq(_id)).FirstStatement();
        var command = new NpgsqlCommand(statement.Sql(_capabilities));
        statement.Bind(command.Parameters, _capabilities);
        return command;
    }

    /// <summary>The same with the statement compiled once (<see cref="CompiledQuery"/>): the argument check, the text found by one reference comparison, the binding; no condition object.</summary>
    [Benchmark]
    [BenchmarkCategory(Select)]
    public NpgsqlCommand Tolerant_SelectByKey_Compiled()
    {
        CompiledSessions.ById.CheckArguments(_id);
        var statement = CompiledSessions.ById.FirstStatement(_id);
        var command = new NpgsqlCommand(statement.Sql(_capabilities));
        statement.Bind(command.Parameters, _capabilities);
        return command;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(KeptSelect)]
    public NpgsqlCommand HandWritten_SelectByKey_Kept()
    {
        _handSelectId.TypedValue = _id;
        return _handSelect;
    }

    /// <summary>The same on a bound table's kept command: the text is looked up, the connection's store hands out its command, the value is put in.</summary>
    [Benchmark]
    [BenchmarkCategory(KeptSelect)]
    public NpgsqlCommand Tolerant_SelectByKey_Kept()
    {
        var statement = Sessions.Select().Where(UserSession.Columns.Id.Eq(_id)).FirstStatement();
        var lease = _store.Rent(statement.Sql(_capabilities), transaction: null);
        statement.Bind(lease.Command.Parameters, _capabilities);
        return Keep(lease);
    }

    [Benchmark]
    [BenchmarkCategory(KeptSelect)]
    public NpgsqlCommand Tolerant_SelectByKey_Compiled_Kept()
    {
        CompiledSessions.ById.CheckArguments(_id);
        var statement = CompiledSessions.ById.FirstStatement(_id);
        var lease = _store.Rent(statement.Sql(_capabilities), transaction: null);
        statement.Bind(lease.Command.Parameters, _capabilities);
        return Keep(lease);
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
        var update = Refresh();
        var command = new NpgsqlCommand(update.ToSql(_capabilities));
        update.Statement().Bind(command.Parameters, _capabilities);
        return command;
    }

    /// <summary>The same with the update compiled once: what <c>ExecuteAsync</c> does before sending (check the arguments, count the present assignments, find the text, bind).</summary>
    [Benchmark]
    [BenchmarkCategory(Update)]
    public NpgsqlCommand Tolerant_UpdateByKey_Compiled()
    {
        (DateTimeOffset? UpdatedAt, DateTimeOffset? ExpiresAt, Guid Id) args = (_updatedAt, _expiresAt, _id);
        CompiledSessions.Refresh.CheckArguments(args);
        var command = new NpgsqlCommand(CompiledSessions.Refresh.ToSql(_capabilities));
        CompiledSessions.Refresh.Statement(args).Bind(command.Parameters, _capabilities);
        return command;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(KeptUpdate)]
    public NpgsqlCommand HandWritten_UpdateByKey_Kept()
    {
        var parameters = _handUpdate.Parameters;
        ((NpgsqlParameter<DateTimeOffset?>)parameters[0]).TypedValue = _updatedAt;
        ((NpgsqlParameter<DateTimeOffset?>)parameters[1]).TypedValue = _expiresAt;
        ((NpgsqlParameter<Guid>)parameters[2]).TypedValue = _id;
        return _handUpdate;
    }

    [Benchmark]
    [BenchmarkCategory(KeptUpdate)]
    public NpgsqlCommand Tolerant_UpdateByKey_Kept()
    {
        var update = Refresh();
        var lease = _store.Rent(update.ToSql(_capabilities)!, transaction: null);
        update.Statement().Bind(lease.Command.Parameters, _capabilities);
        return Keep(lease);
    }

    [Benchmark]
    [BenchmarkCategory(KeptUpdate)]
    public NpgsqlCommand Tolerant_UpdateByKey_Compiled_Kept()
    {
        (DateTimeOffset? UpdatedAt, DateTimeOffset? ExpiresAt, Guid Id) args = (_updatedAt, _expiresAt, _id);
        CompiledSessions.Refresh.CheckArguments(args);
        var lease = _store.Rent(CompiledSessions.Refresh.ToSql(_capabilities)!, transaction: null);
        CompiledSessions.Refresh.Statement(args).Bind(lease.Command.Parameters, _capabilities);
        return Keep(lease);
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
        var command = new NpgsqlCommand(_capabilities.Statements.Insert);
        new Execution.InsertOperation<UserSession>(_row).Bind(command.Parameters, _capabilities.Statements.PresentOrdinals);
        return command;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(KeptInsert)]
    public NpgsqlCommand HandWritten_Insert_Kept()
    {
        HandWrittenSessions.AssignInsertParameters(_handInsert.Parameters, _row);
        return _handInsert;
    }

    [Benchmark]
    [BenchmarkCategory(KeptInsert)]
    public NpgsqlCommand Tolerant_Insert_Kept()
    {
        var lease = _store.Rent(_capabilities.Statements.Insert, transaction: null);
        new Execution.InsertOperation<UserSession>(_row).Bind(lease.Command.Parameters, _capabilities.Statements.PresentOrdinals);
        return Keep(lease);
    }

    internal override void Rewind()
    {
    }

    protected override async Task SetupAsync()
    {
        _capabilities = await Sessions.GetCapabilitiesAsync();
        _row = new UserSession
        {
            Id = _id,
            UserId = _id,
            IpAddress = "10.20.30.40",
            CreatedAt = BenchmarkDatabase.BaseTime,
            ExpiresAt = _expiresAt,
            IsActive = true,
        };

        // The hand-written commands to reuse, and Tolerant's kept commands as a bound table's first call leaves them
        // (the first Rent of each text creates the command with no parameters; the call binds them).
        _handSelect = HandWritten_SelectByKey();
        _handSelectId = (NpgsqlParameter<Guid>)_handSelect.Parameters[0];
        _handUpdate = HandWritten_UpdateByKey();
        _handInsert = HandWritten_Insert();
        _store = Execution.BoundCommands.For(BoundConnection);
        Tolerant_SelectByKey_Kept();
        Tolerant_UpdateByKey_Kept();
        Tolerant_Insert_Kept();
    }

    /// <summary>What an operation does after its statement ran: mark it good and give the command back to the store.</summary>
    private static NpgsqlCommand Keep(Execution.CommandLease lease)
    {
        lease.Succeeded();
        lease.DisposeAsync().GetAwaiter().GetResult(); // completes synchronously for a kept command
        return lease.Command;
    }

    private UpdateQuery<UserSession> Refresh() => Sessions.Update()
        .Set(UserSession.Columns.UpdatedAt, _updatedAt)
        .Set(UserSession.Columns.ExpiresAt, _expiresAt)
        .Where(UserSession.Columns.Id.Eq(_id));
}
