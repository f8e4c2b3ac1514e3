using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Tests.Models;
using Xunit;

namespace Tolerant.Tests.Semantics;

/// <summary>
/// One catalog under many concurrent callers: operations stay correct while another task invalidates, concurrent
/// callers share one probe (never one each), and an invalidation is never lost to a probe that was already running.
/// </summary>
public sealed class ConcurrencyTests(ConcurrencyDatabase database) : IClassFixture<ConcurrencyDatabase>, IAsyncLifetime
{
    private const int CopyThreshold = 8;

    /// <summary>Npgsql's "Command execution completed" log event (NpgsqlEventId.CommandExecutionCompleted).</summary>
    private const int NpgsqlCommandCompleted = 2001;

    /// <summary>The table at 003 plus is_active: statements mix present and missing optional columns.</summary>
    private const OptionalColumns Present = OptionalColumns.IsActive;

    private static readonly string[] Missing = SessionTableLevels.Names(SessionTableLevels.All & ~Present);
    private static readonly DateTimeOffset At = new(2026, 7, 1, 6, 0, 0, TimeSpan.Zero);

    private NpgsqlDataSource Admin => database.DataSource;

    public Task InitializeAsync() => SessionSchema.ExecuteAsync(Admin, SessionTableLevels.Recreate(Present) + SessionEvent.Create);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Mixed_operations_while_another_task_invalidates_probe_at_most_once_per_invalidation()
    {
        const int Operations = 200;
        const int InvalidateEvery = 10;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        var expected = new ConcurrentDictionary<Guid, List<UserSession>>();
        var seed = new List<UserSession>();
        for (var i = 0; i < Operations; i++)
        {
            var rows = i % 6 >= 2 ? Enumerable.Range(0, 3).Select(j => Row(i, j)).ToList() : [];
            seed.AddRange(rows);
            expected[User(i)] = rows;
        }

        // Seeded through another catalog, so the one under test starts fresh.
        await using (var seeding = CatalogUnderTest.Create(database.ConnectionString))
        {
            Assert.Equal(seed.Count, (await seeding.Sessions.InsertManyAsync(seed, ct)).Rows);
        }

        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        var completed = new SemaphoreSlim(0);
        var firstInvalidation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invalidations = 0;
        var invalidator = Task.Run(
            async () =>
            {
                for (var k = 0; k < Operations / InvalidateEvery; k++)
                {
                    for (var j = 0; j < InvalidateEvery; j++)
                    {
                        await completed.WaitAsync(ct);
                    }

                    under.Catalog.Invalidate();
                    invalidations++;
                    firstInvalidation.TrySetResult();
                }
            },
            ct);

        await Parallel.ForEachAsync(
            Enumerable.Range(0, Operations),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) =>
            {
                // The second half starts only after an invalidation, so at least one probe follows one.
                if (i >= Operations / 2)
                {
                    await firstInvalidation.Task.WaitAsync(token);
                }

                expected[User(i)] = await OperationAsync(under.Sessions, i, expected[User(i)], token);
                completed.Release();
            });
        await invalidator;

        Assert.Equal(Operations / InvalidateEvery, invalidations);
        Assert.InRange(under.Catalog.ProbeCount, 2, invalidations + 1);
        Assert.Empty(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent));

        var all = await under.Sessions.Select()
            .OrderBy(UserSession.Columns.UserId).OrderBy(UserSession.Columns.CreatedAt).OrderBy(UserSession.Columns.Id)
            .ToListAsync(ct);
        var want = expected.Values.SelectMany(rows => rows)
            .OrderBy(r => r.UserId.ToString("D"), StringComparer.Ordinal).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id.ToString("D"), StringComparer.Ordinal);
        Assert.Equal(SessionText.Describe(want), SessionText.Describe(all));
    }

    [Fact]
    public async Task Concurrent_first_callers_on_a_fresh_catalog_share_one_probe_and_so_do_callers_after_Invalidate()
    {
        const int Callers = 64;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        var user = Guid.NewGuid();
        var seeded = Enumerable.Range(0, 5).Select(i => SessionWork.NewRow(user, i)).ToList();
        await using (var seeding = CatalogUnderTest.Create(database.ConnectionString))
        {
            await seeding.Sessions.InsertManyAsync(seeded, ct);
            await seeding.Events.InsertAsync(new SessionEvent { Id = Guid.NewGuid(), SessionId = seeded[0].Id, Kind = "login", At = At }, ct);
        }

        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        for (var burst = 1; burst <= 2; burst++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var callers = Enumerable.Range(0, Callers).Select(i => CallAsync(i, start.Task)).ToList();
            start.SetResult();
            await Task.WhenAll(callers);

            // Both tables, all callers: one catalog query.
            Assert.Equal(burst, under.Catalog.ProbeCount);
            under.Catalog.Invalidate();
        }

        async Task CallAsync(int i, Task start)
        {
            await start;
            switch (i % 4)
            {
                case 0:
                    Assert.Equal(Missing, (await under.Sessions.GetCapabilitiesAsync(ct)).Missing.Select(c => c.Name));
                    break;
                case 1:
                    Assert.True((await under.Events.GetCapabilitiesAsync(ct)).IsComplete);
                    break;
                case 2:
                    var rows = await under.Sessions.Select().Where(UserSession.Columns.UserId.Eq(user) & UserSession.Columns.LogoutAt.IsNull())
                        .OrderBy(UserSession.Columns.CreatedAt).ToListAsync(ct);
                    Assert.Equal(SessionText.Describe(seeded), SessionText.Describe(rows));
                    break;
                default:
                    Assert.Equal(1, await under.Events.Select().Where(SessionEvent.Columns.SessionId.Eq(seeded[0].Id)).CountAsync(ct));
                    break;
            }
        }
    }

    [Fact]
    public async Task Concurrent_operations_that_meet_a_dropped_column_share_one_new_probe()
    {
        const int Rounds = 32;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await Sql.ExecuteAsync(Admin, SessionTableLevels.Recreate(SessionTableLevels.All) + SessionEvent.Create, ct);
        await using var under = CatalogUnderTest.Create(database.ConnectionString, CopyThreshold);
        await SessionWork.ConcurrentRoundsAsync(under.Sessions, [], 8, ct);
        Assert.Equal(1, under.Catalog.ProbeCount);

        await Sql.ExecuteAsync(Admin, "ALTER TABLE shared.user_sessions DROP COLUMN logout_at;", ct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rounds = Enumerable.Range(0, Rounds).Select(async i =>
        {
            await start.Task;
            await SessionWork.RoundAsync(under.Sessions, ["logout_at"], i % 2 == 0 ? 3 : 12, ct);
        }).ToList();
        start.SetResult();
        await Task.WhenAll(rounds);

        // Every caller started on the old answer; the failures dropped it once and shared the new probe.
        Assert.Equal(2, under.Catalog.ProbeCount);
        Assert.InRange(under.Log.WithEvent(RecordingLoggerFactory.RetryingEvent).Count, 1, Rounds);
    }

    [Fact]
    public async Task An_invalidation_while_a_probe_is_running_is_not_lost()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        await Sql.ExecuteAsync(Admin, SessionTableLevels.Recreate(OptionalColumns.None) + SessionEvent.Create, ct);
        SchemaCatalog? catalog = null;
        var fired = 0;

        // Npgsql logs a command's completion on the thread that ran it: for the probe, after the server has read the
        // catalog and before the catalog stores the answer. Right there, a migration commits and the service invalidates.
        var npgsqlLog = new RecordingLoggerFactory
        {
            OnLog = record =>
            {
                if (record.EventId == NpgsqlCommandCompleted && record.Message.Contains("to_regclass", StringComparison.Ordinal)
                    && Interlocked.Exchange(ref fired, 1) == 0)
                {
                    using var migrate = Admin.CreateCommand(SessionSchema.Migration015);
                    migrate.ExecuteNonQuery();
                    catalog!.Invalidate();
                }
            },
        };
        await using var under = CatalogUnderTest.Create(database.ConnectionString, configureDataSource: b => b.UseLoggerFactory(npgsqlLog));
        catalog = under.Catalog;

        // The probe that was running may answer either way: it began before the migration.
        await under.Sessions.GetCapabilitiesAsync(ct);
        Assert.Equal(1, Volatile.Read(ref fired));

        // This call began after Invalidate() returned, which was after the migration committed.
        var after = await under.Sessions.GetCapabilitiesAsync(ct);
        Assert.True(after.IsComplete, $"Invalidate() was called after migration 015 committed, yet the next call reads: {after}");
        Assert.Equal(2, under.Catalog.ProbeCount);
    }

    private static Guid User(int operation) => Guid.Parse($"bbbbbbbb-0000-4000-8000-{operation:D12}");

    private static UserSession Row(int operation, int index) => new()
    {
        Id = Guid.Parse($"cccccccc-{index:D4}-4000-8000-{operation:D12}"),
        UserId = User(operation),
        IpAddress = index == 1 ? null : $"10.2.{operation % 250}.{index}",
        CreatedAt = At.AddMinutes(operation).AddSeconds(index),
        ExpiresAt = index == 2 ? null : At.AddDays(1),
    };

    /// <summary>One operation of the mix, on the rows of its own user; returns that user's rows afterwards.</summary>
    private static async Task<List<UserSession>> OperationAsync(Table<UserSession> sessions, int i, List<UserSession> rows, CancellationToken ct)
    {
        var c = new { UserSession.Columns.Id, UserSession.Columns.UserId, UserSession.Columns.CreatedAt, UserSession.Columns.ExpiresAt, UserSession.Columns.IsActive, UserSession.Columns.UpdatedAt, UserSession.Columns.LogoutAt };
        var user = User(i);
        switch (i % 6)
        {
            case 0:
            {
                var row = Row(i, 10);
                var result = await sessions.InsertAsync(row, ct);
                Assert.Equal((1, SessionText.List(Missing)), (result.Rows, SessionText.Names(result)));
                Assert.Equal(SessionText.Describe(row), SessionText.Describe(await sessions.Select().Where(c.Id.Eq(row.Id)).FirstOrDefaultAsync(ct)));
                return [row];
            }

            case 1:
            {
                var many = Enumerable.Range(20, i % 12 == 1 ? CopyThreshold - 1 : CopyThreshold + 2).Select(j => Row(i, j)).ToList();
                var result = await sessions.InsertManyAsync(many, ct);
                Assert.Equal((many.Count, SessionText.List(Missing)), (result.Rows, SessionText.Names(result)));
                Assert.Equal(many.Count, await sessions.Select().Where(c.UserId.Eq(user) & c.IsActive.Eq(true)).CountAsync(ct));
                return many;
            }

            case 2:
            {
                var result = await sessions.Update()
                    .Set(c.IsActive, false)
                    .Set(c.LogoutAt, null)
                    .Set(c.ExpiresAt, At)
                    .Where(c.Id.Eq(rows[0].Id) & c.UpdatedAt.IsNull())
                    .ExecuteAsync(ct);
                Assert.Equal((1, "[logout_at]"), (result.Rows, SessionText.Names(result)));
                var updated = rows[0] with { IsActive = false, ExpiresAt = At };
                Assert.Equal(SessionText.Describe(updated), SessionText.Describe(await sessions.Select().Where(c.Id.Eq(rows[0].Id)).FirstOrDefaultAsync(ct)));
                return [updated, rows[1], rows[2]];
            }

            case 3:
            {
                var result = await sessions.Delete().Where(c.UserId.Eq(user) & c.IsActive.Eq(true) & c.LogoutAt.IsNull()).ExecuteAsync(ct);
                Assert.Equal(3, result.Rows);
                return [];
            }

            case 4:
            {
                var read = await sessions.Select().Where(c.UserId.Eq(user)).OrderBy(c.UpdatedAt, descending: true).OrderBy(c.CreatedAt, descending: true).Limit(2).ToListAsync(ct);
                Assert.Equal(SessionText.Describe([rows[2], rows[1]]), SessionText.Describe(read));
                return rows;
            }

            default:
            {
                Assert.Equal(3, await sessions.Select().Where(c.UserId.Eq(user) & c.UpdatedAt.IsNull() & !c.IsActive.Eq(false)).CountAsync(ct));
                var streamed = new List<UserSession>();
                await foreach (var row in sessions.Select().Where(c.UserId.Eq(user)).OrderBy(c.CreatedAt).AsAsyncEnumerable(ct))
                {
                    streamed.Add(row);
                }

                Assert.Equal(SessionText.Describe(rows), SessionText.Describe(streamed));
                return rows;
            }
        }
    }
}
