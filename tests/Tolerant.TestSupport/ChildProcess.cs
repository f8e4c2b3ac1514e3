using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tolerant.TestSupport;

/// <summary>Runs a short-lived command to completion and keeps its output for error messages.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/> and returns its exit code and its
    /// stdout and stderr, interleaved. Cancelling kills the command and everything it started that is still
    /// attached to it.
    /// </summary>
    /// <exception cref="Win32Exception">The command could not be started (for example, it does not exist).</exception>
    public static async Task<ChildProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(fileName)
        {
            // initdb, running as 'postgres', cannot enter the caller's folder (often /root) and complains.
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Only the C, C.utf8 and POSIX locales exist on these machines; initdb fails on any other it inherits.
        startInfo.Environment["LC_ALL"] = "C";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);

        process.Start();
        // Nothing we run reads input; closing stdin makes anything that tries fail instead of waiting forever.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            // Also waits for both pipes to close, so the output is complete when this returns.
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            throw;
        }

        lock (output)
        {
            return new ChildProcessResult(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It exited on its own meanwhile.
        }
    }
}

/// <summary>How a command ended.</summary>
/// <param name="ExitCode">The exit code; 0 is success.</param>
/// <param name="Output">Its stdout and stderr, line by line as they came.</param>
internal readonly record struct ChildProcessResult(int ExitCode, string Output);
