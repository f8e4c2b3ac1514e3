using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace Tolerant.Tests.Packaging;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process, the way a user at a terminal would, with a timeout and with
/// stdout and stderr kept apart for the assertions.
/// </summary>
internal static class DotnetCli
{
    /// <summary>
    /// How long one command may take before it is killed; a restore and build take seconds. It stays under
    /// build.sh's <c>--blame-hang-timeout 5m</c>, so a hung command fails here, with its output, rather than
    /// being lost in a dump of the whole test host.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        IsolateEnvironment(startInfo.Environment);

        var commandLine = "dotnet " + string.Join(" ", arguments);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new XunitException($"`{commandLine}` could not be started ({e.Message}): is the .NET SDK on PATH?");
        }

        // Nothing here reads input; a closed stdin makes anything that tries fail instead of waiting forever.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                // Also waits for both pipes to close, so the output is complete when this returns.
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                Kill(process);
            }
        }

        return new CommandResult(
            commandLine,
            workingDirectory,
            timedOut ? null : process.ExitCode,
            Snapshot(stdout),
            Snapshot(stderr),
            stopwatch.Elapsed);
    }

    /// <summary>The host that runs this test when it is the dotnet muxer, else the first <c>dotnet</c> on PATH.</summary>
    private static string DotnetExecutable()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>
    /// <c>dotnet test</c> leaves MSBuild's own variables (MSBuildSDKsPath, MSBUILD_EXE_PATH, ...) in the test
    /// host's environment; a child build that inherited them could load another SDK's targets than the one its
    /// global.json picks. Build servers and reused nodes would outlive the command and keep its pipes open.
    /// </summary>
    private static void IsolateEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            environment.Remove(name);
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["MSBUILDTERMINALLOGGER"] = "off";
        environment["UseSharedCompilation"] = "false";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Kill(Process process)
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
