using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// One short job for the whole suite (so it finishes in a few minutes on two cores), allocations measured, the
/// catalog-query column, and a second reference column where a scenario has a prepared command on an open connection.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>The hand-written prepared command on an open connection: the reference for Tolerant bound to a connection.</summary>
    public const string PreparedOnOpenConnection = "HandWritten_Prepared_OpenConnection";

    public BenchmarkConfig()
    {
        // One launch, 3 warm-up and 7 measured iterations of ~0.5 s: a little more than Job.ShortRun's 3, because
        // single-row timings over a socket move by up to ±20% between runs.
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(
            StatisticColumn.Median,
            CatalogQueriesColumn.Instance,
            new VersusColumn(PreparedOnOpenConnection, "vs Prep open", allocations: false),
            new VersusColumn(PreparedOnOpenConnection, "Alloc vs Prep open", allocations: true));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        HideColumns(Column.Job, Column.LaunchCount, Column.WarmupCount, Column.IterationCount);
        WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared));

        // Reports next to the other build outputs (artifacts/ is ignored by git), not in ./BenchmarkDotNet.Artifacts.
        WithArtifactsPath(Path.Combine("artifacts", "benchmarks"));
    }
}
