using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// <c>--allocations</c>: where each variant's bytes go. Runs every benchmark method of the chosen scenarios in this
/// process, measures the exact bytes per operation (<see cref="GC.GetTotalAllocatedBytes(bool)"/>), and samples the
/// runtime's allocation ticks (one every ~100 KB, naming the type that crossed the mark) to split them by type. The
/// split is statistical: trust types that take more than a few percent.
/// </summary>
internal static class AllocationProfile
{
    private const int WarmUp = 500;
    private const long BytesToSample = 150_000_000;

    public static async Task RunAsync(IEnumerable<Type> scenarios, string? methodFilter)
    {
        using var listener = new AllocationListener();
        foreach (var type in scenarios)
        {
            var benchmark = (DatabaseBenchmark)Activator.CreateInstance(type)!;
            await benchmark.GlobalSetupAsync();
            try
            {
                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                    .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
                    .Where(m => methodFilter is null || m.Name.Contains(methodFilter, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(m => m.MetadataToken);
                foreach (var method in methods)
                {
                    await ProfileAsync(listener, benchmark, method);
                }
            }
            finally
            {
                await benchmark.DisposeAsync();
            }
        }
    }

    private static async Task ProfileAsync(AllocationListener listener, DatabaseBenchmark benchmark, MethodInfo method)
    {
        var run = (Func<Task>)(() => Invoke(benchmark, method));
        var start = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < WarmUp; i++)
        {
            await run();
        }

        // About 1,500 samples whatever the operation allocates: 40,000 single-row operations, ~70 reads of 10,000 rows.
        var warmUpBytes = (GC.GetTotalAllocatedBytes(precise: true) - start) / WarmUp;
        var operations = (int)Math.Clamp(BytesToSample / Math.Max(warmUpBytes, 1), 50, 40_000);
        listener.Start();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < operations; i++)
        {
            await run();
        }

        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        var samples = listener.Stop();
        var sampled = samples.Values.Sum();
        Console.WriteLine(
            $"{benchmark.GetType().Name}.{method.Name}: {total / (double)operations:0} B/op over {operations} operations " +
            $"(sampled {sampled / (double)operations:0})");
        foreach (var (typeName, bytes) in samples.OrderByDescending(s => s.Value).Take(18))
        {
            var size = listener.SizeOf(typeName);
            Console.WriteLine(
                $"    {bytes / (double)operations,9:0} B/op  {bytes * 100.0 / sampled,5:0.0}%  {size,6} B each  ~{bytes / (double)operations / Math.Max(size, 1),6:0.00}/op  {typeName}");
        }
    }

    private static Task Invoke(object benchmark, MethodInfo method) =>
        method.Invoke(benchmark, null) as Task ?? Task.CompletedTask;

    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly ConcurrentDictionary<string, long> _sizes = new(StringComparer.Ordinal);
        private ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
        private volatile bool _recording;

        public void Start()
        {
            _bytes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            _recording = true;
        }

        /// <summary>The size of one object of the type (arrays: of the last one sampled), from the tick's ObjectSize.</summary>
        public long SizeOf(string typeName) => _sizes.TryGetValue(typeName, out var size) ? size : 0;

        public IReadOnlyDictionary<string, long> Stop()
        {
            _recording = false;
            return _bytes;
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!_recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true
                || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
            {
                return;
            }

            var typeIndex = names.IndexOf("TypeName");
            var amountIndex = names.IndexOf("AllocationAmount64");
            var sizeIndex = names.IndexOf("ObjectSize");
            if (typeIndex < 0 || amountIndex < 0)
            {
                return;
            }

            var typeName = payload[typeIndex] as string ?? "?";
            var amount = Convert.ToInt64(payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(typeName, amount, (_, sum) => sum + amount);
            if (sizeIndex >= 0)
            {
                _sizes[typeName] = Convert.ToInt64(payload[sizeIndex], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
