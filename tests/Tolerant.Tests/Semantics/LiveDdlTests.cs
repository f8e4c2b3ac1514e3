using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Tests.Models;
using Xunit;

namespace Tolerant.Tests.Semantics;

/// <summary>
/// DDL while a catalog is in use: columns added (visible after <see cref="SchemaCatalog.Invalidate"/>), columns and
/// tables dropped without telling the catalog (re-probed once and retried outside a transaction, surfaced inside one),
/// and the statements Tolerant prepared on pooled connections before the DDL.
/// </summary>
public sealed class LiveDdlTests(LiveDdlDatabase database) : IClassFixture<LiveDdlDatabase>, IAsyncLifetime
{
    private const int CopyThreshold = 8;
    private const int Rounds = 8;

    private static readonly string[] NoneMissing = [];
    private static readonly string[] LogoutAtMissing = ["logout_at"];
    private static readonly string[] AllMissing = ["is_active", "updated_at", "logout_at"];
    private static readonly DateTimeOffset At = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The connection DDL runs on: the class database's own data source, never the pool under test.</summary>
    private NpgsqlDataSource Admin => database.DataSource;

    public Task InitializeAsync() =>
        SessionSchema.ExecuteAsync(Admin, SessionTableLevels.Recreate(SessionTableLevels.All) + SessionEvent.Create);

    public Task DisposeAsync() => Task.CompletedTask;

    public enum FirstOperation
    {
        Select,
        FirstOrDefault,
        Count,
        Stream,
        Insert,
        InsertBatch,
        InsertCopy,
        Update,
        Delete,
    }

    public enum TransactionOperation
    {
        Select,
        Count,
        Insert,
        Update,
        Delete,
    }

    [Fact]
    public async Task A_column_added_while_in_use_becomes_visible_after_Invalidate()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await Sql.ExecuteAsync(Admin, SessionTableLevels.Recreate(OptionalColumns.None) + SessionEvent.Create, ct);
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var sessions = under.Sessions;
        var kept = SessionWork.NewRow(Guid.NewGuid(), 1);
        await sessions.InsertAsync(kept, ct);
        await SessionWork.RoundAsync(sessions, AllMissing, 3, ct);
        await SessionWork.ConcurrentRoundsAsync(sessions, AllMissing, Rounds, ct);

        await Sql.ExecuteAsync(Admin, SessionSchema.Migration015 + $"UPDATE shared.user_sessions SET is_active = false, logout_at = '{At:O}' WHERE id = '{kept.Id}';", ct);

        // The cached answer is trusted until told otherwise: no catalog query per call.
        Assert.Equal(AllMissing, (await sessions.GetCapabilitiesAsync(ct)).Missing.Select(c => c.Name));
        Assert.Equal(1, under.Catalog.ProbeCount);

        under.Catalog.Invalidate();
        var capabilities = await sessions.GetCapabilitiesAsync(ct);
        Assert.True(capabilities.IsComplete);
        Assert.Equal(2, under.Catalog.ProbeCount);
        var read = await sessions.Select().Where(UserSession.Columns.Id.Eq(kept.Id) & UserSession.Columns.IsActive.Eq(false)).FirstOrDefaultAsync(ct);
        Assert.Equal(SessionText.Describe(kept with { IsActive = false, LogoutAt = At }), SessionText.Describe(read));
        var update = await sessions.Update().Set(UserSession.Columns.UpdatedAt, At).Where(UserSession.Columns.Id.Eq(kept.Id)).ExecuteAsync(ct);
        Assert.Equal((1, "[]"), (update.Rows, SessionText.Names(update)));
        Assert.Equal(At, (await sessions.Select().Where(UserSession.Columns.UpdatedAt.Eq(At)).FirstOrDefaultAsync(ct))?.UpdatedAt);

        for (var i = 0; i < 3; i++)
        {
            await SessionWork.RoundAsync(sessions, NoneMissing, 3 + (i * 6), ct);
        }

        await SessionWork.ConcurrentRoundsAsync(sessions, NoneMissing, Rounds, ct);
        Assert.Equal(2, under.Catalog.ProbeCount);
    }

    [Theory]
    [InlineData(FirstOperation.Select)]
    [InlineData(FirstOperation.FirstOrDefault)]
    [InlineData(FirstOperation.Count)]
    [InlineData(FirstOperation.Stream)]
    [InlineData(FirstOperation.Insert)]
    [InlineData(FirstOperation.InsertBatch)]
    [InlineData(FirstOperation.InsertCopy)]
    [InlineData(FirstOperation.Update)]
    [InlineData(FirstOperation.Delete)]
    public async Task A_column_dropped_without_Invalidate_is_probed_again_once_and_the_operation_retried(FirstOperation first)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var sessions = under.Sessions;
        var seeded = await WarmUpAsync(sessions, ct);
        Assert.Equal(1, under.Catalog.ProbeCount);

        await Sql.ExecuteAsync(Admin, "ALTER TABLE shared.user_sessions DROP COLUMN logout_at;", ct);
        await RunFirstAsync(first, sessions, seeded, ct);

        Assert.Equal(2, under.Catalog.ProbeCount);
        var retry = Assert.Single(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));
        Assert.Contains("42703", retry.Message, StringComparison.Ordinal);
        Assert.Equal(LogoutAtMissing, (await sessions.GetCapabilitiesAsync(ct)).Missing.Select(c => c.Name));

        // Every statement shape again, on every pooled connection: no more probes, no more retries.
        for (var i = 0; i < 3; i++)
        {
            await SessionWork.RoundAsync(sessions, LogoutAtMissing, 3 + (i * 6), ct);
        }

        await SessionWork.ConcurrentRoundsAsync(sessions, LogoutAtMissing, Rounds, ct);
        Assert.Equal(2, under.Catalog.ProbeCount);
        Assert.Single(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));
    }

    [Fact]
    public async Task A_column_dropped_without_Invalidate_is_retried_on_a_bound_connection_outside_a_transaction()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        await using var connection = await under.DataSource.OpenConnectionAsync(ct);
        var sessions = under.Sessions.On(connection);
        var seeded = await WarmUpAsync(sessions, ct);

        await Sql.ExecuteAsync(Admin, "ALTER TABLE shared.user_sessions DROP COLUMN logout_at;", ct);
        await RunFirstAsync(FirstOperation.Select, sessions, seeded, ct);
        await RunFirstAsync(FirstOperation.Update, sessions, seeded, ct);
        await RunFirstAsync(FirstOperation.InsertCopy, sessions, seeded, ct);
        await SessionWork.RoundAsync(sessions, LogoutAtMissing, 3, ct);

        Assert.Equal(2, under.Catalog.ProbeCount);
        Assert.Single(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));
    }

    [Theory]
    [InlineData(TransactionOperation.Select)]
    [InlineData(TransactionOperation.Count)]
    [InlineData(TransactionOperation.Insert)]
    [InlineData(TransactionOperation.Update)]
    [InlineData(TransactionOperation.Delete)]
    public async Task A_column_dropped_under_a_transaction_surfaces_naming_table_column_and_migration_and_is_not_retried(TransactionOperation operation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var seeded = await WarmUpAsync(under.Sessions, ct);
        var sessionsBefore = await Sql.ScalarAsync(Admin, "SELECT count(*) FROM shared.user_sessions", ct);
        var probes = under.Catalog.ProbeCount;

        await using var connection = await under.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var logged = await under.Events.On(connection, transaction)
            .InsertAsync(new SessionEvent { Id = Guid.NewGuid(), SessionId = seeded[0].Id, Kind = "logout", At = At }, ct);
        Assert.Equal(1, logged.Rows);

        // The transaction has not touched user_sessions yet, so the DROP (on another connection) does not wait for it.
        await Sql.ExecuteAsync(Admin, "ALTER TABLE shared.user_sessions DROP COLUMN logout_at;", ct);
        var sessions = under.Sessions.On(connection, transaction);
        var c = new { UserSession.Columns.Id, UserSession.Columns.UserId, UserSession.Columns.LogoutAt, UserSession.Columns.ExpiresAt };
        Task attempt = operation switch
        {
            TransactionOperation.Select => sessions.Select().Where(c.UserId.Eq(seeded[0].UserId)).ToListAsync(ct),
            TransactionOperation.Count => sessions.Select().Where(c.UserId.Eq(seeded[0].UserId) & c.LogoutAt.IsNull()).CountAsync(ct),
            TransactionOperation.Insert => sessions.InsertAsync(SessionWork.NewRow(seeded[0].UserId, 99), ct),
            TransactionOperation.Update => sessions.Update().Set(c.ExpiresAt, At).Set(c.LogoutAt, At).Where(c.Id.Eq(seeded[0].Id)).ExecuteAsync(ct),
            _ => sessions.Delete().Where(c.Id.Eq(seeded[0].Id) & c.LogoutAt.IsNull()).ExecuteAsync(ct),
        };
        var error = await Assert.ThrowsAsync<SchemaMismatchException>(() => attempt);

        Assert.Equal(("shared.user_sessions", "logout_at", "015"), (error.Table, error.Column, error.Since));
        Assert.Contains("column \"logout_at\" of shared.user_sessions was dropped (it comes from migration 015)", error.Message, StringComparison.Ordinal);
        Assert.Contains("inside a transaction, so it was not retried", error.Message, StringComparison.Ordinal);
        // A retry inside the failed transaction would have met 25P02 (transaction aborted), not the original 42703.
        Assert.Equal("42703", Assert.IsType<PostgresException>(error.InnerException).SqlState);
        Assert.Empty(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));
        Assert.Equal(probes + 1, under.Catalog.ProbeCount);

        await transaction.RollbackAsync(ct);
        Assert.Equal(sessionsBefore, await Sql.ScalarAsync(Admin, "SELECT count(*) FROM shared.user_sessions", ct));
        Assert.Equal(0, await Sql.ScalarAsync(Admin, "SELECT count(*) FROM shared.session_events", ct));
        Assert.Equal(
            SessionText.Describe(seeded),
            SessionText.Describe(await under.Sessions.Select().Where(c.UserId.Eq(seeded[0].UserId)).OrderBy(UserSession.Columns.CreatedAt).ToListAsync(ct)));

        // Outside the transaction the table works at its new level, on the answer the failure already fetched.
        await SessionWork.RoundAsync(under.Sessions, LogoutAtMissing, 3, ct);
        Assert.Equal(probes + 1, under.Catalog.ProbeCount);
    }

    [Fact]
    public async Task A_required_table_dropped_while_in_use_fails_naming_the_table()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var sessions = under.Sessions;
        var seeded = await WarmUpAsync(sessions, ct);

        await Sql.ExecuteAsync(Admin, "DROP TABLE shared.user_sessions;", ct);
        var c = new { UserSession.Columns.Id, UserSession.Columns.UserId, UserSession.Columns.LogoutAt, UserSession.Columns.ExpiresAt };
        var user = seeded[0].UserId;
        var operations = new (string Name, Func<Task> Run)[]
        {
            ("select", () => sessions.Select().Where(c.UserId.Eq(user)).ToListAsync(ct)),
            ("first", () => sessions.Select().Where(c.Id.Eq(seeded[0].Id)).FirstOrDefaultAsync(ct)),
            ("count", () => sessions.Select().CountAsync(ct)),
            ("stream", async () => { await foreach (var _ in sessions.Select().AsAsyncEnumerable(ct)) { } }),
            ("insert", () => sessions.InsertAsync(SessionWork.NewRow(user, 50), ct)),
            ("insert batch", () => sessions.InsertManyAsync(Enumerable.Range(0, 3).Select(i => SessionWork.NewRow(user, i)), ct)),
            ("insert copy", () => sessions.InsertManyAsync(Enumerable.Range(0, 12).Select(i => SessionWork.NewRow(user, i)), ct)),
            ("update", () => sessions.Update().Set(c.ExpiresAt, At).Where(c.Id.Eq(seeded[0].Id)).ExecuteAsync(ct)),
            ("delete", () => sessions.Delete().Where(c.LogoutAt.IsNull()).ExecuteAsync(ct)),
        };
        foreach (var (name, run) in operations)
        {
            var error = await Assert.ThrowsAsync<SchemaMismatchException>(run);
            Assert.Equal((name, "shared.user_sessions", (string?)null), (name, error.Table, error.Column));
            Assert.Equal(
                (name, "Table shared.user_sessions does not exist; run the migration that creates it, or mark the type [SqlTable(..., Optional = true)]."),
                (name, error.Message));
        }

        // One probe after the first failure; the others were answered from it.
        Assert.Equal(2, under.Catalog.ProbeCount);
        Assert.False((await sessions.GetCapabilitiesAsync(ct)).TableExists);

        await Sql.ExecuteAsync(Admin, SessionSchema.Migration003 + SessionSchema.Migration015, ct);
        under.Catalog.Invalidate();
        await SessionWork.RoundAsync(sessions, NoneMissing, 12, ct);
        Assert.Equal(3, under.Catalog.ProbeCount);
    }

    [Fact]
    public async Task A_required_table_dropped_under_a_transaction_surfaces_naming_the_table()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var seeded = await WarmUpAsync(under.Sessions, ct);

        await using var connection = await under.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Sql.ExecuteAsync(Admin, "DROP TABLE shared.user_sessions;", ct);
        var error = await Assert.ThrowsAsync<SchemaMismatchException>(
            () => under.Sessions.On(connection, transaction).InsertAsync(SessionWork.NewRow(seeded[0].UserId, 7), ct));

        // SchemaMismatchException.Column: "the missing column, or null when the table itself is missing".
        Assert.Equal(("shared.user_sessions", (string?)null), (error.Table, error.Column));
        Assert.Contains("table shared.user_sessions was dropped", error.Message, StringComparison.Ordinal);
        Assert.Equal("42P01", Assert.IsType<PostgresException>(error.InnerException).SqlState);
        Assert.Empty(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));
        Assert.Equal(2, under.Catalog.ProbeCount);
        await transaction.RollbackAsync(ct);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_optional_table_dropped_while_in_use_reads_empty_and_reports_writes_as_skipped(bool writeFirst)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var events = under.Events;
        var e = new { SessionEvent.Columns.Id, SessionEvent.Columns.SessionId, SessionEvent.Columns.Kind, SessionEvent.Columns.At };
        var session = Guid.NewGuid();
        SessionEvent Event(int i) => new() { Id = Guid.NewGuid(), SessionId = session, Kind = i % 2 == 0 ? "login" : "logout", At = At.AddMinutes(i) };
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, (await events.InsertAsync(Event(i), ct)).Rows);
            Assert.Equal(i + 1, await events.Select().Where(e.SessionId.Eq(session)).CountAsync(ct));
        }

        Assert.Equal(10, (await events.Select().Where(e.Kind.Eq("login")).OrderBy(e.At).ToListAsync(ct)).Count);
        Assert.Equal(1, under.Catalog.ProbeCount);

        await Sql.ExecuteAsync(Admin, SessionEvent.Drop, ct);
        const string allColumns = "[id, session_id, kind, at]";
        if (writeFirst)
        {
            var first = await events.InsertAsync(Event(100), ct);
            Assert.Equal((true, 0, allColumns), (first.TableMissing, first.Rows, SessionText.Names(first)));
        }

        Assert.Empty(await events.Select().Where(e.SessionId.Eq(session)).OrderBy(e.At).Limit(5).ToListAsync(ct));
        Assert.Empty(await events.Select().ToListAsync(ct));
        Assert.Null(await events.Select().Where(e.Kind.Eq("login")).FirstOrDefaultAsync(ct));
        Assert.Equal(0, await events.Select().Where(e.Kind.In("login", "logout")).CountAsync(ct));
        var streamed = 0;
        await foreach (var _ in events.Select().AsAsyncEnumerable(ct))
        {
            streamed++;
        }

        Assert.Equal(0, streamed);
        var insert = await events.InsertAsync(Event(101), ct);
        Assert.Equal((true, 0, allColumns), (insert.TableMissing, insert.Rows, SessionText.Names(insert)));
        var batch = await events.InsertManyAsync(Enumerable.Range(0, 3).Select(Event), ct);
        Assert.Equal((true, 0, allColumns), (batch.TableMissing, batch.Rows, SessionText.Names(batch)));
        var copy = await events.InsertManyAsync(Enumerable.Range(0, 30).Select(Event), ct);
        Assert.Equal((true, 0, allColumns), (copy.TableMissing, copy.Rows, SessionText.Names(copy)));
        var update = await events.Update().Set(e.Kind, "expired").Where(e.SessionId.Eq(session)).ExecuteAsync(ct);
        Assert.Equal((true, 0, "[kind]"), (update.TableMissing, update.Rows, SessionText.Names(update)));
        var delete = await events.Delete().Where(e.SessionId.Eq(session)).ExecuteAsync(ct);
        Assert.Equal((true, 0), (delete.TableMissing, delete.Rows));

        var capabilities = await events.GetCapabilitiesAsync(ct);
        Assert.False(capabilities.TableExists);
        Assert.Equal("shared.session_events does not exist (optional table): reads are empty, writes are skipped", capabilities.ToString());
        Assert.Equal(2, under.Catalog.ProbeCount);
        Assert.Contains("42P01", Assert.Single(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent)).Message, StringComparison.Ordinal);

        // The session table, covered by the same probe, is unaffected.
        await SessionWork.RoundAsync(under.Sessions, NoneMissing, 3, ct);

        await Sql.ExecuteAsync(Admin, SessionEvent.Create, ct);
        under.Catalog.Invalidate();
        Assert.Equal((false, 1), ((await events.InsertAsync(Event(200), ct)).TableMissing, (await events.Select().CountAsync(ct))));
        Assert.Equal(3, under.Catalog.ProbeCount);
    }

    [Fact]
    public async Task Prepared_statements_survive_a_column_type_change_on_every_pooled_connection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var sessions = under.Sessions;
        await WarmUpAsync(sessions, ct);

        // The SELECT text stays the same, but its result type changes: every pooled connection that prepared it now
        // holds a plan the server refuses (0A000). The design promises a re-probe and one retry that succeeds.
        await Sql.ExecuteAsync(Admin, "ALTER TABLE shared.user_sessions ALTER COLUMN ip TYPE varchar(64);", ct);
        for (var i = 0; i < 2 * Rounds; i++)
        {
            await SessionWork.RoundAsync(sessions, NoneMissing, 3, ct);
        }

        await SessionWork.ConcurrentRoundsAsync(sessions, NoneMissing, Rounds, ct);
        Assert.True((await sessions.GetCapabilitiesAsync(ct)).IsComplete);
    }

    [Fact]
    public async Task Prepared_statements_survive_a_column_type_change_on_a_bound_connection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        await using var connection = await under.DataSource.OpenConnectionAsync(ct);
        var sessions = under.Sessions.On(connection);
        await WarmUpAsync(sessions, ct);

        await Sql.ExecuteAsync(Admin, "ALTER TABLE shared.user_sessions ALTER COLUMN ip TYPE varchar(64);", ct);
        for (var i = 0; i < 3; i++)
        {
            await SessionWork.RoundAsync(sessions, NoneMissing, 3 + (i * 6), ct);
        }

        Assert.Equal(2, under.Catalog.ProbeCount);
        Assert.Contains("0A000", Assert.Single(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_column_type_change_every_table_bound_to_the_connection_drops_its_stale_commands()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        await using var connection = await under.DataSource.OpenConnectionAsync(ct);
        var first = under.Sessions.On(connection);
        var second = under.Sessions.On(connection);
        await WarmUpAsync(first, ct);
        await SessionWork.RoundAsync(second, NoneMissing, 3, ct);

        // The first binding meets 0A000, unprepares every statement on the connection and retries. The second
        // binding's commands were prepared under names that are now gone or given to other statements: they must be
        // dropped too, or its next round sends a stale name (26000) or, worse, another statement's.
        await Sql.ExecuteAsync(Admin, "ALTER TABLE shared.user_sessions ALTER COLUMN ip TYPE varchar(64);", ct);
        await SessionWork.RoundAsync(first, NoneMissing, 3, ct);
        for (var i = 0; i < 3; i++)
        {
            await SessionWork.RoundAsync(second, NoneMissing, 3 + (i * 6), ct);
            await SessionWork.RoundAsync(first, NoneMissing, 3 + (i * 6), ct);
        }

        Assert.Equal(2, under.Catalog.ProbeCount);
        Assert.Single(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));
    }

    [Fact]
    public async Task Prepared_statements_survive_the_table_being_dropped_and_created_again()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var sessions = under.Sessions;
        await WarmUpAsync(sessions, ct);

        await Sql.ExecuteAsync(Admin, "DROP TABLE shared.user_sessions;" + SessionSchema.Migration003 + SessionSchema.Migration015, ct);
        for (var i = 0; i < 2 * Rounds; i++)
        {
            await SessionWork.RoundAsync(sessions, NoneMissing, 3 + (i % 2 * 9), ct);
        }

        await SessionWork.ConcurrentRoundsAsync(sessions, NoneMissing, Rounds, ct);
        Assert.Equal(0, await Sql.ScalarAsync(Admin, "SELECT count(*) FROM shared.user_sessions", ct));
    }

    /// <summary>
    /// Runs every statement shape sequentially and on several connections at once, so the pool holds them prepared,
    /// then seeds three rows (optional columns at their defaults) for the test to find.
    /// </summary>
    private static async Task<List<UserSession>> WarmUpAsync(Table<UserSession> sessions, CancellationToken ct)
    {
        await SessionWork.RoundAsync(sessions, NoneMissing, 3, ct);
        await SessionWork.RoundAsync(sessions, NoneMissing, 12, ct);
        if (!IsBound(sessions))
        {
            await SessionWork.ConcurrentRoundsAsync(sessions, NoneMissing, Rounds, ct);
        }

        var user = Guid.NewGuid();
        var seeded = Enumerable.Range(0, 3).Select(i => SessionWork.NewRow(user, i)).ToList();
        Assert.Equal(3, (await sessions.InsertManyAsync(seeded, ct)).Rows);
        return seeded;
    }

    /// <summary>A table bound with <c>On(connection)</c> is a view of its own; one connection runs one statement at a time.</summary>
    private static bool IsBound(Table<UserSession> sessions) => !ReferenceEquals(sessions, sessions.Catalog.Table<UserSession>());

    /// <summary>The first operation after the drop, each naming logout_at; asserts its result at the new level.</summary>
    private static async Task RunFirstAsync(FirstOperation first, Table<UserSession> sessions, List<UserSession> seeded, CancellationToken ct)
    {
        var c = new { UserSession.Columns.Id, UserSession.Columns.UserId, UserSession.Columns.CreatedAt, UserSession.Columns.LogoutAt, UserSession.Columns.ExpiresAt };
        var user = seeded[0].UserId;
        switch (first)
        {
            case FirstOperation.Select:
                Assert.Equal(
                    SessionText.Describe(seeded),
                    SessionText.Describe(await sessions.Select().Where(c.UserId.Eq(user) & c.LogoutAt.IsNull()).OrderBy(c.CreatedAt).ToListAsync(ct)));
                break;
            case FirstOperation.FirstOrDefault:
                Assert.Equal(SessionText.Describe(seeded[0]), SessionText.Describe(await sessions.Select().Where(c.Id.Eq(seeded[0].Id)).FirstOrDefaultAsync(ct)));
                break;
            case FirstOperation.Count:
                Assert.Equal(3, await sessions.Select().Where(c.UserId.Eq(user) & c.LogoutAt.IsNull()).CountAsync(ct));
                break;
            case FirstOperation.Stream:
                var streamed = new List<UserSession>();
                await foreach (var row in sessions.Select().Where(c.UserId.Eq(user)).OrderBy(c.CreatedAt).AsAsyncEnumerable(ct))
                {
                    streamed.Add(row);
                }

                Assert.Equal(SessionText.Describe(seeded), SessionText.Describe(streamed));
                break;
            case FirstOperation.Insert:
            case FirstOperation.InsertBatch:
            case FirstOperation.InsertCopy:
                var rows = Enumerable.Range(10, first switch { FirstOperation.Insert => 1, FirstOperation.InsertBatch => CopyThreshold - 1, _ => CopyThreshold + 5 })
                    .Select(i => SessionWork.NewRow(user, i)).ToList();
                var inserted = first == FirstOperation.Insert ? await sessions.InsertAsync(rows[0], ct) : await sessions.InsertManyAsync(rows, ct);
                Assert.Equal((rows.Count, "[logout_at]"), (inserted.Rows, SessionText.Names(inserted)));
                Assert.Equal(3 + rows.Count, await sessions.Select().Where(c.UserId.Eq(user)).CountAsync(ct));
                break;
            case FirstOperation.Update:
                var updated = await sessions.Update().Set(c.ExpiresAt, At).Set(c.LogoutAt, null).Where(c.Id.Eq(seeded[1].Id)).ExecuteAsync(ct);
                Assert.Equal((1, "[logout_at]"), (updated.Rows, SessionText.Names(updated)));
                Assert.Equal(At, (await sessions.Select().Where(c.Id.Eq(seeded[1].Id)).FirstOrDefaultAsync(ct))?.ExpiresAt);
                break;
            default:
                var deleted = await sessions.Delete().Where(c.UserId.Eq(user) & c.LogoutAt.IsNull()).ExecuteAsync(ct);
                Assert.Equal(3, deleted.Rows);
                Assert.Equal(0, await sessions.Select().Where(c.UserId.Eq(user)).CountAsync(ct));
                break;
        }
    }
}
