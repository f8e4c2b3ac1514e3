using System;
using System.Linq;
using System.Threading.Tasks;
using Tolerant.Tests.Models;
using Tolerant.Tests.Postgres;
using Xunit;

namespace Tolerant.Tests.Runtime;

/// <summary>The session table at migration 003 and at 015: every operation works at both, as the one rule says.</summary>
public sealed class SessionTableSmokeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => SessionSchema.ExecuteAsync(database.DataSource, SessionSchema.Drop + SessionSchema.Migration003);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_operation_works_before_and_after_migration_015()
    {
        var catalog = new SchemaCatalog(database.DataSource);
        var sessions = catalog.Table<UserSession>();
        var caps = await sessions.GetCapabilitiesAsync();
        Assert.True(caps.TableExists);
        Assert.Equal(["is_active", "updated_at", "logout_at"], caps.Missing.Select(c => c.Name));
        Assert.Equal(
            "shared.user_sessions is missing is_active, updated_at, logout_at (migration 015): reading declared defaults, writes leave them out",
            caps.ToString());

        var user = Guid.NewGuid();
        var first = new UserSession { Id = Guid.NewGuid(), UserId = user, IpAddress = "10.0.0.1", CreatedAt = Now, IsActive = true };
        var inserted = await sessions.InsertAsync(first);
        Assert.Equal(1, inserted.Rows);
        Assert.Equal(["is_active", "updated_at", "logout_at"], inserted.Skipped.Select(c => c.Name));

        var read = await sessions.Select().Where(UserSession.Columns.Id.Eq(first.Id)).FirstOrDefaultAsync();
        Assert.Equal(first, read);

        var active = await sessions.Select()
            .Where(UserSession.Columns.UserId.Eq(user) & UserSession.Columns.IsActive.Eq(true))
            .OrderBy(UserSession.Columns.UpdatedAt, descending: true)
            .ToListAsync();
        Assert.Single(active);

        var logout = await sessions.Update()
            .Set(UserSession.Columns.IsActive, false)
            .Set(UserSession.Columns.LogoutAt, Now)
            .Where(UserSession.Columns.Id.Eq(first.Id))
            .ExecuteAsync();
        Assert.Equal(0, logout.Rows);
        Assert.Equal(["is_active", "logout_at"], logout.Skipped.Select(c => c.Name));

        Assert.Equal(1, await sessions.Select().Where(UserSession.Columns.IsActive.Eq(true)).CountAsync());

        await SessionSchema.ExecuteAsync(database.DataSource, SessionSchema.Migration015);
        catalog.Invalidate();
        caps = await sessions.GetCapabilitiesAsync();
        Assert.True(caps.IsComplete);

        logout = await sessions.Update()
            .Set(UserSession.Columns.IsActive, false)
            .Set(UserSession.Columns.LogoutAt, Now)
            .Where(UserSession.Columns.Id.Eq(first.Id))
            .ExecuteAsync();
        Assert.Equal(1, logout.Rows);
        Assert.Empty(logout.Skipped);
        Assert.Equal(0, await sessions.Select().Where(UserSession.Columns.IsActive.Eq(true)).CountAsync());
        var loggedOut = await sessions.Select().Where(UserSession.Columns.Id.In(first.Id, Guid.NewGuid())).ToListAsync();
        Assert.Equal(first with { IsActive = false, LogoutAt = Now }, Assert.Single(loggedOut));

        var many = Enumerable.Range(0, 100).Select(i => first with { Id = Guid.NewGuid(), CreatedAt = Now.AddMinutes(i) }).ToList();
        Assert.Equal(100, (await sessions.InsertManyAsync(many)).Rows);
        Assert.Equal(5, (await sessions.InsertManyAsync(many.Take(5).Select(s => s with { Id = Guid.NewGuid() }))).Rows);
        var streamed = 0;
        await foreach (var _ in sessions.Select().Where(UserSession.Columns.UserId.Eq(user)).AsAsyncEnumerable())
        {
            streamed++;
        }

        Assert.Equal(106, streamed);
        var deleted = await sessions.Delete().Where(UserSession.Columns.UserId.Eq(user)).ExecuteAsync();
        Assert.Equal(106, deleted.Rows);
        Assert.Equal(2, catalog.ProbeCount);
    }
}
