using System;
using System.Globalization;
using Xunit.Sdk;

namespace Tolerant.Tests.Packaging;

/// <summary>How a child command ended, with everything a failure message needs to be read without rerunning it.</summary>
/// <param name="CommandLine">The command as typed at a terminal.</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">Its exit code, or <see langword="null"/> when it was killed after <see cref="DotnetCli.Timeout"/>.</param>
/// <param name="StandardOutput">Its stdout, with <c>\n</c> line ends.</param>
/// <param name="StandardError">Its stderr, with <c>\n</c> line ends.</param>
/// <param name="Elapsed">How long it ran.</param>
internal sealed record CommandResult(
    string CommandLine, string WorkingDirectory, int? ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Both streams, for searching compiler messages (MSBuild writes them to stdout).</summary>
    public string AllOutput => StandardOutput + StandardError;

    /// <summary>Fails the test, quoting the command and its output, unless it exited with 0.</summary>
    public CommandResult EnsureSucceeded(string what)
    {
        if (ExitCode != 0)
        {
            throw new XunitException($"{what} failed.\n{Describe()}");
        }

        return this;
    }

    /// <summary>The command, its exit and both streams, for an assertion message.</summary>
    public string Describe()
    {
        var exit = ExitCode is { } code
            ? "exit code " + code.ToString(CultureInfo.InvariantCulture)
            : $"killed after the {DotnetCli.Timeout.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minute timeout";
        return $"`{CommandLine}` in {WorkingDirectory}: {exit} after {Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s\n" +
               $"--- stdout ---\n{StandardOutput}--- stderr ---\n{StandardError}--- end ---";
    }
}
