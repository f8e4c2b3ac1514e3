using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>A cluster of its own, not the shared one: start it, use it, dispose it, and find nothing left.</summary>
public sealed class OwnClusterTests
{
    // Even with TOLERANT_PG set: this tests the throwaway cluster itself.
    private static readonly PostgresServerOptions Throwaway = new() { IgnoreEnvironmentServer = true };

    [Fact]
    public async Task Own_cluster_answers_select_1_and_leaves_no_process_and_no_folder_behind()
    {
        PostgresServer server = await PostgresServer.StartAsync(Throwaway);
        string folder;
        IReadOnlyList<int> processes;
        try
        {
            Assert.True(server.IsThrowaway);
            folder = server.ClusterDirectory!;
            Assert.StartsWith("/tmp/tolerant-pg-", folder);
            Assert.Equal(folder, new NpgsqlConnectionStringBuilder(server.ConnectionString).Host);
            processes = ClusterProcesses.Of(folder);
            Assert.All(processes, pid => Assert.True(ProcessProbe.IsAlive(pid), $"server process {pid} is not running"));

            await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(server.ConnectionString);
            await using NpgsqlCommand select = dataSource.CreateCommand("select 1");
            Assert.Equal(1, await select.ExecuteScalarAsync());
            // Socket only: a TCP port could collide with a parallel run.
            await using NpgsqlCommand listen = dataSource.CreateCommand("show listen_addresses");
            Assert.Equal("", await listen.ExecuteScalarAsync());
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.All(processes, pid => Assert.False(ProcessProbe.IsAlive(pid), $"server process {pid} outlived DisposeAsync"));
        Assert.False(Directory.Exists(folder), $"{folder} outlived DisposeAsync");
    }
}
