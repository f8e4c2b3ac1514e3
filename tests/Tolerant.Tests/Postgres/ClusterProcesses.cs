using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Tolerant.TestSupport;
using Xunit.Sdk;

namespace Tolerant.Tests.Postgres;

/// <summary>Finds the processes of a throwaway cluster, so a test can check they are gone afterwards.</summary>
internal static class ClusterProcesses
{
    /// <summary>
    /// The postmaster of the server running in <paramref name="clusterDirectory"/> and its children, as they are now.
    /// Taken before the stop: afterwards the children would have been re-parented and could not be found.
    /// </summary>
    public static IReadOnlyList<int> Of(string clusterDirectory)
    {
        int postmaster = new ClusterFolder(clusterDirectory).ReadPostmasterPid()
            ?? throw new XunitException($"No server runs in {clusterDirectory}: there is no postmaster.pid.");
        IEnumerable<int> children = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessProbe.TryReadStat(pid)?.ParentPid == postmaster);
        return [postmaster, .. children];
    }

    /// <summary>The pid of a process that has exited (and been reaped), as a killed test run's pid would be.</summary>
    public static int DeadPid()
    {
        using Process process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }
}
