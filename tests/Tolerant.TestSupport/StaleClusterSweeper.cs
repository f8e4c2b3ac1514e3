using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Tolerant.TestSupport;

/// <summary>
/// Removes what killed runs left behind. A killed run's cluster is normally removed by its
/// <see cref="ClusterWatchdog"/>; when the watchdog went too (a killed container or session, a reboot that kept
/// /tmp), the server runs on and the folder stays. So before each start we stop and delete every
/// <c>tolerant-pg-*</c> folder whose owner is gone.
/// </summary>
internal static class StaleClusterSweeper
{
    /// <summary>
    /// How long a folder without an owner file and without a server is presumed to be in the middle of being set up
    /// (the owner file is written right after the folder is made).
    /// </summary>
    public static readonly TimeSpan SetupGracePeriod = TimeSpan.FromMinutes(1);

    /// <summary>Stops the servers of stale folders in <paramref name="root"/> and deletes those folders.</summary>
    public static async Task SweepAsync(string root, PostgresTools tools, CancellationToken cancellationToken)
    {
        if (!ProcessProbe.IsSupported || !Directory.Exists(root))
        {
            return;
        }

        foreach (string path in Directory.GetDirectories(root, ClusterFolder.NamePrefix + "*"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = new ClusterFolder(path);
            try
            {
                if (!IsStale(folder))
                {
                    continue;
                }

                await ThrowawayCluster.StopServerAsync(tools, folder).ConfigureAwait(false);
                folder.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresClusterException)
            {
                // Another user's folder, or one another process is sweeping at this moment: leave it. Leftovers
                // must never make a start fail.
            }
        }
    }

    /// <summary>
    /// A folder is stale when its owner is dead (whether its server died too or runs on orphaned), or when it has
    /// no owner file yet holds a server's lock file or is older than <see cref="SetupGracePeriod"/>.
    /// </summary>
    public static bool IsStale(ClusterFolder folder)
    {
        ClusterOwner? owner = ClusterOwner.TryRead(folder.OwnerFile);
        if (owner is { } recorded)
        {
            return !recorded.IsAlive;
        }

        bool maybeBeingSetUp = !File.Exists(folder.PostmasterPidFile)
            && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder.Path) < SetupGracePeriod;
        return !maybeBeingSetUp;
    }
}
