using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SessionService.Tests;

/// <summary>
/// The schema changes under the running service: migration 015 is applied from outside while it serves, and later a
/// contract migration drops logout_at. Every call keeps answering, nothing is lost, and nothing is logged at Error.
/// Each test has its own database, since each changes its schema.
/// </summary>
public sealed class LiveMigrationTests
{
    [Fact]
    public async Task Migration_015_under_the_running_service_keeps_every_session_and_turns_health_healthy_once_told()
    {
        await using var service = await ServiceUnderTest.StartAsync(migrateTo: "003");
        var api = service.Api;
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();

        // At 003.
        var aliceOld = await api.LoginAsync(alice, tenant: "acme");
        var bobOld = await api.LoginAsync(bob, tenant: "acme");
        service.Clock.Advance(TimeSpan.FromMinutes(5));
        await api.LogoutAsync(bobOld.Session.Id);
        Assert.Equal("Degraded", (await api.HealthAsync()).Status);
        Assert.Equal(
            ["left out tenant_id", "left out is_active", "left out logout_at", "left out updated_at"],
            service.Logs.Warnings.Select(w => w.Message[w.Message.IndexOf("left out", StringComparison.Ordinal)..].Split(',')[0]));

        // 015 is applied from outside; the service has not been told yet and goes on as at 003.
        Assert.Equal(["015"], (await service.MigrateAsync()).Select(m => m.Version));
        Assert.Equal(
            ["id", "user_id", "ip", "user_agent", "created_at", "expires_at", "is_active", "updated_at", "logout_at", "tenant_id"],
            await service.ColumnsOfAsync("shared.user_sessions"));
        var stale = await api.HealthAsync();
        Assert.Equal("Degraded", stale.Status);
        Assert.Empty(stale.Pending);
        Assert.Contains("if it ran after the service last looked, POST /admin/schema/refresh", stale.Description, StringComparison.Ordinal);
        var carol = await api.LoginAsync(Guid.NewGuid(), tenant: "globex");
        Assert.Contains("tenant_id", carol.LeftOut);

        // Told, it sees every column at once.
        var refreshed = await api.RefreshSchemaAsync();
        Assert.Equal("shared.user_sessions has all 10 mapped columns", refreshed.UserSessions);
        Assert.Equal("shared.session_events has all 6 mapped columns", refreshed.SessionEvents);
        var health = await api.HealthAsync();
        Assert.Equal("Healthy", health.Status);
        Assert.Empty(health.Missing);

        // Nothing from before is lost: the 003 sessions read is_active = true (the column's default) and no tenant.
        var history = await api.HistoryAsync(alice, 1, 10);
        var kept = Assert.Single(history.Sessions);
        Assert.Equal(aliceOld.Session.Id, kept.SessionId);
        Assert.True(kept.Active);
        Assert.Null(kept.TenantId);
        Assert.Empty(kept.Events);
        Assert.True(history.AuditTrail);
        Assert.Equal([aliceOld.Session.Id], (await api.ActiveSessionsAsync(alice)).Select(s => s.Id));

        // The same calls now use the new columns.
        var aliceNew = await api.LoginAsync(alice, tenant: "acme");
        Assert.Empty(aliceNew.LeftOut);
        Assert.True(aliceNew.Audited);
        Assert.Equal("acme", aliceNew.Session.TenantId);
        service.Clock.Advance(TimeSpan.FromMinutes(5));
        var logout = await api.LogoutAsync(aliceNew.Session.Id);
        Assert.Empty(logout.LeftOut);
        Assert.True(logout.Audited);
        var stats = await api.StatsAsync();
        Assert.True(stats.TenantKnown);
        Assert.Equal(2, stats.Active); // alice's and carol's sessions from before the refresh: neither tenant was stored
        Assert.Equal([new TenantCount(null, 2)], stats.ByTenant);
        Assert.Equal(1, stats.RecordedLogouts);
        var newest = (await api.HistoryAsync(alice, 1, 1)).Sessions.Single();
        Assert.Equal((aliceNew.Session.Id, "logout_at", logout.LoggedOutAt), (newest.SessionId, newest.LogoutFrom, newest.LogoutAt));
        Assert.Equal([SessionEventKind.Login, SessionEventKind.Logout], newest.Events.Select(e => e.Kind));

        // Bob's 003 logout set only expires_at; at 015 the cleanup can mark it inactive too.
        Assert.True(await service.ScalarAsync<bool>("SELECT is_active FROM shared.user_sessions WHERE id = $1", bobOld.Session.Id));
        Assert.Equal(1, (await api.ExpireStaleAsync()).Expired);
        Assert.False(await service.ScalarAsync<bool>("SELECT is_active FROM shared.user_sessions WHERE id = $1", bobOld.Session.Id));

        Assert.Equal(4L, await service.ScalarAsync<long>("SELECT count(*) FROM shared.user_sessions"));
        Assert.Single(service.Logs.At(LogLevel.Information, "shared.user_sessions has all its mapped columns now"));
        service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Dropping_logout_at_under_the_running_service_loses_no_call_and_no_logout_time()
    {
        await using var service = await ServiceUnderTest.StartAsync(migrateTo: null);
        var api = service.Api;
        var user = Guid.NewGuid();

        // Every statement is prepared with logout_at before it goes.
        var before = await api.LoginAsync(user, tenant: "acme");
        await api.ActiveSessionsAsync(user);
        await api.HistoryAsync(user, 1, 10);
        await api.StatsAsync();
        service.Clock.Advance(TimeSpan.FromMinutes(1));
        await api.LogoutAsync((await api.LoginAsync(user)).Session.Id);
        Assert.Equal("Healthy", (await api.HealthAsync()).Status);

        Assert.True(await service.DropLogoutAtAsync());
        service.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain("logout_at", await service.ColumnsOfAsync("shared.user_sessions"));

        // The first call after the drop is a login: its insert fails inside the transaction, which runs once more.
        var login = await api.LoginAsync(user, tenant: "acme");
        Assert.Equal(["logout_at"], login.LeftOut);
        Assert.True(login.Audited);
        Assert.Single(service.Logs.At(LogLevel.Information, "The schema of shared.user_sessions changed under a transaction (logout_at is gone)"));
        Assert.Single(service.Logs.At(LogLevel.Information, "shared.user_sessions is missing logout_at (migration 015)"));

        service.Clock.Advance(TimeSpan.FromMinutes(3));
        var logout = await api.LogoutAsync(login.Session.Id);
        Assert.Equal(["logout_at"], logout.LeftOut);
        Assert.True(logout.Audited);
        Assert.Single(service.Logs.At(LogLevel.Warning, "left out logout_at"));

        // The logout time is not lost: the audit trail has it.
        var history = await api.HistoryAsync(user, 1, 10);
        Assert.Equal(3, history.Sessions.Count);
        Assert.All(history.Sessions.Take(2), ended =>
        {
            // Both logouts, from before the drop and after it, are known from their audit events now.
            Assert.NotNull(ended.LogoutAt);
            Assert.Equal("session_events", ended.LogoutFrom);
        });
        Assert.Equal(login.Session.Id, history.Sessions[0].SessionId);
        Assert.Equal(logout.LoggedOutAt, history.Sessions[0].LogoutAt);
        Assert.Equal(before.Session.Id, history.Sessions[2].SessionId);
        Assert.Null(history.Sessions[2].LogoutAt);
        Assert.Equal([before.Session.Id], (await api.ActiveSessionsAsync(user)).Select(s => s.Id));
        var stats = await api.StatsAsync();
        Assert.Equal(1, stats.Active);
        Assert.Equal(0, stats.RecordedLogouts); // the column that held them is gone
        Assert.Equal(1, (await api.RevokeAllAsync(user)).Revoked);
        Assert.Equal(0, (await api.ExpireStaleAsync()).Expired);
        Assert.Equal(0, (await api.CleanupAsync()).PurgedSessions);

        var health = await api.HealthAsync();
        Assert.Equal("Degraded", health.Status);
        Assert.Equal(["shared.user_sessions.logout_at"], health.Missing);
        Assert.Equal(["015"], health.AddedBy);
        Assert.Empty(health.Pending);
        Assert.Contains("otherwise a later migration removed what it added", health.Description, StringComparison.Ordinal);

        Assert.Equal(3L, await service.ScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE user_id = $1", user));
        service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task A_read_is_the_first_call_after_the_drop_and_is_retried_by_the_runtime()
    {
        await using var service = await ServiceUnderTest.StartAsync(migrateTo: null);
        var api = service.Api;
        var user = Guid.NewGuid();
        var login = await api.LoginAsync(user);
        await api.ActiveSessionsAsync(user);

        await service.DropLogoutAtAsync();

        Assert.Equal([login.Session.Id], (await api.ActiveSessionsAsync(user)).Select(s => s.Id));
        Assert.Single(service.Logs.At(LogLevel.Information, "failed because the schema changed (42703); retrying once"));
        Assert.Equal(1, (await api.StatsAsync()).Active);
        service.Logs.AssertNoErrors();
    }
}
