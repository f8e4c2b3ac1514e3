using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>
/// A killed test run leaves its cluster behind; the next start stops and deletes it, and leaves alone the clusters
/// of runs still going. The folders are made in /tmp, where real leftovers are: any run's sweep may take the stale
/// ones first, which changes nothing in what is asserted.
/// </summary>
public sealed class StaleClusterSweepTests
{
    private static readonly PostgresServerOptions Throwaway = new() { IgnoreEnvironmentServer = true };

    [Fact]
    public async Task Start_deletes_folders_whose_server_or_owner_is_dead_and_keeps_those_whose_owner_lives()
    {
        int deadPid = ClusterProcesses.DeadPid();
        // A server that died (its lock file remains) in a folder from before owner files, or whose owner file is lost.
        string deadServer = FakeClusterFolder(postmasterPid: deadPid, owner: null);
        // An owner killed during initdb, before any server ran.
        string deadOwner = FakeClusterFolder(postmasterPid: null, owner: new ClusterOwner(deadPid, StartTime: 1));
        // A folder of a run that is still going (this one), whose server died: not ours to delete.
        string liveOwner = FakeClusterFolder(postmasterPid: deadPid, owner: ClusterOwner.Current);
        try
        {
            await using PostgresServer server = await PostgresServer.StartAsync(Throwaway);

            Assert.False(Directory.Exists(deadServer), $"{deadServer} (dead server) was not swept");
            Assert.False(Directory.Exists(deadOwner), $"{deadOwner} (dead owner) was not swept");
            Assert.True(Directory.Exists(liveOwner), $"{liveOwner} (live owner) was swept");
            Assert.True(Directory.Exists(server.ClusterDirectory));
        }
        finally
        {
            foreach (string folder in new[] { deadServer, deadOwner, liveOwner })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    [Fact]
    public async Task Start_stops_an_orphaned_server_whose_owner_died_and_deletes_its_folder()
    {
        PostgresServer orphan = await PostgresServer.StartAsync(Throwaway);
        try
        {
            string folder = orphan.ClusterDirectory!;
            IReadOnlyList<int> processes = ClusterProcesses.Of(folder);
            // As if the test run that started it had been killed: its server runs on with nobody to stop it.
            new ClusterOwner(ClusterProcesses.DeadPid(), StartTime: 1).WriteTo(Path.Combine(folder, ClusterFolder.OwnerFileName));

            PostgresServer next = await PostgresServer.StartAsync(Throwaway);
            await next.DisposeAsync();

            Assert.All(processes, pid => Assert.False(ProcessProbe.IsAlive(pid), $"orphaned server process {pid} still runs"));
            Assert.False(Directory.Exists(folder), $"{folder} of the orphaned server was not deleted");
        }
        finally
        {
            // Its cluster is gone already; disposing must cope with that.
            await orphan.DisposeAsync();
        }
    }

    private static string FakeClusterFolder(int? postmasterPid, ClusterOwner? owner)
    {
        string path = Path.Combine("/tmp", ClusterFolder.NamePrefix + "fake" + RandomNumberGenerator.GetHexString(6, lowercase: true));
        var folder = new ClusterFolder(path);
        Directory.CreateDirectory(folder.DataDirectory);
        owner?.WriteTo(folder.OwnerFile);
        if (postmasterPid is int pid)
        {
            File.WriteAllText(folder.PostmasterPidFile, pid.ToString(CultureInfo.InvariantCulture) + "\n" + folder.DataDirectory + "\n");
        }

        return path;
    }
}
