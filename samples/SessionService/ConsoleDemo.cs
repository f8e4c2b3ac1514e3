using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tolerant;
using Tolerant.TestSupport;

namespace SessionService;

/// <summary>
/// The story of the originating incident, told against a real PostgreSQL: the service runs at migration 003, where the
/// old code crashed with 42703; migration 015 is applied while it runs; then a contract migration drops a column.
/// </summary>
public static class ConsoleDemo
{
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine("Starting PostgreSQL (a throwaway cluster, or TOLERANT_PG)...");
        await using var server = await PostgresServer.StartAsync(cancellationToken: cancellationToken);
        var connectionString = await server.CreateDatabaseAsync("tolerant_demo", cancellationToken);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            using var loggers = LoggerFactory.Create(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(LogLevel.Information));
            var catalog = new SchemaCatalog(dataSource, new SchemaCatalogOptions { LoggerFactory = loggers });
            var sessions = catalog.Table<UserSession>();
            var demo = new Story(output, dataSource, catalog, sessions);
            await demo.TellAsync(cancellationToken);
            return 0;
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString, CancellationToken.None);
        }
    }

    private sealed class Story(TextWriter output, NpgsqlDataSource dataSource, SchemaCatalog catalog, Table<UserSession> sessions)
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
        private readonly Guid _alice = Guid.NewGuid();

        public async Task TellAsync(CancellationToken cancellationToken)
        {
            Heading("Migration 003 only: the database lacks is_active, updated_at and logout_at");
            await MigrateAsync("003_user_sessions.sql", cancellationToken);
            var caps = await sessions.GetCapabilitiesAsync(cancellationToken);
            Say($"capabilities: {caps}");
            await ServeAsync(cancellationToken);

            Heading("Migration 015 runs while the service is up");
            await MigrateAsync("015_session_state.sql", cancellationToken);
            catalog.Invalidate();
            Say($"capabilities: {await sessions.GetCapabilitiesAsync(cancellationToken)}");
            await ServeAsync(cancellationToken);

            Heading("A contract migration drops logout_at; nobody tells the catalog");
            await ExecuteAsync("ALTER TABLE shared.user_sessions DROP COLUMN logout_at;", cancellationToken);
            await ServeAsync(cancellationToken);
            Say($"capabilities: {await sessions.GetCapabilitiesAsync(cancellationToken)}");
            Say($"catalog queries in the whole demo: {catalog.ProbeCount}");
        }

        private async Task ServeAsync(CancellationToken cancellationToken)
        {
            var login = new UserSession
            {
                Id = Guid.NewGuid(),
                UserId = _alice,
                IpAddress = "203.0.113.7",
                CreatedAt = Now,
                ExpiresAt = Now.AddHours(8),
            };
            var inserted = await sessions.InsertAsync(login, cancellationToken);
            Say($"login           -> {inserted}");

            var active = await sessions.Select()
                .Where(UserSession.Columns.UserId.Eq(_alice) & UserSession.Columns.IsActive.Eq(true))
                .OrderBy(UserSession.Columns.CreatedAt, descending: true)
                .ToListAsync(cancellationToken);
            Say($"active sessions -> {active.Count}: {string.Join(", ", active.Select(s => s.Id.ToString()[..8]))}");

            var logout = await sessions.Update()
                .Set(UserSession.Columns.IsActive, false)
                .Set(UserSession.Columns.LogoutAt, Now)
                .Set(UserSession.Columns.ExpiresAt, Now)
                .Where(UserSession.Columns.Id.Eq(login.Id))
                .ExecuteAsync(cancellationToken);
            Say($"logout          -> {logout}");

            var cleanup = await sessions.Delete()
                .Where(UserSession.Columns.IsActive.Eq(false) | UserSession.Columns.ExpiresAt.Lt(Now.AddHours(-1)))
                .ExecuteAsync(cancellationToken);
            Say($"cleanup job     -> {cleanup}");
            Say($"sessions left   -> {await sessions.Select().CountAsync(cancellationToken)}");
        }

        private async Task MigrateAsync(string file, CancellationToken cancellationToken)
        {
            Say($"applying {file}");
            await ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Migrations", file), cancellationToken), cancellationToken);
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private void Heading(string text)
        {
            output.WriteLine();
            output.WriteLine("== " + text);
        }

        private void Say(string text) => output.WriteLine("   " + text);
    }
}
