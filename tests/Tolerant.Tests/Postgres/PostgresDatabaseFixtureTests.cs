using System.IO;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>The class fixture every real-database test class uses: its own database on the run's one server.</summary>
public sealed class PostgresDatabaseFixtureTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresDatabaseFixture _fixture;

    public PostgresDatabaseFixtureTests(PostgresDatabaseFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_class_gets_a_database_of_its_own_that_takes_tables_and_rows()
    {
        string? name = new NpgsqlConnectionStringBuilder(_fixture.ConnectionString).Database;
        Assert.StartsWith("tolerant_test_", name);

        await using NpgsqlCommand current = _fixture.DataSource.CreateCommand("select current_database()");
        Assert.Equal(name, await current.ExecuteScalarAsync());

        await using NpgsqlCommand write = _fixture.DataSource.CreateCommand(
            "create table fixture_probe (id int primary key); insert into fixture_probe values (1), (2)");
        await write.ExecuteNonQueryAsync();
        await using NpgsqlCommand count = _fixture.DataSource.CreateCommand("select count(*) from fixture_probe");
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Each_fixture_gets_a_distinct_database_on_the_same_server_and_drops_it_on_dispose()
    {
        var first = new PostgresDatabaseFixture();
        var second = new PostgresDatabaseFixture();
        await first.InitializeAsync();
        try
        {
            await second.InitializeAsync();
            Assert.Same(first.Server, second.Server);
            Assert.Same(_fixture.Server, first.Server);
            Assert.NotEqual(first.ConnectionString, second.ConnectionString);
            Assert.NotEqual(_fixture.ConnectionString, first.ConnectionString);
            Assert.True(await DatabaseCatalog.ExistsAsync(first.Server.ConnectionString, first.ConnectionString));
            Assert.True(await DatabaseCatalog.ExistsAsync(first.Server.ConnectionString, second.ConnectionString));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }

        Assert.False(await DatabaseCatalog.ExistsAsync(_fixture.Server.ConnectionString, first.ConnectionString));
        Assert.False(await DatabaseCatalog.ExistsAsync(_fixture.Server.ConnectionString, second.ConnectionString));
    }

    [Fact]
    public async Task The_shared_server_starts_once_and_ignores_DisposeAsync()
    {
        PostgresServer server = await SharedPostgresServer.GetAsync();
        Assert.Same(server, await SharedPostgresServer.GetAsync());
        Assert.Same(server, _fixture.Server);

        // Every test class uses it: one class's 'await using' must not stop it under the others.
        await server.DisposeAsync();

        await using NpgsqlCommand select = _fixture.DataSource.CreateCommand("select 1");
        Assert.Equal(1, await select.ExecuteScalarAsync());
        if (server.IsThrowaway)
        {
            Assert.True(Directory.Exists(server.ClusterDirectory));
        }
    }
}
