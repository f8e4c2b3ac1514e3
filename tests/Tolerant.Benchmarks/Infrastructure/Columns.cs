using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// Catalog queries per operation during the measured run, from <see cref="CatalogQueryLog"/>: the catalog's
/// <see cref="SchemaCatalog.ProbeCount"/> after the run minus after setup, over the operations run. "-" for variants
/// that never query the catalog by construction (hand-written, Dapper, the builder).
/// </summary>
internal sealed class CatalogQueriesColumn : IColumn
{
    public static readonly CatalogQueriesColumn Instance = new();

    public string Id => nameof(CatalogQueriesColumn);

    public string ColumnName => "Catalog q/op";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Catalog queries per operation in the measured run (ProbeCount after run - after setup) / operations";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var counts = CatalogQueryLog.Read(benchmarkCase.Descriptor.Type, benchmarkCase.Descriptor.WorkloadMethod.Name);
        if (counts is not { Operations: > 0 } known)
        {
            return "-";
        }

        return known.CatalogQueries == 0
            ? "0"
            : (known.CatalogQueries / (double)known.Operations).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>
/// The mean time, or the bytes allocated, relative to another benchmark of the same class: the second reference of
/// a scenario (BenchmarkDotNet's Ratio columns compare with the class's one baseline only).
/// </summary>
internal sealed class VersusColumn : IColumn
{
    private readonly string _method;
    private readonly bool _allocations;

    public VersusColumn(string method, string header, bool allocations)
    {
        _method = method;
        _allocations = allocations;
        ColumnName = header;
    }

    public string Id => $"{nameof(VersusColumn)}.{_method}.{_allocations}";

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _allocations ? 2 : 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _allocations
        ? $"Allocated bytes per operation relative to {_method} of the same class"
        : $"Mean time relative to {_method} of the same class";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var reference = summary.Reports.FirstOrDefault(r =>
            r.BenchmarkCase.Descriptor.Type == benchmarkCase.Descriptor.Type
            && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == _method);
        var current = summary[benchmarkCase];
        if (reference is null || current is null)
        {
            return "-";
        }

        double? ratio;
        if (_allocations)
        {
            var mine = current.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            var theirs = reference.GcStats.GetBytesAllocatedPerOperation(reference.BenchmarkCase);
            ratio = mine is null || theirs is not > 0 ? null : mine.Value / (double)theirs.Value;
        }
        else
        {
            var mine = current.ResultStatistics?.Mean;
            var theirs = reference.ResultStatistics?.Mean;
            ratio = mine is null || theirs is not > 0 ? null : mine.Value / theirs.Value;
        }

        return ratio is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) =>
        summary.Reports.Any(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == _method);
}
