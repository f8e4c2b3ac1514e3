using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Tests.Models;
using Xunit;

namespace Tolerant.Tests.Semantics;

public sealed class CompiledQueryDatabase() : NamedDatabase("tolerant_compiled");

/// <summary>
/// A compiled query is the same query with its values given per run. At every capability level of the session table
/// (2^3), each compiled read and write here must send the text the same query built per call sends, and return the
/// same rows, counts and skipped columns — run pooled, and run twice with other values on a bound connection, where the
/// kept command only gets new values. The per-call queries are held to the one rule by <see cref="DifferentialTests"/>.
/// </summary>
public sealed class CompiledQueryTests(CompiledQueryDatabase database) : IClassFixture<CompiledQueryDatabase>
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Guid[] Users =
    [
        Guid.Parse("bbbbbbbb-0000-4000-8000-000000000000"),
        Guid.Parse("bbbbbbbb-0000-4000-8000-000000000001"),
        Guid.Parse("bbbbbbbb-0000-4000-8000-000000000002"),
    ];

    private static readonly CompiledSelect<UserSession, Guid> ById =
        CompiledQuery.Select<UserSession, Guid>((query, id) => query.Where(C.Id.Eq(id)));

    private static readonly CompiledSelect<UserSession, (Guid User, bool Active)> ByUserAndActive =
        CompiledQuery.Select<UserSession, (Guid User, bool Active)>((query, args) => query
            .Where(C.UserId.Eq(args.Get(a => a.User)) & C.IsActive.Eq(args.Get(a => a.Active)))
            .OrderBy(C.UpdatedAt, descending: true)
            .OrderBy(C.Id));

    private static readonly CompiledSelect<UserSession, (DateTimeOffset From, DateTimeOffset To)> LoggedOutBetween =
        CompiledQuery.Select<UserSession, (DateTimeOffset From, DateTimeOffset To)>((query, args) => query
            .Where((C.LogoutAt.Ge(args.Get(a => a.From)) & !C.LogoutAt.Gt(args.Get(a => a.To))) | C.UpdatedAt.Lt(args.Get(a => a.From)))
            .OrderBy(C.LogoutAt)
            .OrderBy(C.Id)
            .Limit(5)
            .Offset(2));

    private static readonly CompiledSelect<UserSession, Guid[]> SignedInOfUsers =
        CompiledQuery.Select<UserSession, Guid[]>((query, users) => query.Where(C.UserId.In(users) & C.LogoutAt.IsNull()).OrderBy(C.Id));

    private static readonly CompiledSelect<UserSession, (bool Active, DateTimeOffset Before)> ActiveNotAndCreatedBefore =
        CompiledQuery.Select<UserSession, (bool Active, DateTimeOffset Before)>((query, args) => query
            .Where(C.IsActive.NotEq(args.Get(a => a.Active)) & C.CreatedAt.Le(args.Get(a => a.Before)) & C.ExpiresAt.IsNotNull())
            .OrderBy(C.IsActive)
            .OrderBy(C.Id));

    private static readonly CompiledSelect<UserSession, (Guid User, int Size, int Skip)> PageOfUser =
        CompiledQuery.Select<UserSession, (Guid User, int Size, int Skip)>((query, args) => query
            .Where(C.UserId.Eq(args.Get(a => a.User)))
            .OrderBy(C.LogoutAt, descending: true)
            .OrderBy(C.Id)
            .Limit(args.Get(a => a.Size))
            .Offset(args.Get(a => a.Skip)));

    private static readonly CompiledUpdate<UserSession, (Guid User, DateTimeOffset Now, bool Active)> Touch =
        CompiledQuery.Update<UserSession, (Guid User, DateTimeOffset Now, bool Active)>((update, args) => update
            .Set(C.UpdatedAt, args.Get(a => a.Now))
            .Set(C.ExpiresAt, T0.AddDays(2))
            .Set(C.IsActive, args.Get(a => a.Active))
            .Where(C.UserId.Eq(args.Get(a => a.User)) & C.LogoutAt.IsNull()));

    private static readonly CompiledDelete<UserSession, DateTimeOffset> DeleteLoggedOutBefore =
        CompiledQuery.Delete<UserSession, DateTimeOffset>((delete, before) => delete.Where(C.LogoutAt.Lt(before) | C.IsActive.Eq(false)));

    [Theory]
    [MemberData(nameof(SessionTableLevels.EveryLevel), MemberType = typeof(SessionTableLevels))]
    public async Task Compiled_queries_send_the_same_text_and_read_the_same_rows_as_queries_built_per_call(OptionalColumns present)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var side = await SeededAsync(present, ct);
        var sessions = side.Sessions;
        var capabilities = await sessions.GetCapabilitiesAsync(ct);
        await using var connection = await side.DataSource.OpenConnectionAsync(ct);
        var bound = sessions.On(connection);

        foreach (var table in new[] { sessions, bound })
        {
            // Twice on each table, so a bound table's second pass runs every statement on its kept command.
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var i in new[] { 0, 7, 13, 999 })
                {
                    var id = Row(i).Id;
                    Assert.Equal(
                        Describe(await table.Select().Where(C.Id.Eq(id)).FirstOrDefaultAsync(ct)),
                        Describe(await ById.FirstOrDefaultAsync(table, id, ct)));
                }

                foreach (var user in Users)
                {
                    foreach (var active in new[] { true, false })
                    {
                        var perCall = table.Select().Where(C.UserId.Eq(user) & C.IsActive.Eq(active)).OrderBy(C.UpdatedAt, descending: true).OrderBy(C.Id);
                        Assert.Equal(Describe(await perCall.ToListAsync(ct)), Describe(await ByUserAndActive.ToListAsync(table, (user, active), ct)));
                        Assert.Equal(await perCall.CountAsync(ct), await ByUserAndActive.CountAsync(table, (user, active), ct));
                        Assert.Equal(Describe(await perCall.FirstOrDefaultAsync(ct)), Describe(await ByUserAndActive.FirstOrDefaultAsync(table, (user, active), ct)));
                        Assert.Equal(Describe(await ToListAsync(perCall.AsAsyncEnumerable(ct))), Describe(await ToListAsync(ByUserAndActive.AsAsyncEnumerable(table, (user, active), ct))));
                    }
                }

                foreach (var (from, to) in new[] { (T0, T0.AddHours(2)), (T0.AddMinutes(30), T0.AddHours(9)), (T0.AddDays(9), T0.AddDays(10)) })
                {
                    var perCall = table.Select()
                        .Where((C.LogoutAt.Ge(from) & !C.LogoutAt.Gt(to)) | C.UpdatedAt.Lt(from))
                        .OrderBy(C.LogoutAt).OrderBy(C.Id).Limit(5).Offset(2);
                    Assert.Equal(Describe(await perCall.ToListAsync(ct)), Describe(await LoggedOutBetween.ToListAsync(table, (from, to), ct)));
                    Assert.Equal(Describe(await perCall.FirstOrDefaultAsync(ct)), Describe(await LoggedOutBetween.FirstOrDefaultAsync(table, (from, to), ct)));
                    Assert.Equal(await perCall.CountAsync(ct), await LoggedOutBetween.CountAsync(table, (from, to), ct));
                }

                foreach (var users in new[] { Users, [Users[1]], [] })
                {
                    var perCall = table.Select().Where(C.UserId.In(users) & C.LogoutAt.IsNull()).OrderBy(C.Id);
                    Assert.Equal(Describe(await perCall.ToListAsync(ct)), Describe(await SignedInOfUsers.ToListAsync(table, users, ct)));
                }

                foreach (var (size, skip) in new[] { (3, 0), (3, 3), (2, 5), (0, 1), (5, 7) })
                {
                    var perCall = table.Select().Where(C.UserId.Eq(Users[1])).OrderBy(C.LogoutAt, descending: true).OrderBy(C.Id).Limit(size).Offset(skip);
                    Assert.Equal(Describe(await perCall.ToListAsync(ct)), Describe(await PageOfUser.ToListAsync(table, (Users[1], size, skip), ct)));
                    Assert.Equal(Describe(await perCall.FirstOrDefaultAsync(ct)), Describe(await PageOfUser.FirstOrDefaultAsync(table, (Users[1], size, skip), ct)));
                }

                foreach (var (active, before) in new[] { (true, T0.AddMinutes(20)), (false, T0.AddHours(1)) })
                {
                    var perCall = table.Select().Where(C.IsActive.NotEq(active) & C.CreatedAt.Le(before) & C.ExpiresAt.IsNotNull()).OrderBy(C.IsActive).OrderBy(C.Id);
                    Assert.Equal(Describe(await perCall.ToListAsync(ct)), Describe(await ActiveNotAndCreatedBefore.ToListAsync(table, (active, before), ct)));
                }
            }
        }

        // The same texts, so compiled and per-call queries share prepared statements and cached text.
        var id0 = Row(0).Id;
        Assert.Equal(sessions.Select().Where(C.Id.Eq(id0)).ToSql(capabilities), ById.ToSql(capabilities));
        Assert.Equal(
            sessions.Select().Where(C.UserId.Eq(Users[0]) & C.IsActive.Eq(true)).OrderBy(C.UpdatedAt, descending: true).OrderBy(C.Id).ToSql(capabilities),
            ByUserAndActive.ToSql(capabilities));
        Assert.Equal(
            sessions.Select().Where(C.UserId.Eq(Users[0]) & C.IsActive.Eq(true)).ToCountSql(capabilities),
            ByUserAndActive.ToCountSql(capabilities));
        Assert.Equal(
            sessions.Select().Where((C.LogoutAt.Ge(T0) & !C.LogoutAt.Gt(T0)) | C.UpdatedAt.Lt(T0)).OrderBy(C.LogoutAt).OrderBy(C.Id).Limit(5).Offset(2).ToSql(capabilities),
            LoggedOutBetween.ToSql(capabilities));
        Assert.Equal(
            sessions.Select().Where(C.UserId.Eq(Users[0])).OrderBy(C.LogoutAt, descending: true).OrderBy(C.Id).Limit(1).Offset(1).ToSql(capabilities),
            PageOfUser.ToSql(capabilities));
        Assert.Equal(
            sessions.Update().Set(C.UpdatedAt, T0).Set(C.ExpiresAt, T0).Set(C.IsActive, true).Where(C.UserId.Eq(Users[0]) & C.LogoutAt.IsNull()).ToSql(capabilities),
            Touch.ToSql(capabilities));
        Assert.Equal(sessions.Delete().Where(C.LogoutAt.Lt(T0) | C.IsActive.Eq(false)).ToSql(capabilities), DeleteLoggedOutBefore.ToSql(capabilities));
    }

    [Theory]
    [MemberData(nameof(SessionTableLevels.EveryLevel), MemberType = typeof(SessionTableLevels))]
    public async Task Compiled_writes_touch_the_same_rows_and_skip_the_same_columns_as_writes_built_per_call(OptionalColumns present)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var side = await SeededAsync(present, ct);
        await using var connection = await side.DataSource.OpenConnectionAsync(ct);

        // Each write runs in a transaction rolled back afterwards, once built per call and once compiled, on the same rows.
        foreach (var (user, now, active) in new[] { (Users[0], T0.AddHours(3), true), (Users[1], T0.AddHours(4), false), (Users[2], T0.AddHours(5), true) })
        {
            var perCall = await WriteAndRollBackAsync(connection, side.Sessions, table => table.Update()
                .Set(C.UpdatedAt, now)
                .Set(C.ExpiresAt, T0.AddDays(2))
                .Set(C.IsActive, active)
                .Where(C.UserId.Eq(user) & C.LogoutAt.IsNull())
                .ExecuteAsync(ct), ct);
            var compiled = await WriteAndRollBackAsync(connection, side.Sessions, table => Touch.ExecuteAsync(table, (user, now, active), ct), ct);
            Assert.Equal(perCall, compiled);
            Assert.DoesNotContain("rows 0,", compiled, StringComparison.Ordinal); // each user has sessions to touch
        }

        foreach (var before in new[] { T0, T0.AddHours(1), T0.AddDays(1) })
        {
            var perCall = await WriteAndRollBackAsync(
                connection, side.Sessions, table => table.Delete().Where(C.LogoutAt.Lt(before) | C.IsActive.Eq(false)).ExecuteAsync(ct), ct);
            var compiled = await WriteAndRollBackAsync(connection, side.Sessions, table => DeleteLoggedOutBefore.ExecuteAsync(table, before, ct), ct);
            Assert.Equal(perCall, compiled);
        }

        // And outside a transaction, pooled: the writes apply.
        var result = await Touch.ExecuteAsync(side.Sessions, (Users[0], T0.AddHours(6), true), ct);
        Assert.Equal(SessionText.List(SessionTableLevels.Names(SessionTableLevels.All & ~present & (OptionalColumns.UpdatedAt | OptionalColumns.IsActive)).OrderBy(UpdateOrder)), SessionText.Names(result));
        var expected = Rows().Count(r => r.UserId == Users[0] && (!present.HasFlag(OptionalColumns.LogoutAt) || r.LogoutAt is null));
        Assert.Equal(expected, result.Rows);
        Assert.All(
            await side.Sessions.Select().Where(C.UserId.Eq(Users[0]) & C.LogoutAt.IsNull()).ToListAsync(ct),
            row => Assert.Equal(present.HasFlag(OptionalColumns.UpdatedAt) ? T0.AddHours(6) : null, row.UpdatedAt));
    }

    [Fact]
    public async Task A_compiled_update_whose_assignments_are_all_missing_is_not_sent_and_warns_only_about_values_lost()
    {
        var ct = CancellationToken.None;
        await (await SeededAsync(OptionalColumns.None, ct)).DisposeAsync();

        // A catalog of its own: seeding left out values already, and each column is warned about once per catalog state.
        await using var side = CatalogUnderTest.Create(database.ConnectionString);
        var onlyOptional = CompiledQuery.Update<UserSession, (bool Active, DateTimeOffset? LoggedOut)>((update, args) => update
            .Set(C.IsActive, args.Get(a => a.Active))
            .Set(C.LogoutAt, args.Get(a => a.LoggedOut))
            .AllRows());
        var capabilities = await side.Sessions.GetCapabilitiesAsync(ct);
        Assert.Null(onlyOptional.ToSql(capabilities));

        // The declared defaults: nothing lost, nothing logged.
        var result = await onlyOptional.ExecuteAsync(side.Sessions, (true, null), ct);
        Assert.Equal((0, "[is_active, logout_at]"), (result.Rows, SessionText.Names(result)));
        Assert.Empty(side.Log.WithEvent(RecordingLoggerFactory.ValueLeftOutEvent));

        // A value the database will not keep: one warning for that column, naming the migration.
        result = await onlyOptional.ExecuteAsync(side.Sessions, (true, T0), ct);
        Assert.Equal((0, "[is_active, logout_at]"), (result.Rows, SessionText.Names(result)));
        var warning = Assert.Single(side.Log.WithEvent(RecordingLoggerFactory.ValueLeftOutEvent));
        Assert.Contains("left out logout_at,", warning.Message, StringComparison.Ordinal);
        Assert.Contains("migration 015", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Rows().Count, await side.Sessions.Select().Where(C.LogoutAt.IsNull()).CountAsync(ct));
    }

    [Fact]
    public async Task A_bound_table_runs_a_compiled_query_on_one_kept_command_with_each_run_s_values()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(SessionTableLevels.All, ct);
        await using var connection = await side.DataSource.OpenConnectionAsync(ct);
        var bound = side.Sessions.On(connection);
        var store = Execution.BoundCommands.For(connection);

        Assert.Equal(Row(0).Id, (await ById.FirstOrDefaultAsync(bound, Row(0).Id, ct))!.Id);
        var created = store.CommandsCreated;
        foreach (var row in Rows())
        {
            Assert.Equal(Describe(row), Describe(await ById.FirstOrDefaultAsync(bound, row.Id, ct)));
        }

        Assert.Null(await ById.FirstOrDefaultAsync(bound, Guid.Empty, ct));
        Assert.Equal(created, store.CommandsCreated);

        // The same text as the query built per call: that query finds the compiled one's command too.
        Assert.Equal(Row(3).Id, (await bound.Select().Where(C.Id.Eq(Row(3).Id)).FirstOrDefaultAsync(ct))!.Id);
        Assert.Equal(created, store.CommandsCreated);
    }

    [Fact]
    public async Task A_compiled_query_follows_the_capabilities_when_a_migration_runs_under_it()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(OptionalColumns.None, ct);
        var id = Row(4).Id;
        Assert.Null((await ById.FirstOrDefaultAsync(side.Sessions, id, ct))!.LogoutAt);
        const string StandIn = "NULL::timestamp with time zone AS \"logout_at\"";
        Assert.Contains(StandIn, ById.ToSql(await side.Sessions.GetCapabilitiesAsync(ct)), StringComparison.Ordinal);

        await Sql.ExecuteAsync(side.DataSource, SessionSchema.AddLogoutAt + $"UPDATE shared.user_sessions SET logout_at = '{T0:O}';", ct);
        side.Catalog.Invalidate();

        Assert.Equal(T0, (await ById.FirstOrDefaultAsync(side.Sessions, id, ct))!.LogoutAt);
        Assert.DoesNotContain(StandIn, ById.ToSql(await side.Sessions.GetCapabilitiesAsync(ct)), StringComparison.Ordinal);
        Assert.Equal(Rows().Count, await LoggedOutBetween.CountAsync(side.Sessions, (T0, T0), ct));
    }

    [Fact]
    public async Task Misused_arguments_get_a_clear_answer_and_send_nothing()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(SessionTableLevels.All, ct);
        await using var connection = await side.DataSource.OpenConnectionAsync(ct);
        var sessions = side.Sessions.On(connection);
        var store = Execution.BoundCommands.For(connection);
        var byLogout = CompiledQuery.Select<UserSession, DateTimeOffset?>((query, at) => query.Where(C.LogoutAt.Eq(at)));
        var ofUsers = CompiledQuery.Select<UserSession, Guid[]>((query, users) => query.Where(C.UserId.In(users)));

        // = NULL matches nothing, where Eq(null) built per call means IS NULL: refused, naming table and column,
        // before a command is made.
        var nullValue = await Assert.ThrowsAsync<ArgumentException>(() => byLogout.ToListAsync(sessions, null, ct));
        Assert.Equal(0, store.CommandsCreated);
        Assert.Contains("shared.user_sessions.logout_at", nullValue.Message, StringComparison.Ordinal);
        Assert.Contains("IsNull()", nullValue.Message, StringComparison.Ordinal);
        Assert.Single(await byLogout.ToListAsync(sessions, Row(1).LogoutAt, ct));

        var nullArray = await Assert.ThrowsAsync<ArgumentException>(() => ofUsers.ToListAsync(sessions, null!, ct));
        Assert.Contains("shared.user_sessions.user_id", nullArray.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.CommandsCreated); // the one valid run above

        // A negative page size or offset is refused as Limit(-1) built per call is; a per-call query with an
        // argument limit has no value for it.
        var page = CompiledQuery.Select<UserSession, (int Size, int Skip)>((query, args) => query.OrderBy(C.Id).Limit(args.Get(a => a.Size)).Offset(args.Get(a => a.Skip)));
        Assert.Contains("LIMIT", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => page.ToListAsync(sessions, (-1, 0), ct))).Message, StringComparison.Ordinal);
        Assert.Contains("OFFSET", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => page.FirstOrDefaultAsync(sessions, (1, -1), ct))).Message, StringComparison.Ordinal);
        Assert.Equal(1, store.CommandsCreated);
        Arg<int> strayCount = default;
        _ = CompiledQuery.Select<UserSession, int>((query, size) =>
        {
            strayCount = size;
            return query;
        });
        Assert.Contains("limit", (await Assert.ThrowsAsync<InvalidOperationException>(async () => await sessions.Select().Limit(strayCount).ToListAsync(ct))).Message, StringComparison.Ordinal);

        // An argument belongs to its own builder's argument type.
        Arg<Guid> stray = default;
        _ = CompiledQuery.Select<UserSession, Guid>((query, id) =>
        {
            stray = id;
            return query;
        });
        var foreign = Assert.Throws<InvalidOperationException>(() => CompiledQuery.Select<UserSession, (Guid, int)>((query, _) => query.Where(C.Id.Eq(stray))));
        Assert.Contains("An Arg<Guid> from another compiled query's builder was used in a query compiled for arguments of type (Guid, Int32).", foreign.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => C.Id.Eq(default(Arg<Guid>)));

        // A per-call query holding an argument has no value to send.
        var perCall = await Assert.ThrowsAsync<InvalidOperationException>(() => sessions.Select().Where(C.Id.Eq(stray)).ToListAsync(ct));
        Assert.Contains("CompiledQuery", perCall.Message, StringComparison.Ordinal);
        var perCallSet = await Assert.ThrowsAsync<InvalidOperationException>(
            () => sessions.Update().Set(C.Id, stray).Where(C.UserId.Eq(Users[0])).ExecuteAsync(ct));
        Assert.Contains("\"id\"", perCallSet.Message, StringComparison.Ordinal);

        // Incomplete writes are refused when compiled, as they are when run directly.
        Assert.Contains("sets no column", Assert.Throws<InvalidOperationException>(
            () => CompiledQuery.Update<UserSession, Guid>((update, id) => update.Where(C.Id.Eq(id)))).Message, StringComparison.Ordinal);
        Assert.Contains("no condition", Assert.Throws<InvalidOperationException>(
            () => CompiledQuery.Update<UserSession, bool>((update, active) => update.Set(C.IsActive, active))).Message, StringComparison.Ordinal);
        Assert.Contains("no condition", Assert.Throws<InvalidOperationException>(
            () => CompiledQuery.Delete<UserSession, bool>((delete, _) => delete)).Message, StringComparison.Ordinal);

        // Nothing above changed a row, and the table still works.
        Assert.Equal(Describe(Rows().OrderBy(r => r.Id.ToString("D"), StringComparer.Ordinal)), Describe(await sessions.Select().OrderBy(C.Id).ToListAsync(ct)));
    }

    /// <summary>The table recreated at <paramref name="present"/> and seeded (xunit runs one class's tests one at a time, so they share the database).</summary>
    private async Task<CatalogUnderTest> SeededAsync(OptionalColumns present, CancellationToken ct)
    {
        await Sql.ExecuteAsync(database.DataSource, SessionTableLevels.Recreate(present), ct);
        var side = CatalogUnderTest.Create(database.ConnectionString, copyThreshold: 8);
        await side.Sessions.InsertManyAsync(Rows(), ct);
        return side;
    }

    private static List<UserSession> Rows() => Enumerable.Range(0, 24).Select(Row).ToList();

    private static UserSession Row(int i) => new()
    {
        Id = Guid.Parse($"00000000-0000-4000-8000-{i:D12}"),
        UserId = Users[i % Users.Length],
        IpAddress = i % 4 == 0 ? null : $"10.1.{i % 5}.{i}",
        CreatedAt = T0.AddMinutes(3 * i),
        ExpiresAt = i % 5 == 0 ? null : T0.AddHours(1).AddMinutes(i),
        IsActive = i % 3 != 0,
        UpdatedAt = i % 2 == 0 ? null : T0.AddMinutes(i - 10),
        LogoutAt = i % 4 == 1 ? T0.AddMinutes(20 * i) : null,
    };

    private static int UpdateOrder(string column) => column switch
    {
        "updated_at" => 0,
        "is_active" => 1,
        _ => 2,
    };

    private static string Describe(UserSession? row) => SessionText.Describe(row);

    private static string Describe(IEnumerable<UserSession> rows) => SessionText.Describe(rows);

    private static async Task<List<UserSession>> ToListAsync(IAsyncEnumerable<UserSession> rows)
    {
        var list = new List<UserSession>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    /// <summary>Runs <paramref name="write"/> on a table bound to a transaction, reads the table back, rolls back: what the write did, as text.</summary>
    private static async Task<string> WriteAndRollBackAsync(
        Npgsql.NpgsqlConnection connection, Table<UserSession> sessions, Func<Table<UserSession>, Task<MutationResult<UserSession>>> write, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var bound = sessions.On(connection, transaction);
        var result = await write(bound);
        var after = await bound.Select().OrderBy(C.Id).ToListAsync(ct);
        await transaction.RollbackAsync(ct);
        return $"rows {result.Rows}, skipped {SessionText.Names(result)}, table {Describe(after)}";
    }

    /// <summary>The descriptors, short.</summary>
    private static class C
    {
        public static Column<UserSession, Guid> Id => UserSession.Columns.Id;

        public static Column<UserSession, Guid> UserId => UserSession.Columns.UserId;

        public static Column<UserSession, DateTimeOffset> CreatedAt => UserSession.Columns.CreatedAt;

        public static Column<UserSession, DateTimeOffset?> ExpiresAt => UserSession.Columns.ExpiresAt;

        public static Column<UserSession, bool> IsActive => UserSession.Columns.IsActive;

        public static Column<UserSession, DateTimeOffset?> UpdatedAt => UserSession.Columns.UpdatedAt;

        public static Column<UserSession, DateTimeOffset?> LogoutAt => UserSession.Columns.LogoutAt;
    }
}
