using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Tests.Models;
using Xunit;

namespace Tolerant.Tests.Semantics;

/// <summary>
/// Compiled queries where the schema or the caller does something unusual: an optional table that does not exist,
/// arguments refused at every migration level, one static query shared by catalogs at different levels and by
/// concurrent callers, arguments lifted into nullable columns, and <c>default</c> still meaning a value.
/// </summary>
public sealed class CompiledQueryEdgeTests(CompiledQueryDatabase database) : IClassFixture<CompiledQueryDatabase>
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly CompiledSelect<UserSession, Guid> ById =
        CompiledQuery.Select<UserSession, Guid>((query, id) => query.Where(UserSession.Columns.Id.Eq(id)));

    private static readonly CompiledSelect<SessionEvent, Guid> EventsOfSession =
        CompiledQuery.Select<SessionEvent, Guid>((query, id) => query.Where(SessionEvent.Columns.SessionId.Eq(id)).OrderBy(SessionEvent.Columns.At));

    private static readonly CompiledUpdate<SessionEvent, (Guid Id, string Kind)> RenameEvent =
        CompiledQuery.Update<SessionEvent, (Guid Id, string Kind)>((update, args) => update
            .Set(SessionEvent.Columns.Kind, args.Get(a => a.Kind))
            .Where(SessionEvent.Columns.Id.Eq(args.Get(a => a.Id))));

    private static readonly CompiledDelete<SessionEvent, DateTimeOffset> DeleteEventsBefore =
        CompiledQuery.Delete<SessionEvent, DateTimeOffset>((delete, before) => delete.Where(SessionEvent.Columns.At.Lt(before)));

    [Fact]
    public async Task An_optional_table_that_does_not_exist_reads_empty_and_skips_compiled_writes()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(OptionalColumns.None, rows: 3, ct);
        var events = side.Events;
        var id = Guid.NewGuid();

        Assert.Empty(await EventsOfSession.ToListAsync(events, id, ct));
        Assert.Null(await EventsOfSession.FirstOrDefaultAsync(events, id, ct));
        Assert.Equal(0, await EventsOfSession.CountAsync(events, id, ct));
        Assert.Empty(await EventsOfSession.AsAsyncEnumerable(events, id, ct).ToListAsync(ct));
        var renamed = await RenameEvent.ExecuteAsync(events, (id, "logout"), ct);
        Assert.Equal((0, true, "[kind]"), (renamed.Rows, renamed.TableMissing, SessionText.Names(renamed)));
        var deleted = await DeleteEventsBefore.ExecuteAsync(events, T0, ct);
        Assert.Equal((0, true), (deleted.Rows, deleted.TableMissing));
        Assert.Null(RenameEvent.ToSql(await events.GetCapabilitiesAsync(ct)));

        // Once the table exists (and the catalog is told), the same compiled queries send their statements.
        await Sql.ExecuteAsync(side.DataSource, SessionEvent.Create, ct);
        side.Catalog.Invalidate();
        await events.InsertAsync(new SessionEvent { Id = id, SessionId = id, Kind = "login", At = T0 }, ct);
        Assert.Equal(1, (await RenameEvent.ExecuteAsync(events, (id, "logout"), ct)).Rows);
        Assert.Equal(["logout"], (await EventsOfSession.ToListAsync(events, id, ct)).Select(e => e.Kind));
        Assert.Equal(1, (await DeleteEventsBefore.ExecuteAsync(events, T0.AddSeconds(1), ct)).Rows);
    }

    [Fact]
    public async Task A_refused_argument_is_refused_at_every_level_even_where_nothing_would_be_sent()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(OptionalColumns.None, rows: 3, ct);
        var byKind = CompiledQuery.Select<SessionEvent, string>((query, kind) => query.Where(SessionEvent.Columns.Kind.Eq(kind)));
        var deactivate = CompiledQuery.Update<UserSession, DateTimeOffset?>((update, expires) => update
            .Set(UserSession.Columns.IsActive, false)
            .Where(UserSession.Columns.ExpiresAt.Eq(expires)));

        // The events table is missing and is_active is missing: neither would send a statement, yet NULL is refused
        // now, as it will be after migration 015.
        Assert.Contains("shared.session_events.kind", (await Assert.ThrowsAsync<ArgumentException>(() => byKind.ToListAsync(side.Events, null!, ct))).Message, StringComparison.Ordinal);
        Assert.Contains("shared.user_sessions.expires_at", (await Assert.ThrowsAsync<ArgumentException>(() => deactivate.ExecuteAsync(side.Sessions, null, ct))).Message, StringComparison.Ordinal);

        // With values, the same calls do what the rule says: an empty read, an update left with nothing to set.
        Assert.Empty(await byKind.ToListAsync(side.Events, "login", ct));
        var skipped = await deactivate.ExecuteAsync(side.Sessions, T0, ct);
        Assert.Equal((0, "[is_active]"), (skipped.Rows, SessionText.Names(skipped)));
    }

    [Fact]
    public async Task One_compiled_query_serves_catalogs_at_different_levels_alternately()
    {
        var ct = CancellationToken.None;
        await using var before = await SeededAsync(OptionalColumns.None, rows: 3, ct);
        var id = Row(1).Id;
        Assert.Null((await ById.FirstOrDefaultAsync(before.Sessions, id, ct))!.LogoutAt);

        // A second catalog probes after logout_at was added; the first keeps its answer (no Invalidate), and its
        // text, which stands NULL in for the column, is still valid SQL.
        await Sql.ExecuteAsync(before.DataSource, SessionSchema.AddLogoutAt + $"UPDATE shared.user_sessions SET logout_at = '{T0:O}';", ct);
        await using var after = CatalogUnderTest.Create(database.ConnectionString);
        var oldCapabilities = await before.Sessions.GetCapabilitiesAsync(ct);
        var newCapabilities = await after.Sessions.GetCapabilitiesAsync(ct);
        Assert.NotEqual(ById.ToSql(oldCapabilities), ById.ToSql(newCapabilities));

        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await ById.FirstOrDefaultAsync(before.Sessions, id, ct))!.LogoutAt);
            Assert.Equal(T0, (await ById.FirstOrDefaultAsync(after.Sessions, id, ct))!.LogoutAt);
            Assert.Equal(before.Sessions.Select().Where(UserSession.Columns.Id.Eq(id)).ToSql(oldCapabilities), ById.ToSql(oldCapabilities));
            Assert.Equal(after.Sessions.Select().Where(UserSession.Columns.Id.Eq(id)).ToSql(newCapabilities), ById.ToSql(newCapabilities));
        }
    }

    [Fact]
    public async Task Concurrent_callers_of_one_compiled_query_on_two_catalogs_each_get_their_own_row()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(SessionTableLevels.All, rows: 40, ct);
        await using var other = CatalogUnderTest.Create(database.ConnectionString);

        // Two catalogs, two capabilities objects: callers alternate, so the text is looked up by capabilities too.
        var reads = Enumerable.Range(0, 16).Select(worker => Task.Run(
            async () =>
            {
                for (var n = 0; n < 20; n++)
                {
                    var i = ((worker * 7) + n) % 40;
                    var table = (worker + n) % 2 == 0 ? side.Sessions : other.Sessions;
                    var row = await ById.FirstOrDefaultAsync(table, Row(i).Id, ct);
                    Assert.Equal(SessionText.Describe(Row(i)), SessionText.Describe(row));
                }
            },
            ct));
        await Task.WhenAll(reads);
    }

    [Fact]
    public async Task A_compiled_query_does_not_keep_the_capabilities_it_has_seen_alive()
    {
        var ct = CancellationToken.None;
        await (await SeededAsync(SessionTableLevels.All, rows: 1, ct)).DisposeAsync();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        var compiled = CompiledQuery.Select<UserSession, Guid>((query, id) => query.Where(UserSession.Columns.Id.Eq(id)));

        // Each catalog's capabilities, as a migration would replace them: asked once, then dropped.
        var seen = new WeakReference[12];
        for (var i = 0; i < seen.Length; i++)
        {
            seen[i] = await AskAndForgetAsync(dataSource, compiled, ct);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The last pair is remembered for the fast path; nothing older may stay.
        Assert.InRange(seen.Count(w => w.IsAlive), 0, 1);
        GC.KeepAlive(compiled); // alive throughout, as a compiled query in a static field is
    }

    [Fact]
    public async Task A_limit_argument_with_a_fixed_offset_and_the_reverse_page_as_built_per_call()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(SessionTableLevels.All, rows: 12, ct);
        var sessions = side.Sessions;
        var takeFromThird = CompiledQuery.Select<UserSession, int>((query, take) => query.OrderBy(UserSession.Columns.Id).Limit(take).Offset(2));
        var threeFrom = CompiledQuery.Select<UserSession, int>((query, skip) => query.OrderBy(UserSession.Columns.Id).Limit(3).Offset(skip));

        foreach (var n in new[] { 0, 1, 4, 20 })
        {
            Assert.Equal(
                SessionText.Describe(await sessions.Select().OrderBy(UserSession.Columns.Id).Limit(n).Offset(2).ToListAsync(ct)),
                SessionText.Describe(await takeFromThird.ToListAsync(sessions, n, ct)));
            Assert.Equal(
                SessionText.Describe(await sessions.Select().OrderBy(UserSession.Columns.Id).Limit(3).Offset(n).ToListAsync(ct)),
                SessionText.Describe(await threeFrom.ToListAsync(sessions, n, ct)));
            Assert.Equal(
                SessionText.Describe(await sessions.Select().OrderBy(UserSession.Columns.Id).Offset(n).FirstOrDefaultAsync(ct)),
                SessionText.Describe(await threeFrom.FirstOrDefaultAsync(sessions, n, ct)));
        }

        // A negative limit is refused whatever runs the query, as Limit(-1) built per call is.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => takeFromThird.CountAsync(sessions, -1, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => takeFromThird.FirstOrDefaultAsync(sessions, -1, ct));
    }

    [Fact]
    public async Task An_argument_for_a_column_typed_object_is_taken_as_an_argument_not_as_a_value()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(SessionTableLevels.All, rows: 3, ct);

        // An Arg<object> also fits Eq(object) by boxing; it must still be read per run, not sent as a value.
        var id = new Column<UserSession, object>(UserSession.Columns.Id.Ordinal, "id", "Id", "uuid");
        var byObjectId = CompiledQuery.Select<UserSession, object>((query, value) => query.Where(id.Eq(value)));
        Assert.Equal(Row(1).Id, (await byObjectId.FirstOrDefaultAsync(side.Sessions, Row(1).Id, ct))!.Id);
        Assert.Equal(Row(2).Id, (await byObjectId.FirstOrDefaultAsync(side.Sessions, Row(2).Id, ct))!.Id);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> AskAndForgetAsync(Npgsql.NpgsqlDataSource dataSource, CompiledSelect<UserSession, Guid> compiled, CancellationToken ct)
    {
        var capabilities = await new SchemaCatalog(dataSource).Table<UserSession>().GetCapabilitiesAsync(ct);
        Assert.Contains("WHERE", compiled.ToSql(capabilities), StringComparison.Ordinal);
        return new WeakReference(capabilities);
    }

    [Fact]
    public async Task Value_type_arguments_fit_nullable_columns_and_default_still_means_a_value()
    {
        var ct = CancellationToken.None;
        await using var side = await SeededAsync(SessionTableLevels.All, rows: 10, ct);
        var sessions = side.Sessions;
        var expiringAt = CompiledQuery.Select<UserSession, DateTimeOffset>((query, at) => query.Where(UserSession.Columns.ExpiresAt.Eq(at)).OrderBy(UserSession.Columns.Id));
        var notExpiringAt = CompiledQuery.Select<UserSession, DateTimeOffset>((query, at) => query.Where(UserSession.Columns.ExpiresAt.NotEq(at)));
        var expireNow = CompiledQuery.Update<UserSession, (Guid Id, DateTimeOffset At)>((update, args) => update
            .Set(UserSession.Columns.ExpiresAt, args.Get(a => a.At))
            .Where(UserSession.Columns.Id.Eq(args.Get(a => a.Id))));

        var at = Row(2).ExpiresAt!.Value;
        Assert.Equal([Row(2).Id], (await expiringAt.ToListAsync(sessions, at, ct)).Select(r => r.Id));
        Assert.Equal(await sessions.Select().Where(UserSession.Columns.ExpiresAt.NotEq(at)).CountAsync(ct), await notExpiringAt.CountAsync(sessions, at, ct));
        Assert.Equal(1, (await expireNow.ExecuteAsync(sessions, (Row(3).Id, at), ct)).Rows);
        Assert.Equal([Row(2).Id, Row(3).Id], (await expiringAt.ToListAsync(sessions, at, ct)).Select(r => r.Id));

        // default is a value (false), not an Arg: the value overloads keep priority.
        Assert.Equal(
            await sessions.Select().Where(UserSession.Columns.IsActive.Eq(false)).CountAsync(ct),
            await sessions.Select().Where(UserSession.Columns.IsActive.Eq(default)).CountAsync(ct));
        Assert.Equal(1, (await sessions.Update().Set(UserSession.Columns.IsActive, default).Where(UserSession.Columns.Id.Eq(Row(5).Id)).ExecuteAsync(ct)).Rows);
        Assert.False((await ById.FirstOrDefaultAsync(sessions, Row(5).Id, ct))!.IsActive);
    }

    private async Task<CatalogUnderTest> SeededAsync(OptionalColumns present, int rows, CancellationToken ct)
    {
        await Sql.ExecuteAsync(database.DataSource, SessionTableLevels.Recreate(present), ct);
        var side = CatalogUnderTest.Create(database.ConnectionString);
        await side.Sessions.InsertManyAsync(Enumerable.Range(0, rows).Select(Row), ct);
        return side;
    }

    private static UserSession Row(int i) => new()
    {
        Id = Guid.Parse($"00000000-0000-4000-9000-{i:D12}"),
        UserId = Guid.Parse($"cccccccc-0000-4000-8000-{i % 3:D12}"),
        IpAddress = $"10.2.0.{i}",
        CreatedAt = T0.AddMinutes(i),
        ExpiresAt = i % 4 == 0 ? null : T0.AddHours(i),
        IsActive = i % 2 == 0,
    };
}
