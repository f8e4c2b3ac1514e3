using System;
using System.Globalization;
using System.IO;

namespace Tolerant.TestSupport;

/// <summary>
/// The process that created a cluster folder, written into it first thing. A folder whose owner has died is
/// stale even while its server still runs: that server is an orphan nobody will stop.
/// </summary>
/// <param name="Pid">The owner's pid.</param>
/// <param name="StartTime">The owner's start time (clock ticks since boot), so a reused pid is not taken for the owner.</param>
internal readonly record struct ClusterOwner(int Pid, long StartTime)
{
    /// <summary>This process.</summary>
    public static ClusterOwner Current { get; } = new(
        Environment.ProcessId,
        ProcessProbe.TryReadStat(Environment.ProcessId)?.StartTime ?? 0);

    /// <summary>Whether the owner is still running: the pid is alive and was started at the recorded time.</summary>
    public bool IsAlive => ProcessProbe.TryReadStat(Pid) is { State: not 'Z' and not 'X' } stat && stat.StartTime == StartTime;

    /// <summary>Writes the record as two lines, pid then start time.</summary>
    public void WriteTo(string path) =>
        File.WriteAllText(
            path,
            Pid.ToString(CultureInfo.InvariantCulture) + "\n" + StartTime.ToString(CultureInfo.InvariantCulture) + "\n");

    /// <summary>The record in <paramref name="path"/>, or <see langword="null"/> when there is none or it is garbled.</summary>
    /// <exception cref="UnauthorizedAccessException">The file belongs to another user's cluster.</exception>
    public static ClusterOwner? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string[] lines = File.ReadAllLines(path);
        return lines.Length >= 2
            && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out long startTime)
            ? new ClusterOwner(pid, startTime)
            : null;
    }
}
