using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// <c>--interleaved Scenario [Method ...]</c>: a supplement to BenchmarkDotNet for this noisy two-core VM, not a
/// replacement. BenchmarkDotNet measures one variant after another, each in its own process, so a slow minute lands
/// on whichever variant runs in it. Here the variants share one process and one setup, and take turns in short
/// batches (~50 ms each, 15 rounds): drift hits them all alike, and the per-variant median of the batches is
/// compared. Timings only; allocations come from the suite.
/// </summary>
internal static class InterleavedComparison
{
    private const int Rounds = 15;
    private static readonly TimeSpan Batch = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(Type scenario, IReadOnlyList<string> methodNames)
    {
        var methods = scenario.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .Where(m => methodNames.Count == 0 ? !m.Name.StartsWith("CatalogCheck", StringComparison.Ordinal) : methodNames.Contains(m.Name))
            .OrderBy(m => methodNames.Count == 0 ? m.MetadataToken : IndexOf(methodNames, m.Name))
            .ToList();
        var benchmark = (DatabaseBenchmark)Activator.CreateInstance(scenario)!;
        await benchmark.GlobalSetupAsync();
        try
        {
            var runs = methods.Select(m => (m.Name, Run: (Func<Task>)(() => m.Invoke(benchmark, null) as Task ?? Task.CompletedTask))).ToList();
            var batchSizes = new Dictionary<string, int>();
            foreach (var (name, run) in runs)
            {
                var clock = Stopwatch.StartNew();
                var count = 0;
                while (clock.Elapsed < TimeSpan.FromMilliseconds(300) || count < 20)
                {
                    await run();
                    count++;
                }

                batchSizes[name] = Math.Max(1, (int)(count * (Batch / clock.Elapsed)));
            }

            var times = runs.ToDictionary(r => r.Name, _ => new List<double>());
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var (name, run) in runs)
                {
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < batchSizes[name]; i++)
                    {
                        await run();
                    }

                    times[name].Add(clock.Elapsed.TotalMicroseconds / batchSizes[name]);
                }
            }

            var reference = Median(times[runs[0].Name]);
            Console.WriteLine($"{scenario.Name}: median, quartiles and minimum of {Rounds} interleaved batches, µs per operation");
            foreach (var (name, _) in runs)
            {
                var sorted = times[name].Order().ToList();
                Console.WriteLine(
                    $"  {name,-45} median {Median(sorted),9:0.0}  q1 {sorted[Rounds / 4],9:0.0}  q3 {sorted[3 * Rounds / 4],9:0.0}  " +
                    $"min {sorted[0],9:0.0}  ratio {Median(sorted) / reference,5:0.00}");
            }
        }
        finally
        {
            await benchmark.DisposeAsync();
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
