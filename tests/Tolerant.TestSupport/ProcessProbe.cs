using System;
using System.Globalization;
using System.IO;

namespace Tolerant.TestSupport;

/// <summary>
/// Reads <c>/proc</c> to tell whether a process is alive and what it is. The <see cref="System.Diagnostics.Process"/>
/// API is not enough here: a stopped postmaster is re-parented to a PID 1 that may never reap it, and such a
/// zombie still "exists" for <c>Process.GetProcessById</c> although it serves nothing.
/// </summary>
internal static class ProcessProbe
{
    /// <summary>
    /// Whether <c>/proc</c> can be read. Without it nothing can be told apart, so the stale sweep does nothing
    /// rather than deleting a folder that is still in use.
    /// </summary>
    public static bool IsSupported => File.Exists("/proc/self/stat");

    /// <summary>Whether <paramref name="pid"/> names a process that exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => TryReadStat(pid) is { State: not 'Z' and not 'X' };

    /// <summary>
    /// The state, parent and start time (clock ticks since boot) of <paramref name="pid"/>, or
    /// <see langword="null"/> when there is no such process.
    /// </summary>
    public static ProcessStat? TryReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields start after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        string[] fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int StartTimeIndex = 19; // field 22 of proc(5), counted from field 3 (the state)
        if (fields.Length <= StartTimeIndex
            || fields[0].Length != 1
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int parent)
            || !long.TryParse(fields[StartTimeIndex], NumberStyles.None, CultureInfo.InvariantCulture, out long startTime))
        {
            return null;
        }

        return new ProcessStat(fields[0][0], parent, startTime);
    }

    /// <summary>The command line of <paramref name="pid"/> with arguments joined by spaces; empty when it cannot be read.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ').TrimEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}

/// <summary>What <c>/proc/PID/stat</c> says about a process.</summary>
/// <param name="State">The one-letter state; <c>Z</c> is a zombie.</param>
/// <param name="ParentPid">The parent's pid.</param>
/// <param name="StartTime">Clock ticks from boot to the process's start: with the pid, it names one process even after the pid is reused.</param>
internal readonly record struct ProcessStat(char State, int ParentPid, long StartTime);
