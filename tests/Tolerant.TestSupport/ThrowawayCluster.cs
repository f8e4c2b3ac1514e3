using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Tolerant.TestSupport;

/// <summary>
/// A PostgreSQL cluster made for one process: initdb into a private folder, a server on a Unix socket in that
/// folder and nowhere else, stopped and deleted afterwards. Socket-only in a private folder means parallel runs
/// never collide, as TCP ports can.
/// </summary>
internal sealed class ThrowawayCluster
{
    /// <summary>The superuser initdb creates; we connect as it, with trust authentication.</summary>
    public const string Superuser = "postgres";

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    private ThrowawayCluster(ClusterFolder folder, PostgresTools tools, ClusterWatchdog watchdog)
    {
        Folder = folder;
        Tools = tools;
        Watchdog = watchdog;
    }

    /// <summary>The cluster's folder: data, log and socket.</summary>
    public ClusterFolder Folder { get; }

    /// <summary>The tools that made the cluster and will stop it.</summary>
    public PostgresTools Tools { get; }

    /// <summary>Stops and deletes the cluster if this process dies without doing so.</summary>
    public ClusterWatchdog Watchdog { get; }

    /// <summary>Creates a cluster in a new folder under <paramref name="root"/> and starts its server.</summary>
    /// <exception cref="PostgresClusterException">initdb or pg_ctl failed; the message quotes their output and the server log.</exception>
    public static async Task<ThrowawayCluster> StartAsync(PostgresTools tools, string root, CancellationToken cancellationToken)
    {
        ClusterFolder folder = await ClusterFolder.CreateAsync(root, tools.RunAsPostgresUser, cancellationToken).ConfigureAwait(false);
        ClusterWatchdog watchdog;
        try
        {
            watchdog = ClusterWatchdog.Start(folder, tools);
        }
        catch
        {
            folder.Delete();
            throw;
        }

        var cluster = new ThrowawayCluster(folder, tools, watchdog);
        try
        {
            await tools.RunCheckedAsync("initdb", InitDbArguments(folder), folder.Path, serverLog: null, cancellationToken)
                .ConfigureAwait(false);
            await tools.RunCheckedAsync("pg_ctl", StartArguments(folder), folder.Path, folder.LogFile, cancellationToken)
                .ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            // Leave nothing behind: no half-made folder, no server whose start was cancelled after it came up.
            try
            {
                await cluster.StopAndDeleteAsync().ConfigureAwait(false);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException or PostgresClusterException)
            {
                // The original failure matters more; the next start's sweep removes what is left.
            }

            throw;
        }
    }

    /// <summary>Stops the server (if it runs) and deletes the folder. Safe to call twice.</summary>
    public async Task StopAndDeleteAsync()
    {
        try
        {
            await StopServerAsync(Tools, Folder).ConfigureAwait(false);
            Folder.Delete();
        }
        finally
        {
            // After a clean stop the watchdog finds nothing to do; after a failed one it tries again by itself.
            Watchdog.Dispose();
        }
    }

    /// <summary>
    /// Stops the server running in <paramref name="folder"/>, if any, and waits until its postmaster is gone. Not
    /// cancellable: a half-stopped server is worse than a short wait.
    /// </summary>
    /// <exception cref="PostgresClusterException">The postmaster survived pg_ctl and SIGKILL.</exception>
    public static async Task StopServerAsync(PostgresTools tools, ClusterFolder folder)
    {
        if (folder.FindRunningPostmaster() is not int pid)
        {
            return;
        }

        // Immediate: the data is thrown away, so nothing needs flushing, and it takes ~0.1 s. The exit code is
        // not checked: whether the postmaster is gone is what counts, and that is checked next.
        await tools.RunAsync("pg_ctl", StopArguments(folder), folder.Path, CancellationToken.None).ConfigureAwait(false);
        if (await WaitForExitAsync(pid).ConfigureAwait(false))
        {
            return;
        }

        // The server's children notice the postmaster's death and exit by themselves.
        try
        {
            using Process postmaster = Process.GetProcessById(pid);
            postmaster.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // It exited just now.
        }

        if (!await WaitForExitAsync(pid).ConfigureAwait(false))
        {
            throw new PostgresClusterException(
                $"The PostgreSQL server {pid} in {folder.Path} survived 'pg_ctl stop -m immediate' and SIGKILL.");
        }
    }

    /// <summary>pg_ctl's arguments for stopping the server in <paramref name="folder"/> at once.</summary>
    public static string[] StopArguments(ClusterFolder folder) =>
        ["stop", "-D", folder.DataDirectory, "-m", "immediate", "-w", "-t", "10"];

    private static string[] InitDbArguments(ClusterFolder folder) =>
    [
        "-D", folder.DataDirectory,
        "-U", Superuser,
        "-A", "trust",
        "-E", "UTF8",
        // Only the C locales exist on these machines; C also sorts the same everywhere.
        "--locale=C",
        "--no-sync",
        "--no-instructions",
    ];

    private static string[] StartArguments(ClusterFolder folder)
    {
        // pg_ctl hands -o to a shell, so the folder is single-quoted; our folder names never hold a quote, but a TempRoot could.
        if (folder.Path.Contains('\'', StringComparison.Ordinal))
        {
            throw new PostgresClusterException($"The cluster folder {folder.Path} contains a single quote; use another TempRoot.");
        }

        string serverOptions =
            $"-k '{folder.Path}' -p {ClusterFolder.Port} -c listen_addresses='' "
            // Durability is pointless for data deleted at the end of the run, and costs time.
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        return
        [
            "start",
            "-D", folder.DataDirectory,
            // Without a log file the server inherits pg_ctl's stdout and stderr, and reading them never ends.
            "-l", folder.LogFile,
            "-w", "-t", "60",
            "-o", serverOptions,
        ];
    }

    // A zombie counts as gone: PID 1 here may never reap the postmaster once pg_ctl has detached it.
    private static async Task<bool> WaitForExitAsync(int pid)
    {
        var waited = Stopwatch.StartNew();
        while (ProcessProbe.IsAlive(pid))
        {
            if (waited.Elapsed > ExitWait)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }
}
