using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Npgsql;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// Runs every benchmark once, in this process, before BenchmarkDotNet measures anything: the variants of a scenario
/// must give the same answer (so the numbers compare like with like), and the Tolerant variants must run no catalog
/// query once set up (<see cref="SchemaCatalog.ProbeCount"/> unchanged over <see cref="Repetitions"/> more calls).
/// </summary>
internal static class SelfCheck
{
    private const int Repetitions = 200;

    public static async Task<bool> RunAsync(IEnumerable<Type> scenarios)
    {
        var ok = true;
        foreach (var type in scenarios)
        {
            var benchmark = (DatabaseBenchmark)Activator.CreateInstance(type)!;
            await benchmark.GlobalSetupAsync();
            try
            {
                ok &= await CheckAsync(benchmark);
            }
            finally
            {
                await benchmark.DisposeAsync();
            }
        }

        return ok;
    }

    private static async Task<bool> CheckAsync(DatabaseBenchmark benchmark)
    {
        var ok = true;
        var type = benchmark.GetType();
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .OrderBy(m => m.MetadataToken)
            .ToList();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            var category = method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault() ?? string.Empty;
            benchmark.Rewind();
            var answer = Describe(await InvokeAsync(benchmark, method));
            if (!answers.TryGetValue(category, out var expected))
            {
                answers[category] = answer;
            }
            else if (answer != expected)
            {
                Console.WriteLine($"// CHECK FAILED {type.Name}.{method.Name}: {answer}\n//   expected (as {methods[0].Name}): {expected}");
                ok = false;
            }
        }

        // Catalog queries: none after setup, however many operations run.
        var before = benchmark.ProbesSinceSetup;
        foreach (var method in methods.Where(m => m.Name.StartsWith("Tolerant", StringComparison.Ordinal)))
        {
            for (var i = 0; i < Repetitions; i++)
            {
                await InvokeAsync(benchmark, method);
            }
        }

        var probes = benchmark.ProbesSinceSetup - before;
        Console.WriteLine(
            $"// Check {type.Name}: {methods.Count} variants {(ok ? "agree" : "DISAGREE")}; catalog queries during " +
            $"{Repetitions} calls of each Tolerant variant: {probes}");
        return ok && probes == 0;
    }

    private static async Task<object?> InvokeAsync(object benchmark, MethodInfo method)
    {
        var result = method.Invoke(benchmark, null);
        if (result is not Task task)
        {
            return result;
        }

        await task;
        return task.GetType().GetProperty(nameof(Task<int>.Result))?.GetValue(task);
    }

    private static string Describe(object? result) => result switch
    {
        null => "null",
        UserSession row => row.ToString(),
        List<UserSession> rows => $"{rows.Count} rows, checksum {rows.Aggregate(0, (hash, row) => hash ^ row.GetHashCode())}",
        int count => $"rows={count}",
        MutationResult<UserSession> mutation => mutation.Skipped.Count == 0 ? $"rows={mutation.Rows}" : $"rows={mutation.Rows}, skipped {mutation.Skipped.Count}",
        NpgsqlCommand command => DescribeCommand(command),
        _ => result.ToString() ?? string.Empty,
    };

    private static string DescribeCommand(NpgsqlCommand command)
    {
        using (command)
        {
            // The texts differ (Tolerant quotes identifiers, may add LIMIT $n); the values bound must not.
            var parameters = command.Parameters.Cast<NpgsqlParameter>().ToList();
            if (command.CommandText.Contains(" LIMIT $", StringComparison.Ordinal))
            {
                parameters.RemoveAt(parameters.Count - 1);
            }

            var values = string.Join(", ", parameters.Select(p => p.Value));
            Console.WriteLine($"//   {command.CommandText}");
            return $"values: {values}";
        }
    }
}
