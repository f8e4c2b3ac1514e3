using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tolerant;
using Tolerant.TestSupport;

namespace SessionService;

/// <summary>
/// What <c>./build.sh demo</c> shows: the service starts on a database at migration 003 and answers over HTTP; migration
/// 015 runs while it serves; then a contract migration drops <c>logout_at</c> from under it. Every call and answer is
/// printed, with the service's log between them. The demo fails (exit code 1) if a call fails, anything is logged at
/// Error, or a session is lost.
/// </summary>
public static class LiveMigrationDemo
{
    /// <summary>The demo clock's start: every timestamp in the transcript is an offset from it.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the demo, writing the transcript to <paramref name="output"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(TextWriter output, DemoOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var transcript = TextWriter.Synchronized(output);
        transcript.WriteLine("Starting PostgreSQL (a throwaway cluster, or the server in TOLERANT_PG)...");
        PostgresServer? owned = null;
        var server = options.Server ?? (owned = await PostgresServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false));
        try
        {
            var connectionString = await server.CreateDatabaseAsync("session_demo", cancellationToken).ConfigureAwait(false);
            try
            {
                return await new Story(transcript, connectionString, options).TellAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await server.DropDatabaseAsync(connectionString, CancellationToken.None).ConfigureAwait(false);
                transcript.WriteLine("Dropped the demo database.");
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
                transcript.WriteLine("Stopped PostgreSQL.");
            }
        }
    }

    private sealed class Story
    {
        private readonly TextWriter _output;
        private readonly string _connectionString;
        private readonly DemoOptions _options;
        private readonly ManualClock _clock = new(Start);
        private readonly Dictionary<string, Guid> _users = new(StringComparer.Ordinal);
        private int _logins;

        public Story(TextWriter output, string connectionString, DemoOptions options)
        {
            _output = output;
            _connectionString = connectionString;
            _options = options;
        }

        private bool Full => !_options.Short;

        public async Task<int> TellAsync(CancellationToken ct)
        {
            DemoClient? client = null;
            var logs = new TranscriptLogger(_output, text => client?.Readable(text) ?? text);
            using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));

            // The deploy pipeline's own connection, runner and catalog: it migrates from outside the service, and
            // counts the sessions at the end.
            await using var deploy = NpgsqlDataSource.Create(_connectionString);
            var migrations = new MigrationRunner(deploy, loggers.CreateLogger("deploy"));
            var contract = Migration.Load(Path.Combine(MigrationRunner.DefaultDirectory, "contract", "020_drop_logout_at.sql"));

            Heading("1. The service starts with MIGRATE_TO=003: no is_active, updated_at, logout_at or tenant_id, no shared.session_events");
            var app = SessionServiceApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    [$"ConnectionStrings:{SessionServiceApp.ConnectionStringName}"] = _connectionString,
                    [MigrationStartup.SkipMigrationsKey] = "false",
                    [MigrationStartup.MigrateToKey] = "003",
                    [$"{SessionServiceOptions.Section}:{nameof(SessionServiceOptions.SessionLifetime)}"] = "02:00:00",
                });
                builder.Services.AddSingleton<TimeProvider>(_clock);
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(logs);
                builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
                builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
            });
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                var address = app.Urls.First();
                Say($"the service listens on {address} (Kestrel on http://127.0.0.1:0, the bound address read back)");
                using var http = new HttpClient { BaseAddress = new Uri(address) };
                client = new DemoClient(http, _output, _clock);
                var api = new Api(client, _users);
                foreach (var user in new[] { "alice", "bob", "carol", "dave", "erin", "frank", "grace" })
                {
                    _users[user] = Guid.NewGuid();
                    client.Name(_users[user], user);
                }

                await AtMigration003Async(api, deploy, ct).ConfigureAwait(false);
                await DuringMigration015Async(api, migrations, deploy, ct).ConfigureAwait(false);
                await AfterContractMigrationAsync(api, migrations, contract, ct).ConfigureAwait(false);

                await app.StopAsync(ct).ConfigureAwait(false);
            }

            Heading("Summary");
            var stored = await new SchemaCatalog(deploy).Table<UserSession>().Select().CountAsync(ct).ConfigureAwait(false);
            Say($"sessions stored: {stored} of {_logins} logins{(stored == _logins ? " (none lost)" : " -- SESSIONS WERE LOST")}");
            Say($"calls: {client!.Calls}, unexpected answers: {client.Failures}");
            Say($"log: {logs.Errors} errors, {logs.Warnings} warnings");
            var ok = client.Failures == 0 && logs.Errors == 0 && stored == _logins;
            Say(ok ? "demo: ok" : "demo: FAILED");
            return ok ? 0 : 1;
        }

        private async Task AtMigration003Async(Api api, NpgsqlDataSource deploy, CancellationToken ct)
        {
            await LoginAsync(api, "alice", "laptop", "acme", ct).ConfigureAwait(false);
            var alicePhone = await LoginAsync(api, "alice", "phone", "acme", ct).ConfigureAwait(false);
            await LoginAsync(api, "bob", "laptop", "acme", ct).ConfigureAwait(false);
            if (Full)
            {
                await LoginAsync(api, "carol", "laptop", "globex", ct).ConfigureAwait(false);
            }

            Note("003 cannot store the tenant: the insert left tenant_id out and said so, and the answer (read back) has none");
            await api.ListAsync("alice", ct).ConfigureAwait(false);
            if (Full)
            {
                await ShowSqlAsync(deploy, ct).ConfigureAwait(false);
            }

            await api.LogoutAsync(alicePhone, ct).ConfigureAwait(false);
            Note("003 has no is_active or logout_at: the logout ended the session through expires_at alone");
            await api.ListAsync("alice", ct).ConfigureAwait(false);

            Later(TimeSpan.FromMinutes(90));
            await LoginAsync(api, "dave", "desktop", "globex", ct).ConfigureAwait(false);
            Later(TimeSpan.FromMinutes(45));
            Note("the sessions from 08:0x have run out their two hours; dave's has not");
            await api.ExpireAsync(ct).ConfigureAwait(false);
            Note("nothing to mark before 015: the update set only missing columns, so Tolerant did not send it");
            await api.CleanupAsync(ct).ConfigureAwait(false);
            await api.StatsAsync(ct).ConfigureAwait(false);
            Note("tenant unknown before 015: every active session counts under no tenant");
            await api.HistoryAsync("alice", 1, 10, ct).ConfigureAwait(false);
            await api.HealthAsync(ct).ConfigureAwait(false);
        }

        private async Task DuringMigration015Async(Api api, MigrationRunner migrations, NpgsqlDataSource deploy, CancellationToken ct)
        {
            Heading("2. Migration 015 runs while the service is up");
            Say("the deploy pipeline applies 015_session_state.sql from outside the service:");
            await migrations.MigrateAsync(target: null, ct).ConfigureAwait(false);
            await api.HealthAsync(ct).ConfigureAwait(false);
            Note("still Degraded: the service works on what its catalog saw, and nobody has told it yet");
            Note("the pipeline tells it (the catalog's time-to-live, 5 minutes, is the backstop if nobody does):");
            await api.RefreshAsync(ct).ConfigureAwait(false);
            await api.HealthAsync(ct).ConfigureAwait(false);
            await api.ExpireAsync(ct).ConfigureAwait(false);
            Note("the 003 sessions whose time was up read is_active = true (the column's default): now they can be marked");

            var tablet = await LoginAsync(api, "alice", "tablet", "acme", ct).ConfigureAwait(false);
            await LoginAsync(api, "erin", "laptop", "globex", ct).ConfigureAwait(false);
            if (Full)
            {
                await LoginAsync(api, "frank", "laptop", "acme", ct).ConfigureAwait(false);
                await ShowSqlAsync(deploy, ct).ConfigureAwait(false);
            }

            await api.LogoutAsync(tablet, ct).ConfigureAwait(false);
            await api.RevokeAllAsync("dave", ct).ConfigureAwait(false);
            await api.ListAsync("alice", ct).ConfigureAwait(false);
            await api.StatsAsync(ct).ConfigureAwait(false);
            Later(TimeSpan.FromHours(2));
            await api.CleanupAsync(ct).ConfigureAwait(false);
            await api.HistoryAsync("alice", 1, 2, ct).ConfigureAwait(false);
            if (Full)
            {
                await api.HistoryAsync("alice", 2, 2, ct).ConfigureAwait(false);
            }

            Note("the 003 sessions are all there; a logout time is known from 015 on, with the audit trail beside it");
        }

        private async Task AfterContractMigrationAsync(Api api, MigrationRunner migrations, Migration contract, CancellationToken ct)
        {
            Heading("3. A contract migration drops logout_at while the service runs; nobody tells the service");
            Say($"the deploy pipeline applies contract/{contract.FileName}:");
            await migrations.ApplyAsync(contract, ct).ConfigureAwait(false);
            var grace = await LoginAsync(api, "grace", "laptop", "acme", ct).ConfigureAwait(false);
            Note("the insert met the dropped column inside its transaction: it rolled back, the catalog looked again, and it ran once more");
            await LoginAsync(api, "grace", "phone", "acme", ct).ConfigureAwait(false);
            await api.LogoutAsync(grace, ct).ConfigureAwait(false);
            await api.ListAsync("grace", ct).ConfigureAwait(false);
            await api.HistoryAsync("grace", 1, 5, ct).ConfigureAwait(false);
            Note("logout_at is gone, but the logout time is not lost: the audit trail has it");
            await api.StatsAsync(ct).ConfigureAwait(false);
            await api.HealthAsync(ct).ConfigureAwait(false);
        }

        private async Task<Guid> LoginAsync(Api api, string user, string device, string tenant, CancellationToken ct)
        {
            _logins++;
            return await api.LoginAsync(user, device, tenant, ct).ConfigureAwait(false);
        }

        /// <summary>The SQL the active-sessions query sends at the current level, as the deploy side's catalog sees it.</summary>
        private async Task ShowSqlAsync(NpgsqlDataSource deploy, CancellationToken ct)
        {
            var sessions = new SchemaCatalog(deploy).Table<UserSession>();
            var caps = await sessions.GetCapabilitiesAsync(ct).ConfigureAwait(false);
            var sql = sessions.Select()
                .Where(UserSession.Columns.UserId.Eq(Guid.Empty) & UserSessionService.ActiveAt(_clock.GetUtcNow()))
                .OrderBy(UserSession.Columns.CreatedAt, descending: true)
                .OrderBy(UserSession.Columns.Id)
                .ToSql(caps);
            Note("the SQL behind GET /users/{id}/sessions at this level:");
            foreach (var line in sql.Split('\n'))
            {
                _output.WriteLine("      " + line);
            }
        }

        private void Later(TimeSpan by)
        {
            _clock.Advance(by);
            Say($"... {(by.TotalMinutes < 60 ? $"{by.TotalMinutes:0} minutes" : $"{by.TotalHours:0.#} hours")} later, it is {_clock.GetUtcNow():HH:mm}");
        }

        private void Heading(string text)
        {
            _output.WriteLine();
            _output.WriteLine("== " + text);
        }

        private void Say(string text) => _output.WriteLine("  " + text);

        private void Note(string text) => _output.WriteLine("  # " + text);
    }

    /// <summary>The service's endpoints, as the demo calls them.</summary>
    private sealed class Api(DemoClient client, Dictionary<string, Guid> users)
    {
        public async Task<Guid> LoginAsync(string user, string device, string tenant, CancellationToken ct)
        {
            var id = Guid.Empty;
            var request = new LoginRequest(users[user], tenant, $"203.0.113.{10 + users.Keys.ToList().IndexOf(user)}", $"Browser/1.0 ({device})");
            await client.CallAsync(HttpMethod.Post, "/sessions", request, ct, name: answer =>
            {
                if (answer?["session"]?["id"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var created))
                {
                    id = created;
                    client.Name(created, $"{user}/{device}");
                }
            }).ConfigureAwait(false);
            return id;
        }

        public Task LogoutAsync(Guid session, CancellationToken ct) => client.CallAsync(HttpMethod.Post, $"/sessions/{session}/logout", null, ct);

        public Task RevokeAllAsync(string user, CancellationToken ct) => client.CallAsync(HttpMethod.Post, $"/users/{users[user]}/revoke-all", null, ct);

        public Task ListAsync(string user, CancellationToken ct) => client.CallAsync(HttpMethod.Get, $"/users/{users[user]}/sessions", null, ct);

        public Task HistoryAsync(string user, int page, int size, CancellationToken ct) =>
            client.CallAsync(HttpMethod.Get, $"/users/{users[user]}/history?page={page}&size={size}", null, ct);

        public Task StatsAsync(CancellationToken ct) => client.CallAsync(HttpMethod.Get, "/stats", null, ct);

        public Task ExpireAsync(CancellationToken ct) => client.CallAsync(HttpMethod.Post, "/admin/expire-stale", null, ct);

        public Task CleanupAsync(CancellationToken ct) => client.CallAsync(HttpMethod.Post, "/admin/cleanup", null, ct);

        public Task RefreshAsync(CancellationToken ct) => client.CallAsync(HttpMethod.Post, "/admin/schema/refresh", null, ct);

        public Task HealthAsync(CancellationToken ct) => client.CallAsync(HttpMethod.Get, "/health", null, ct);
    }
}
