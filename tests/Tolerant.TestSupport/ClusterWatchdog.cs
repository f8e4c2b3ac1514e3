using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;

namespace Tolerant.TestSupport;

/// <summary>
/// A small detached shell that stops a cluster's server and deletes its folder as soon as the owning process is
/// gone, however it went. <c>dotnet test</c> kills the test host 100 ms after the last test
/// (<c>VSTEST_TESTHOST_SHUTDOWN_TIMEOUT</c>), usually in the middle of its ProcessExit cleanup, and a killed run
/// runs no cleanup at all; without this the server would run on until the next start's sweep.
/// </summary>
/// <remarks>
/// The shell reads a pipe whose only writer is the owner. The kernel closes that pipe when the owner exits, is
/// killed or crashes, so the shell wakes without polling and without trusting pids. Disposing the owner's end on an
/// orderly shutdown wakes it too; it then finds nothing left to do.
/// </remarks>
internal sealed class ClusterWatchdog : IDisposable
{
    // $1 is the folder, the rest the command that stops its server. The case guard keeps a bad argument from ever
    // reaching rm -rf. The loop is for an owner killed while initdb or pg_ctl ran: those go on writing into the
    // folder for a moment, so the first rm -rf can find it not empty, or a server can come up just after the check.
    private const string Script =
        """
        folder=$1; shift
        case "$folder" in */tolerant-pg-*) ;; *) exit 2 ;; esac
        exec >/dev/null 2>&1
        cat
        for attempt in 1 2 3 4 5; do
          if [ -f "$folder/data/postmaster.pid" ]; then "$@"; fi
          rm -rf "$folder"
          [ -e "$folder" ] || exit 0
          sleep 1
        done
        """;

    private readonly Process _launcher;
    private int _released;

    private ClusterWatchdog(Process launcher)
    {
        _launcher = launcher;
    }

    /// <summary>Starts the watchdog for <paramref name="folder"/>; it outlives this process by design.</summary>
    /// <exception cref="PostgresClusterException">setsid or sh could not be run.</exception>
    public static ClusterWatchdog Start(ClusterFolder folder, PostgresTools tools)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = "/",
            UseShellExecute = false,
            // The pipe on stdin is the lifeline. stdout and stderr are taken too, so the shell never holds the test
            // host's own, which the test runner waits on.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] stopServer = tools.CommandLine("pg_ctl", ThrowawayCluster.StopArguments(folder));
        // --fork: setsid returns at once and the shell is re-parented away from this process's tree, so killing
        // the test host's process tree does not kill the watchdog with it.
        foreach (string argument in (string[])["--fork", "sh", "-c", Script, "tolerant-pg-watchdog", folder.Path, .. stopServer])
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["LC_ALL"] = "C";

        try
        {
            Process launcher = Process.Start(startInfo)
                ?? throw new PostgresClusterException("The cluster's watchdog (setsid sh) did not start.");
            launcher.StandardOutput.Dispose();
            launcher.StandardError.Dispose();
            return new ClusterWatchdog(launcher);
        }
        catch (Win32Exception e)
        {
            throw new PostgresClusterException($"The cluster's watchdog could not be started (setsid, sh): {e.Message}", e);
        }
    }

    /// <summary>
    /// Lets go of the lifeline, which wakes the watchdog: call it once the cluster is stopped and deleted (the
    /// watchdog then has nothing to do), or, in tests, to act out the owner's death.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _launcher.StandardInput.Dispose();
        _launcher.Dispose();
    }
}
