using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Tolerant.TestSupport;

/// <summary>
/// Runs the server tools from one bin folder as the right user: <c>initdb</c> and <c>pg_ctl</c> refuse to run
/// as root, so a root process runs them as <c>postgres</c> through <c>runuser</c>; anyone else runs them directly.
/// </summary>
internal sealed class PostgresTools
{
    /// <summary>The account the server runs as when we are root; the Debian package creates it.</summary>
    public const string PostgresUser = "postgres";

    /// <summary>Creates a runner for the tools in <paramref name="binDirectory"/>.</summary>
    public PostgresTools(string binDirectory, bool runAsPostgresUser)
    {
        BinDirectory = binDirectory;
        RunAsPostgresUser = runAsPostgresUser;
    }

    /// <summary>The runner this process needs: as <c>postgres</c> when it is root.</summary>
    public static PostgresTools ForCurrentUser(string binDirectory) => new(binDirectory, Environment.IsPrivilegedProcess);

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>.</summary>
    public string BinDirectory { get; }

    /// <summary>Whether the tools run as <see cref="PostgresUser"/> (we are root) rather than as ourselves.</summary>
    public bool RunAsPostgresUser { get; }

    /// <summary>
    /// The command line that runs <paramref name="tool"/> with <paramref name="arguments"/> as the right user: the
    /// program first, then its arguments.
    /// </summary>
    public string[] CommandLine(string tool, IReadOnlyList<string> arguments) =>
        RunAsPostgresUser
            ? ["runuser", "-u", PostgresUser, "--", Path.Combine(BinDirectory, tool), .. arguments]
            : [Path.Combine(BinDirectory, tool), .. arguments];

    /// <summary>Runs <paramref name="tool"/> and returns how it ended, whatever the exit code.</summary>
    public async Task<ChildProcessResult> RunAsync(
        string tool, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        string[] commandLine = CommandLine(tool, arguments);
        try
        {
            return await ChildProcess.RunAsync(commandLine[0], commandLine[1..], workingDirectory, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Win32Exception e) when (RunAsPostgresUser)
        {
            throw new PostgresUnavailableException(
                $"this process is root, and starting {tool} as '{PostgresUser}' needs runuser (util-linux), which could not be run ({e.Message})",
                e);
        }
        catch (Win32Exception e)
        {
            throw new PostgresClusterException($"{commandLine[0]} could not be started: {e.Message}", e);
        }
    }

    /// <summary>
    /// Runs <paramref name="tool"/> and throws when it fails, quoting its output and, when
    /// <paramref name="serverLog"/> is given, the tail of the server's log.
    /// </summary>
    /// <exception cref="PostgresClusterException">The tool exited with a non-zero code.</exception>
    public async Task RunCheckedAsync(
        string tool,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        string? serverLog,
        CancellationToken cancellationToken)
    {
        ChildProcessResult result = await RunAsync(tool, arguments, workingDirectory, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return;
        }

        string nl = Environment.NewLine;
        string message =
            $"'{tool} {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}"
            + (RunAsPostgresUser ? $" (run as '{PostgresUser}')" : "")
            + $" in {workingDirectory}."
            + $"{nl}--- {tool} output (last {OutputTail.LineCount} lines) ---{nl}{OutputTail.Of(result.Output)}"
            + (serverLog is null
                ? ""
                : $"{nl}--- {Path.GetFileName(serverLog)} (last {OutputTail.LineCount} lines) ---{nl}{OutputTail.OfFile(serverLog)}");
        throw new PostgresClusterException(message);
    }
}
