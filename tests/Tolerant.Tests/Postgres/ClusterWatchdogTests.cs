using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>
/// A test host is often killed before its cleanup ends (dotnet test allows it 100 ms), so each cluster has a
/// watchdog that removes it once the owning process is gone.
/// </summary>
public sealed class ClusterWatchdogTests
{
    private static readonly PostgresServerOptions Throwaway = new() { IgnoreEnvironmentServer = true };

    [Fact]
    public async Task When_the_owner_dies_the_watchdog_stops_the_server_and_deletes_the_folder()
    {
        PostgresServer server = await PostgresServer.StartAsync(Throwaway);
        try
        {
            string folder = server.ClusterDirectory!;
            IReadOnlyList<int> processes = ClusterProcesses.Of(folder);

            // What the kernel does when the owner dies, however it dies: the owner's end of the lifeline closes.
            server.Cluster!.Watchdog.Dispose();

            var waited = Stopwatch.StartNew();
            while ((Directory.Exists(folder) || processes.Any(ProcessProbe.IsAlive)) && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }

            Assert.All(processes, pid => Assert.False(ProcessProbe.IsAlive(pid), $"server process {pid} outlived its owner"));
            Assert.False(Directory.Exists(folder), $"{folder} outlived its owner");
        }
        finally
        {
            // The watchdog has done it all; disposing must cope with that.
            await server.DisposeAsync();
        }
    }
}
