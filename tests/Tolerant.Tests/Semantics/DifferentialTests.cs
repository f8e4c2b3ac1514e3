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
/// Holds the runtime to the one rule of semantics: the same script run against the table at 003 plus some of
/// migration 015's columns, and against the table with all of 015 (added with their declared defaults), must read the
/// same, count the same and touch the same rows. Only writes to a missing column differ, and only as the rule says:
/// they are left out and listed in <see cref="MutationResult{T}.Skipped"/>, and an update left with nothing to set is
/// not sent at all.
/// </summary>
public sealed class DifferentialTests(SideBySideDatabases databases) : IClassFixture<SideBySideDatabases>
{
    /// <summary>Low enough that the script crosses it both ways without writing hundreds of rows.</summary>
    private const int CopyThreshold = 16;

    /// <summary>Records every INSERT, UPDATE and DELETE statement the server runs on the table, even one that touches no row.</summary>
    private const string StatementLog = """
        CREATE TABLE shared.statement_log (seq bigserial PRIMARY KEY, op text NOT NULL);
        CREATE FUNCTION shared.log_statement() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO shared.statement_log (op) VALUES (TG_OP);
            RETURN NULL;
        END $$;
        CREATE TRIGGER log_statements AFTER INSERT OR UPDATE OR DELETE ON shared.user_sessions
            FOR EACH STATEMENT EXECUTE FUNCTION shared.log_statement();
        """;

    private const string SkippedUpdateStep = "update setting only the columns the partial table lacks, for user 2";

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Guid[] Users =
    [
        Guid.Parse("aaaaaaaa-0000-4000-8000-000000000000"),
        Guid.Parse("aaaaaaaa-0000-4000-8000-000000000001"),
        Guid.Parse("aaaaaaaa-0000-4000-8000-000000000002"),
    ];

    private static readonly Column<UserSession>[] AllOptional =
        [UserSession.Columns.IsActive, UserSession.Columns.UpdatedAt, UserSession.Columns.LogoutAt];

    [Theory]
    [MemberData(nameof(SessionTableLevels.EveryLevel), MemberType = typeof(SessionTableLevels))]
    public async Task Default_valued_work_gives_the_same_results_as_at_migration_015(OptionalColumns present)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var missing = SessionTableLevels.All & ~present;
        await using var partial = await OpenAsync(databases.Partial, present, ct);
        await using var complete = await OpenAsync(databases.Complete, SessionTableLevels.All, ct);

        var partialCapabilities = await partial.Sessions.GetCapabilitiesAsync(ct);
        Assert.True(partialCapabilities.TableExists);
        Assert.Equal(SessionTableLevels.Names(missing), partialCapabilities.Missing.Select(c => c.Name));
        Assert.True((await complete.Sessions.GetCapabilitiesAsync(ct)).IsComplete);

        var onPartial = await RunDefaultValuedScriptAsync(partial.Sessions, missing, ct);
        var onComplete = await RunDefaultValuedScriptAsync(complete.Sessions, missing, ct);

        // Every read: rows, order, first rows and counts.
        Assert.Equal(onComplete.Reads.Count, onPartial.Reads.Count);
        for (var i = 0; i < onComplete.Reads.Count; i++)
        {
            Assert.Equal(onComplete.Reads[i], onPartial.Reads[i]);
        }

        // Every write: the rows it touched and exactly the columns it left out.
        Assert.Equal(onComplete.Writes.Select(w => w.Step), onPartial.Writes.Select(w => w.Step));
        for (var i = 0; i < onComplete.Writes.Count; i++)
        {
            var (a, b) = (onPartial.Writes[i], onComplete.Writes[i]);
            var expectedSkipped = SessionText.List(a.WrittenOptional.Where(c => missing.HasFlag(Flag(c))).Select(c => c.Name));
            Assert.Equal((a.Step, expectedSkipped), (a.Step, a.Skipped));
            Assert.Equal((b.Step, "[]"), (b.Step, b.Skipped));
            if (a.Step == SkippedUpdateStep)
            {
                // Everything it sets is missing on the partial side: not sent there, so zero rows; sent at 015.
                Assert.Equal((a.Step, 0), (a.Step, a.Rows));
                Assert.Equal((b.Step, 24), (b.Step, b.Rows));
            }
            else
            {
                Assert.Equal((b.Step, b.Rows), (a.Step, a.Rows));
            }
        }

        Assert.Equal(missing != OptionalColumns.None, onPartial.Writes.Any(w => w.Step == SkippedUpdateStep));

        // What the server was sent: the same statements, less the update that had nothing left to set.
        var sentToPartial = await StatementsSentAsync(databases.Partial.DataSource, ct);
        var sentToComplete = await StatementsSentAsync(databases.Complete.DataSource, ct);
        Assert.Equal(sentToComplete["INSERT"], sentToPartial["INSERT"]);
        Assert.Equal(sentToComplete["DELETE"], sentToPartial["DELETE"]);
        Assert.Equal(sentToComplete["UPDATE"] - (missing == OptionalColumns.None ? 0 : 1), sentToPartial["UPDATE"]);

        // Every value left out equalled its declared default: nothing to warn about. One probe each, no retries.
        Assert.Empty(partial.Log.WithEvent(RecordingLoggerFactory.ValueLeftOutEvent));
        Assert.Empty(complete.Log.WithEvent(RecordingLoggerFactory.ValueLeftOutEvent));
        Assert.Empty(partial.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));
        Assert.Equal(1, partial.Catalog.ProbeCount);
        Assert.Equal(1, complete.Catalog.ProbeCount);
    }

    [Theory]
    [MemberData(nameof(SessionTableLevels.EveryLevel), MemberType = typeof(SessionTableLevels))]
    public async Task Values_that_differ_from_the_defaults_are_reported_where_the_column_is_missing(OptionalColumns present)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var missing = SessionTableLevels.All & ~present;
        var missingNames = SessionTableLevels.Names(missing);
        await using var partial = await OpenAsync(databases.Partial, present, ct);
        await using var complete = await OpenAsync(databases.Complete, SessionTableLevels.All, ct);

        var loggedOut = T0.AddHours(5);
        var touched = T0.AddHours(4);
        UserSession Divergent(int i) => Row(i) with { IsActive = false, UpdatedAt = touched, LogoutAt = loggedOut.AddMinutes(i) };
        var single = Divergent(0);
        var batch = Enumerable.Range(1, CopyThreshold - 1).Select(Divergent).ToList();
        var copy = Enumerable.Range(CopyThreshold, CopyThreshold + 4).Select(Divergent).ToList();
        var updated = Row(100);
        var written = new List<UserSession> { single };
        written.AddRange(batch);
        written.AddRange(copy);
        written.Add(updated with { IsActive = false, UpdatedAt = touched, LogoutAt = loggedOut, ExpiresAt = loggedOut });

        foreach (var side in new[] { partial, complete })
        {
            var isPartial = side == partial;
            var expectedSkipped = SessionText.List(isPartial ? missingNames : []);
            var sessions = side.Sessions;

            var insert = await sessions.InsertAsync(single, ct);
            Assert.Equal((1, expectedSkipped), (insert.Rows, SessionText.Names(insert)));
            var inserted = await sessions.InsertManyAsync(batch, ct);
            Assert.Equal((batch.Count, expectedSkipped), (inserted.Rows, SessionText.Names(inserted)));
            inserted = await sessions.InsertManyAsync(copy, ct);
            Assert.Equal((copy.Count, expectedSkipped), (inserted.Rows, SessionText.Names(inserted)));
            insert = await sessions.InsertAsync(updated, ct);
            Assert.Equal((1, expectedSkipped), (insert.Rows, SessionText.Names(insert)));

            var update = await sessions.Update()
                .Set(UserSession.Columns.LogoutAt, loggedOut)
                .Set(UserSession.Columns.ExpiresAt, loggedOut)
                .Set(UserSession.Columns.UpdatedAt, touched)
                .Set(UserSession.Columns.IsActive, false)
                .Where(UserSession.Columns.Id.Eq(updated.Id))
                .ExecuteAsync(ct);
            string[] inSetOrder = ["logout_at", "updated_at", "is_active"];
            Assert.Equal((1, SessionText.List(isPartial ? inSetOrder.Where(missingNames.Contains) : [])), (update.Rows, SessionText.Names(update)));

            // What was left out reads as its declared default; what the table has reads as written.
            var expected = written.Select(row => isPartial ? AsIfLeftOut(row, missing) : row).OrderBy(r => r.Id.ToString("D"), StringComparer.Ordinal);
            var read = await sessions.Select().OrderBy(UserSession.Columns.Id).ToListAsync(ct);
            Assert.Equal(SessionText.Describe(expected), SessionText.Describe(read));
        }

        // One warning per missing column whose value was lost, however many writes lost one; none at 015.
        var warnings = partial.Log.WithEvent(RecordingLoggerFactory.ValueLeftOutEvent);
        Assert.Equal(missingNames.Length, warnings.Count);
        foreach (var name in missingNames)
        {
            Assert.Single(warnings, w => w.Message.Contains($"left out {name},", StringComparison.Ordinal) && w.Message.Contains("migration 015", StringComparison.Ordinal));
        }

        Assert.All(warnings, w => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, w.Level));
        Assert.Empty(complete.Log.WithEvent(RecordingLoggerFactory.ValueLeftOutEvent));
    }

    private static async Task<CatalogUnderTest> OpenAsync(Postgres.PostgresDatabaseFixture database, OptionalColumns present, CancellationToken ct)
    {
        await Sql.ExecuteAsync(database.DataSource, SessionTableLevels.Recreate(present) + StatementLog, ct);
        return CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
    }

    /// <summary>
    /// Inserts 72 rows whose optional values are the declared defaults, then reads, updates (setting optional columns
    /// only to their defaults) and deletes, recording every observable result.
    /// </summary>
    /// <param name="missingOnPartial">The columns the partial side lacks: the script sets exactly these in one update, on both sides.</param>
    private static async Task<Transcript> RunDefaultValuedScriptAsync(Table<UserSession> sessions, OptionalColumns missingOnPartial, CancellationToken ct)
    {
        var log = new Transcript();
        var c = new Columns();

        log.Write("insert one row", await sessions.InsertAsync(Row(0), ct), AllOptional);
        log.Write($"insert {CopyThreshold - 1} rows (batch)", await sessions.InsertManyAsync(Rows(1, CopyThreshold - 1), ct), AllOptional);
        log.Write($"insert {CopyThreshold} rows (copy, at the threshold)", await sessions.InsertManyAsync(Rows(CopyThreshold, CopyThreshold), ct), AllOptional);
        log.Write("insert 40 rows (copy)", await sessions.InsertManyAsync(Rows(2 * CopyThreshold, 72 - (2 * CopyThreshold)), ct), AllOptional);
        log.Write("insert no rows", await sessions.InsertManyAsync([], ct), AllOptional);

        var select = sessions.Select();
        log.Read("all, by id", await select.OrderBy(c.Id).ToListAsync(ct));
        log.Read(
            "user 1 and is_active = true, by updated_at desc, id",
            await select.Where(c.UserId.Eq(Users[1]) & c.IsActive.Eq(true)).OrderBy(c.UpdatedAt, descending: true).OrderBy(c.Id).ToListAsync(ct));
        log.Read("count is_active <> false", await select.Where(c.IsActive.NotEq(false)).CountAsync(ct));
        log.Read("count updated_at IS NULL AND logout_at IS NULL", await select.Where(c.UpdatedAt.IsNull() & c.LogoutAt.IsNull()).CountAsync(ct));
        log.Read("updated_at IS NOT NULL OR logout_at IS NOT NULL", await select.Where(c.UpdatedAt.IsNotNull() | c.LogoutAt.IsNotNull()).OrderBy(c.Id).ToListAsync(ct));
        log.Read("logout_at < T0 + 1h", await select.Where(c.LogoutAt.Lt(T0.AddHours(1))).OrderBy(c.Id).ToListAsync(ct));
        log.Read("NOT (logout_at < T0)", await select.Where(!c.LogoutAt.Lt(T0)).OrderBy(c.Id).ToListAsync(ct));
        log.Read("count NOT (updated_at >= T0)", await select.Where(!c.UpdatedAt.Ge(T0)).CountAsync(ct));
        log.Read(
            "(updated_at >= T0 OR is_active IN (true)) AND created_at < T0 + 20min, by is_active desc, id, limit 5",
            await select.Where((c.UpdatedAt.Ge(T0) | c.IsActive.In(true)) & c.CreatedAt.Lt(T0.AddMinutes(20)))
                .OrderBy(c.IsActive, descending: true).OrderBy(c.Id).Limit(5).ToListAsync(ct));
        log.Read("count is_active IN (false)", await select.Where(c.IsActive.In(false)).CountAsync(ct));
        log.Read(
            "NOT (is_active = false) AND expires_at IS NULL, by logout_at, id",
            await select.Where(!c.IsActive.Eq(false) & c.ExpiresAt.IsNull()).OrderBy(c.LogoutAt).OrderBy(c.Id).ToListAsync(ct));
        log.Read(
            "first with is_active = true, by updated_at desc, created_at desc, id",
            await select.Where(c.IsActive.Eq(true)).OrderBy(c.UpdatedAt, descending: true).OrderBy(c.CreatedAt, descending: true).OrderBy(c.Id).FirstOrDefaultAsync(ct));
        log.Read("first with is_active = false", await select.Where(c.IsActive.Eq(false)).OrderBy(c.Id).FirstOrDefaultAsync(ct));
        log.Read("by logout_at desc, id, limit 7", await select.OrderBy(c.LogoutAt, descending: true).OrderBy(c.Id).Limit(7).ToListAsync(ct));
        log.Read("count updated_at IN (T0, NULL)", await select.Where(c.UpdatedAt.In(T0, null)).CountAsync(ct));
        log.Read(
            "ip IS NOT NULL AND (logout_at IS NULL OR is_active = false), by is_active, updated_at, logout_at desc, id, limit 10",
            await select.Where(c.IpAddress.IsNotNull() & (c.LogoutAt.IsNull() | c.IsActive.Eq(false)))
                .OrderBy(c.IsActive).OrderBy(c.UpdatedAt).OrderBy(c.LogoutAt, descending: true).OrderBy(c.Id).Limit(10).ToListAsync(ct));
        var streamed = new List<UserSession>();
        await foreach (var row in select.Where(c.UserId.Eq(Users[2]) & c.IsActive.Eq(true) & c.LogoutAt.IsNull()).OrderBy(c.Id).AsAsyncEnumerable(ct))
        {
            streamed.Add(row);
        }

        log.Read("streamed: user 2, is_active = true, logout_at IS NULL, by id", streamed);
        log.Read("count", await select.CountAsync(ct));

        log.Write(
            "update expires_at, is_active = true, logout_at = NULL for user 1 where logout_at IS NULL",
            await sessions.Update()
                .Set(c.ExpiresAt, T0.AddDays(1))
                .Set(c.IsActive, true)
                .Set(c.LogoutAt, null)
                .Where(c.UserId.Eq(Users[1]) & c.LogoutAt.IsNull())
                .ExecuteAsync(ct),
            [c.IsActive, c.LogoutAt]);
        log.Read("user 1 after its update, by id", await select.Where(c.UserId.Eq(Users[1])).OrderBy(c.Id).ToListAsync(ct));
        log.Write(
            "update updated_at = NULL, ip where is_active = true and id IN (3, 4, 5, 100)",
            await sessions.Update()
                .Set(c.UpdatedAt, null)
                .Set(c.IpAddress, "192.0.2.1")
                .Where(c.IsActive.Eq(true) & c.Id.In(Row(3).Id, Row(4).Id, Row(5).Id, Row(100).Id))
                .ExecuteAsync(ct),
            [c.UpdatedAt]);

        if (missingOnPartial != OptionalColumns.None)
        {
            var update = sessions.Update();
            if (missingOnPartial.HasFlag(OptionalColumns.IsActive))
            {
                update = update.Set(c.IsActive, true);
            }

            if (missingOnPartial.HasFlag(OptionalColumns.UpdatedAt))
            {
                update = update.Set(c.UpdatedAt, null);
            }

            if (missingOnPartial.HasFlag(OptionalColumns.LogoutAt))
            {
                update = update.Set(c.LogoutAt, null);
            }

            log.Write(SkippedUpdateStep, await update.Where(c.UserId.Eq(Users[2])).ExecuteAsync(ct), SessionTableLevels.Columns(missingOnPartial));
        }

        log.Read("all after the updates, by id", await select.OrderBy(c.Id).ToListAsync(ct));

        log.Write("delete logout_at IS NULL AND created_at < T0 + 10min", await sessions.Delete().Where(c.LogoutAt.IsNull() & c.CreatedAt.Lt(T0.AddMinutes(10))).ExecuteAsync(ct), []);
        log.Write("delete is_active = false", await sessions.Delete().Where(c.IsActive.Eq(false)).ExecuteAsync(ct), []);
        log.Write(
            "delete updated_at IS NOT NULL OR (is_active = true AND user 2 AND expires_at IS NULL)",
            await sessions.Delete().Where(c.UpdatedAt.IsNotNull() | (c.IsActive.Eq(true) & c.UserId.Eq(Users[2]) & c.ExpiresAt.IsNull())).ExecuteAsync(ct),
            []);
        log.Write("delete NOT (updated_at IS NULL)", await sessions.Delete().Where(!c.UpdatedAt.IsNull()).ExecuteAsync(ct), []);

        log.Read("all at the end, by id", await select.OrderBy(c.Id).ToListAsync(ct));
        log.Read("count at the end", await select.CountAsync(ct));
        return log;
    }

    private static UserSession Row(int i) => new()
    {
        Id = Guid.Parse($"00000000-0000-4000-8000-{i:D12}"),
        UserId = Users[i % Users.Length],
        IpAddress = i % 4 == 0 ? null : $"10.0.{i % 7}.{i}",
        CreatedAt = T0.AddMinutes(i),
        ExpiresAt = i % 5 == 0 ? null : T0.AddHours(1).AddMinutes(i),
    };

    private static List<UserSession> Rows(int first, int count) => Enumerable.Range(first, count).Select(Row).ToList();

    /// <summary>The row as the rule says it reads when <paramref name="missing"/> were left out of its writes.</summary>
    private static UserSession AsIfLeftOut(UserSession row, OptionalColumns missing) => row with
    {
        IsActive = missing.HasFlag(OptionalColumns.IsActive) || row.IsActive,
        UpdatedAt = missing.HasFlag(OptionalColumns.UpdatedAt) ? null : row.UpdatedAt,
        LogoutAt = missing.HasFlag(OptionalColumns.LogoutAt) ? null : row.LogoutAt,
    };

    private static OptionalColumns Flag(Column<UserSession> column) => column.Name switch
    {
        "is_active" => OptionalColumns.IsActive,
        "updated_at" => OptionalColumns.UpdatedAt,
        "logout_at" => OptionalColumns.LogoutAt,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Name, "not an optional column"),
    };

    private static async Task<Dictionary<string, long>> StatementsSentAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var sent = new Dictionary<string, long> { ["INSERT"] = 0, ["UPDATE"] = 0, ["DELETE"] = 0 };
        await using var command = dataSource.CreateCommand("SELECT op, count(*) FROM shared.statement_log GROUP BY op");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sent[reader.GetString(0)] = reader.GetInt64(1);
        }

        return sent;
    }

    /// <summary>Shorter names for the descriptors, so the script reads like the SQL it stands for.</summary>
    private sealed class Columns
    {
        public Column<UserSession, Guid> Id => UserSession.Columns.Id;

        public Column<UserSession, Guid> UserId => UserSession.Columns.UserId;

        public Column<UserSession, string?> IpAddress => UserSession.Columns.IpAddress;

        public Column<UserSession, DateTimeOffset> CreatedAt => UserSession.Columns.CreatedAt;

        public Column<UserSession, DateTimeOffset?> ExpiresAt => UserSession.Columns.ExpiresAt;

        public Column<UserSession, bool> IsActive => UserSession.Columns.IsActive;

        public Column<UserSession, DateTimeOffset?> UpdatedAt => UserSession.Columns.UpdatedAt;

        public Column<UserSession, DateTimeOffset?> LogoutAt => UserSession.Columns.LogoutAt;
    }

    private sealed record Write(string Step, int Rows, string Skipped, IReadOnlyList<Column<UserSession>> WrittenOptional);

    /// <summary>What one side observed, step by step.</summary>
    private sealed class Transcript
    {
        public List<string> Reads { get; } = [];

        public List<Write> Writes { get; } = [];

        public void Read(string step, IEnumerable<UserSession> rows) => Reads.Add($"{step}: {SessionText.Describe(rows)}");

        public void Read(string step, UserSession? row) => Reads.Add($"{step}: {SessionText.Describe(row)}");

        public void Read(string step, long count) => Reads.Add($"{step}: {count}");

        public void Write(string step, MutationResult<UserSession> result, IReadOnlyList<Column<UserSession>> writtenOptional)
        {
            Assert.False(result.TableMissing, step);
            Writes.Add(new Write(step, result.Rows, SessionText.Names(result), writtenOptional));
        }
    }
}
