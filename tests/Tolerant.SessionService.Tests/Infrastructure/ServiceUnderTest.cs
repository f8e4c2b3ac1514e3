using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tolerant.TestSupport;

namespace SessionService.Tests;

/// <summary>
/// The session service on its own database of the test run's one PostgreSQL server: the database is created empty,
/// the service starts (and migrates it, as configured) on the first client, and both go away on dispose. Besides the
/// service it holds a "deploy side": a data source and a migration runner that change the schema from outside, as a
/// deploy pipeline would.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    /// <summary>Where the clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly PostgresServer _server;
    private HttpClient? _client;
    private bool _stopped;

    private ServiceUnderTest(PostgresServer server, string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        _server = server;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Migrations = new MigrationRunner(DataSource, NullLogger.Instance);
        Factory = new SessionServiceFactory(settings, Clock, Logs);
    }

    /// <summary>The service's clock; it moves only when a test moves it.</summary>
    public ManualClock Clock { get; } = new(Start);

    /// <summary>Everything the service logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The deploy side's data source: for migrations and for looking at rows directly.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The deploy side's migration runner.</summary>
    public MigrationRunner Migrations { get; }

    /// <summary>The service.</summary>
    public SessionServiceFactory Factory { get; }

    /// <summary>An HTTP client of the service; the first use starts it.</summary>
    public HttpClient Client => _client ??= Factory.CreateClient();

    /// <summary>The service's API, typed.</summary>
    public SessionApi Api => new(Client);

    /// <summary>The service's cleanup job (the same instance the host runs).</summary>
    public SessionCleanupJob Job => Factory.Services.GetRequiredService<SessionCleanupJob>();

    /// <summary>The service's session service.</summary>
    public UserSessionService Service => Factory.Services.GetRequiredService<UserSessionService>();

    /// <summary>
    /// Creates a database and a service for it. <paramref name="migrateTo"/> is the service's <c>MIGRATE_TO</c> (null:
    /// every migration); <paramref name="settings"/> adds to or overrides the test defaults.
    /// </summary>
    public static async Task<ServiceUnderTest> CreateAsync(string? migrateTo, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await SharedPostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("session_service_test");
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"ConnectionStrings:{SessionServiceApp.ConnectionStringName}"] = connectionString,
            [MigrationStartup.SkipMigrationsKey] = "false",
            [MigrationStartup.MigrateToKey] = migrateTo ?? string.Empty,
            // The timer never fires during a test unless the test asks for it: runs go through RunOnceAsync or the API.
            ["Sessions:CleanupPeriod"] = "1.00:00:00",
            // Only Invalidate() and schema errors make the catalog look again, so that what a test sees is what it did.
            ["Sessions:SchemaTimeToLive"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ServiceUnderTest(server, connectionString, all);
    }

    /// <summary>Creates a database and a service for it and starts the service.</summary>
    public static async Task<ServiceUnderTest> StartAsync(string? migrateTo, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var service = await CreateAsync(migrateTo, settings);
        _ = service.Client;
        return service;
    }

    /// <summary>Applies the migrations of the service up to <paramref name="target"/> from outside the service (the service is not told).</summary>
    public Task<IReadOnlyList<Migration>> MigrateAsync(string? target = null) => Migrations.MigrateAsync(target, default);

    /// <summary>Applies the contract migration that drops <c>logout_at</c>, from outside the service (the service is not told).</summary>
    public Task<bool> DropLogoutAtAsync() =>
        Migrations.ApplyAsync(Migration.Load(Path.Combine(MigrationRunner.DefaultDirectory, "contract", "020_drop_logout_at.sql")), default);

    /// <summary>Empties the tables, resets the clock and forgets the log: a clean start for the next test of a class.</summary>
    public async Task ResetAsync()
    {
        await using (var command = DataSource.CreateCommand(
            "TRUNCATE shared.user_sessions; DO $$ BEGIN IF to_regclass('shared.session_events') IS NOT NULL THEN TRUNCATE shared.session_events; END IF; END $$;"))
        {
            await command.ExecuteNonQueryAsync();
        }

        Clock.Set(Start);
        Logs.Clear();
    }

    /// <summary>Runs <paramref name="sql"/> and returns its one value.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The names of the columns <paramref name="table"/> has now.</summary>
    public async Task<IReadOnlyList<string>> ColumnsOfAsync(string table)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    /// <summary>Stops the service (its hosted services stop with it).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _client?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await DataSource.DisposeAsync();
        await _server.DropDatabaseAsync(ConnectionString);
    }
}
