using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Tolerant.Benchmarks.Infrastructure;
using Tolerant.TestSupport;

namespace Tolerant.Benchmarks;

/// <summary>
/// Starts PostgreSQL (a throwaway cluster, or the server <c>TOLERANT_PG</c> names), creates and seeds a read and a
/// write database, checks that every variant gives the same answer and that Tolerant runs no catalog query per call,
/// then hands the arguments to <see cref="BenchmarkSwitcher"/>. BenchmarkDotNet runs each benchmark in a child
/// process; the children find the databases through environment variables they inherit from this process, which
/// owns the server and stops it when the run ends.
/// </summary>
/// <example>
/// <code>
/// ./build.sh bench -- --filter '*'                   # the whole suite
/// ./build.sh bench -- --filter '*SelectByKey*'       # one scenario
/// ./build.sh bench -- --allocations Tolerant_Pooled  # bytes per operation split by type, no BenchmarkDotNet
/// ./build.sh bench -- --interleaved SelectByKeyBenchmarks HandWritten_Prepared_OpenConnection Tolerant_OpenConnection
/// </code>
/// </example>
internal static class Program
{
    private static readonly string[] NoDatabaseNeeded = ["--list", "--help", "-h", "-?", "--version", "--info"];

    public static async Task<int> Main(string[] args)
    {
        // `./build.sh bench -- --filter '*'` reaches us with the `--` still in front.
        args = args.Where(a => a != "--").ToArray();
        var switcher = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly);
        if (args.Any(a => NoDatabaseNeeded.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            switcher.Run(args);
            return 0;
        }

        await using var server = await PostgresServer.StartAsync();
        var read = await server.CreateDatabaseAsync("bench_read");
        var write = await server.CreateDatabaseAsync("bench_write");
        await BenchmarkDatabase.ResetAsync(read);
        await BenchmarkDatabase.ResetAsync(write);
        Environment.SetEnvironmentVariable(BenchmarkDatabase.ReadVariable, read);
        Environment.SetEnvironmentVariable(BenchmarkDatabase.WriteVariable, write);
        var log = Directory.CreateTempSubdirectory("tolerant-bench-");
        Environment.SetEnvironmentVariable(CatalogQueryLog.FolderVariable, log.FullName);
        Console.WriteLine($"// PostgreSQL: {await BenchmarkDatabase.ServerVersionAsync(read)}");
        Console.WriteLine($"// {(server.IsThrowaway ? "throwaway cluster in " + server.ClusterDirectory : "server from " + PostgresServer.EnvironmentVariable)}; " +
                          $"{BenchmarkDatabase.SeededRows} rows seeded in each of two databases");

        var scenarios = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DatabaseBenchmark)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        try
        {
            var interleaved = Array.IndexOf(args, "--interleaved");
            if (interleaved >= 0)
            {
                var scenario = interleaved + 1 < args.Length ? scenarios.FirstOrDefault(t => t.Name == args[interleaved + 1]) : null;
                if (scenario is null)
                {
                    Console.Error.WriteLine($"--interleaved needs a scenario: {string.Join(", ", scenarios.Select(t => t.Name))}");
                    return 2;
                }

                await InterleavedComparison.RunAsync(scenario, args[(interleaved + 2)..]);
                return 0;
            }

            var allocations = Array.IndexOf(args, "--allocations");
            if (allocations >= 0)
            {
                await AllocationProfile.RunAsync(scenarios.Where(t => !t.Name.StartsWith("Builder", StringComparison.Ordinal)),
                    allocations + 1 < args.Length ? args[allocations + 1] : null);
                return 0;
            }

            if (!await SelfCheck.RunAsync(scenarios))
            {
                Console.Error.WriteLine("The self-check failed: the variants do not agree, or Tolerant queried the catalog per call.");
                return 1;
            }

            var summaries = switcher.Run(args).ToList();
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
        finally
        {
            log.Delete(recursive: true);
        }
    }
}
