using System;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>
/// What TOLERANT_PG does, tested through <see cref="PostgresServerOptions.ExistingServerConnectionString"/> so the
/// process's environment (read by tests running in parallel) is left alone.
/// </summary>
public sealed class ExistingServerTests
{
    [Fact]
    public async Task An_existing_server_is_used_as_is_and_disposing_drops_only_the_databases_it_created()
    {
        PostgresServer shared = await SharedPostgresServer.GetAsync();
        string leftover;
        await using (PostgresServer existing = await PostgresServer.StartAsync(
            new PostgresServerOptions { ExistingServerConnectionString = shared.ConnectionString }))
        {
            Assert.False(existing.IsThrowaway);
            Assert.Null(existing.ClusterDirectory);
            Assert.Null(existing.LogFile);
            Assert.Equal(shared.ConnectionString, existing.ConnectionString);

            leftover = await existing.CreateDatabaseAsync("existing_server_test");
            Assert.True(await DatabaseCatalog.ExistsAsync(shared.ConnectionString, leftover));
            // Never drops a database it did not make, such as the server's own.
            await Assert.ThrowsAsync<ArgumentException>(() => existing.DropDatabaseAsync(existing.ConnectionString));
        }

        Assert.False(await DatabaseCatalog.ExistsAsync(shared.ConnectionString, leftover));
        // ...and stops nothing.
        await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(shared.ConnectionString);
        await using NpgsqlCommand select = dataSource.CreateCommand("select 1");
        Assert.Equal(1, await select.ExecuteScalarAsync());
    }
}
