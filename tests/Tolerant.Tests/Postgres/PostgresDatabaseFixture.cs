using System;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>
/// Gives a test class its own database on the test run's one server (<see cref="SharedPostgresServer"/>) and drops
/// it when the class is done. Use it as <c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>; derive from it and
/// override <see cref="OnDatabaseCreatedAsync"/> to create tables once per class.
/// </summary>
/// <remarks>
/// When no server can be had, <see cref="InitializeAsync"/> throws <see cref="PostgresUnavailableException"/>, and
/// xunit fails every test of the class with its message: a missing PostgreSQL never passes for a green run.
/// </remarks>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;

    /// <summary>The server the database lives on, shared by the whole test run.</summary>
    public PostgresServer Server => _server ?? throw NotInitialized();

    /// <summary>The connection string for this class's database.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialized();

    /// <summary>A data source for this class's database, disposed before the database is dropped.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialized();

    /// <summary>The start of the database's name; a random suffix makes it unique.</summary>
    protected virtual string DatabaseNamePrefix => "tolerant_test";

    /// <summary>Starts the shared server if this is the first fixture, then creates the database.</summary>
    public async Task InitializeAsync()
    {
        _server = await SharedPostgresServer.GetAsync();
        _connectionString = await _server.CreateDatabaseAsync(DatabaseNamePrefix);
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        await OnDatabaseCreatedAsync(_dataSource);
    }

    /// <summary>Disposes the data source and drops the database.</summary>
    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_server is not null && _connectionString is not null)
        {
            await _server.DropDatabaseAsync(_connectionString);
        }
    }

    /// <summary>Runs once the database exists, before the class's first test: the place to create its tables.</summary>
    protected virtual Task OnDatabaseCreatedAsync(NpgsqlDataSource dataSource) => Task.CompletedTask;

    private static InvalidOperationException NotInitialized() =>
        new("The fixture is used before xunit called InitializeAsync; take it as a class fixture.");
}
