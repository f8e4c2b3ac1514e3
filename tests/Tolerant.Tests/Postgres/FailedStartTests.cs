using System;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>
/// When initdb or pg_ctl fails, the exception quotes what they (and the server log) said, and no folder is left.
/// Fake tools stand in for the real ones, so the failures are certain and take milliseconds.
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix file modes; the throwaway cluster is Linux-only anyway.
public sealed class FailedStartTests
{
    [Fact]
    public async Task A_failed_initdb_is_reported_with_its_output_and_leaves_no_folder()
    {
        using var bin = new ScratchFolder();
        bin.WriteScript("initdb", "echo 'initdb: error: fake initdb failure' >&2\nexit 3");
        bin.WriteScript("pg_ctl", "exit 0");
        using var root = new ScratchFolder();

        PostgresClusterException error = await Assert.ThrowsAsync<PostgresClusterException>(() =>
            PostgresServer.StartAsync(Options(bin, root)));

        Assert.Contains("failed with exit code 3", error.Message);
        Assert.Contains("initdb: error: fake initdb failure", error.Message);
        Assert.Empty(root.ClusterFolders());
    }

    [Fact]
    public async Task A_failed_server_start_is_reported_with_the_tail_of_server_log_and_leaves_no_folder()
    {
        using var bin = new ScratchFolder();
        bin.WriteScript("initdb", "exit 0");
        bin.WriteScript(
            "pg_ctl",
            """
            while [ $# -gt 0 ]; do
              if [ "$1" = "-l" ]; then echo 'FATAL:  fake server failure' >> "$2"; fi
              shift
            done
            echo 'pg_ctl: could not start server' >&2
            exit 1
            """);
        using var root = new ScratchFolder();

        PostgresClusterException error = await Assert.ThrowsAsync<PostgresClusterException>(() =>
            PostgresServer.StartAsync(Options(bin, root)));

        Assert.Contains("pg_ctl: could not start server", error.Message);
        Assert.Contains("--- server.log (last 20 lines) ---", error.Message);
        Assert.Contains("FATAL:  fake server failure", error.Message);
        Assert.Empty(root.ClusterFolders());
    }

    [Fact]
    public async Task Cancelling_a_start_kills_the_tool_and_leaves_no_folder()
    {
        using var bin = new ScratchFolder();
        bin.WriteScript("initdb", "sleep 30");
        bin.WriteScript("pg_ctl", "exit 0");
        using var root = new ScratchFolder();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PostgresServer.StartAsync(Options(bin, root), cancellation.Token));

        Assert.Empty(root.ClusterFolders());
    }

    private static PostgresServerOptions Options(ScratchFolder bin, ScratchFolder root) =>
        new() { BinDirectory = bin.Path, TempRoot = root.Path, IgnoreEnvironmentServer = true };
}
