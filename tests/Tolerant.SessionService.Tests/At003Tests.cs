using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SessionService.Tests;

/// <summary>
/// Every endpoint on a database at migration 003: the optional columns and the audit table do not exist, so they read
/// as their defaults, writes leave them out and say so, and nothing fails.
/// </summary>
public sealed class At003Tests : IClassFixture<At003Fixture>, IAsyncLifetime
{
    private static readonly string[] Missing015Columns = ["is_active", "updated_at", "logout_at", "tenant_id"];

    private readonly At003Fixture _fixture;
    private readonly ServiceUnderTest _service;
    private readonly SessionApi _api;

    public At003Tests(At003Fixture fixture)
    {
        _fixture = fixture;
        _service = fixture.Service;
        _api = _service.Api;
    }

    public Task InitializeAsync() => _service.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Startup_applies_003_only_and_logs_degraded_mode_once_at_information()
    {
        var logs = _fixture.StartupLogs;
        Assert.Single(logs, e => e.Level == LogLevel.Information && e.Message == "Applied migration 003_user_sessions.sql");
        Assert.Single(logs, e => e.Level == LogLevel.Information
            && e.Message == "Migrations: 1 applied now, stopping at 003 (MIGRATE_TO); pending: 015_session_state.sql");
        Assert.Single(logs, e => e.Level == LogLevel.Information
            && e.Message == "shared.user_sessions is missing is_active, updated_at, logout_at, tenant_id (migration 015): reading declared defaults, writes leave them out");
        Assert.Single(logs, e => e.Level == LogLevel.Information
            && e.Message == "shared.session_events does not exist (optional table): reads are empty, writes are skipped");
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Login_stores_the_session_and_reports_the_columns_003_lacks()
    {
        var user = Guid.NewGuid();

        var login = await _api.LoginAsync(user, tenant: "acme", ip: "203.0.113.5", userAgent: "Firefox/128");

        var now = _service.Clock.GetUtcNow();
        Assert.Equal(user, login.Session.UserId);
        Assert.Equal("203.0.113.5", login.Session.Ip);
        Assert.Equal("Firefox/128", login.Session.UserAgent);
        Assert.Equal(now, login.Session.CreatedAt);
        Assert.Equal(now.AddHours(8), login.Session.ExpiresAt);
        Assert.True(login.Session.IsActive);
        Assert.Null(login.Session.TenantId); // 003 cannot keep it, and the answer is read back from the database
        Assert.Null(login.Session.UpdatedAt);
        Assert.Null(login.Session.LogoutAt);
        Assert.Equal(Missing015Columns, login.LeftOut);
        Assert.False(login.Audited);

        Assert.Equal(1L, await _service.ScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE id = $1 AND user_id = $2", login.Session.Id, user));
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Logout_ends_the_session_through_expires_at()
    {
        var user = Guid.NewGuid();
        var first = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromMinutes(5));

        var logout = await _api.LogoutAsync(first.Session.Id);

        var now = _service.Clock.GetUtcNow();
        Assert.Equal(first.Session.Id, logout.SessionId);
        Assert.Equal(now, logout.LoggedOutAt);
        Assert.Equal(["is_active", "logout_at", "updated_at"], logout.LeftOut);
        Assert.False(logout.Audited);
        Assert.Equal(now.UtcDateTime, await _service.ScalarAsync<DateTime>("SELECT expires_at FROM shared.user_sessions WHERE id = $1", first.Session.Id));
        Assert.Equal([second.Session.Id], (await _api.ActiveSessionsAsync(user)).Select(s => s.Id));
        Assert.Contains("is not an active session", (await _api.LogoutNotFoundAsync(first.Session.Id)).Error, StringComparison.Ordinal);
        Assert.Contains("is not an active session", (await _api.LogoutNotFoundAsync(Guid.NewGuid())).Error, StringComparison.Ordinal);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task RevokeAll_ends_every_active_session_of_the_user_and_no_other()
    {
        var user = Guid.NewGuid();
        var other = Guid.NewGuid();
        await _api.LoginAsync(user);
        await _api.LoginAsync(user);
        var kept = await _api.LoginAsync(other);

        var revoked = await _api.RevokeAllAsync(user);

        Assert.Equal(user, revoked.UserId);
        Assert.Equal(2, revoked.Revoked);
        Assert.Equal(["is_active", "updated_at"], revoked.LeftOut);
        Assert.False(revoked.Audited);
        Assert.Empty(await _api.ActiveSessionsAsync(user));
        Assert.Equal([kept.Session.Id], (await _api.ActiveSessionsAsync(other)).Select(s => s.Id));
        Assert.Equal(0, (await _api.RevokeAllAsync(user)).Revoked);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Active_sessions_are_the_unexpired_ones_newest_first()
    {
        var user = Guid.NewGuid();
        var older = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await _api.LoginAsync(user);

        var both = await _api.ActiveSessionsAsync(user);
        Assert.Equal([newer.Session.Id, older.Session.Id], both.Select(s => s.Id));
        Assert.All(both, s => Assert.True(s.IsActive));

        _service.Clock.Set(older.Session.ExpiresAt!.Value);
        Assert.Equal([newer.Session.Id], (await _api.ActiveSessionsAsync(user)).Select(s => s.Id));
        Assert.Empty(await _api.ActiveSessionsAsync(Guid.NewGuid()));
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Stats_count_every_active_session_under_an_unknown_tenant()
    {
        await _api.LoginAsync(Guid.NewGuid(), tenant: "acme");
        await _api.LoginAsync(Guid.NewGuid(), tenant: "acme");
        var ended = await _api.LoginAsync(Guid.NewGuid(), tenant: "globex");
        await _api.LogoutAsync(ended.Session.Id);

        var stats = await _api.StatsAsync();

        Assert.Equal(2, stats.Active);
        Assert.Equal([new TenantCount(null, 2)], stats.ByTenant);
        Assert.False(stats.TenantKnown);
        Assert.Equal(0, stats.RecordedLogouts);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task History_pages_newest_first_without_logout_times_or_audit_events()
    {
        var user = Guid.NewGuid();
        var sessions = new Guid[5];
        for (var i = 0; i < sessions.Length; i++)
        {
            sessions[i] = (await _api.LoginAsync(user)).Session.Id;
            _service.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await _api.LogoutAsync(sessions[3]);
        await _api.LoginAsync(Guid.NewGuid());

        var first = await _api.HistoryAsync(user, page: 1, size: 2);
        Assert.Equal([sessions[4], sessions[3]], first.Sessions.Select(s => s.SessionId));
        Assert.True(first.HasMore);
        Assert.False(first.AuditTrail);
        Assert.Equal((1, 2), (first.Page, first.Size));
        var loggedOut = first.Sessions[1];
        Assert.False(loggedOut.Active);
        Assert.Null(loggedOut.LogoutAt); // 003 has no logout_at and no audit trail: the time is not known
        Assert.Null(loggedOut.LogoutFrom);
        Assert.Empty(loggedOut.Events);
        Assert.True(first.Sessions[0].Active);

        var second = await _api.HistoryAsync(user, page: 2, size: 2);
        Assert.Equal([sessions[2], sessions[1]], second.Sessions.Select(s => s.SessionId));
        Assert.True(second.HasMore);
        var last = await _api.HistoryAsync(user, page: 3, size: 2);
        Assert.Equal([sessions[0]], last.Sessions.Select(s => s.SessionId));
        Assert.False(last.HasMore);
        Assert.Empty((await _api.HistoryAsync(user, page: 4, size: 2)).Sessions);

        using var badSize = await _api.HistoryRawAsync(user, "?page=1&size=0");
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        using var badPage = await _api.HistoryRawAsync(user, "?page=0&size=10");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        using var farPage = await _api.HistoryRawAsync(user, "?page=1001&size=100");
        Assert.Equal(HttpStatusCode.BadRequest, farPage.StatusCode);
        Assert.Contains("page must be between 1 and 1000", await farPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var defaults = await _api.HistoryRawAsync(user, string.Empty);
        Assert.Equal(HttpStatusCode.OK, defaults.StatusCode);
        Assert.Contains("\"size\":20", await defaults.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Expire_stale_sends_nothing_before_015_and_the_session_is_over_all_the_same()
    {
        var user = Guid.NewGuid();
        await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromHours(9));

        var expired = await _api.ExpireStaleAsync();

        Assert.Equal(0, expired.Expired);
        Assert.Equal(["is_active", "updated_at"], expired.LeftOut);
        Assert.Empty(await _api.ActiveSessionsAsync(user));
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Cleanup_job_purges_sessions_ended_before_the_retention()
    {
        var old = await _api.LoginAsync(Guid.NewGuid());
        _service.Clock.Advance(TimeSpan.FromDays(31));
        var recent = await _api.LoginAsync(Guid.NewGuid());

        var report = await _service.Job.RunOnceAsync(default);

        Assert.Equal(new CleanupReport(0, 1, 0, _service.Clock.GetUtcNow().AddDays(-30)), report);
        Assert.Equal(0L, await _service.ScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE id = $1", old.Session.Id));
        Assert.Equal(1L, await _service.ScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE id = $1", recent.Session.Id));
        Assert.Equal(new CleanupReport(0, 0, 0, _service.Clock.GetUtcNow().AddDays(-30)), await _api.CleanupAsync());
        Assert.Single(_service.Logs.At(LogLevel.Information, "Cleanup: 0 sessions marked expired; 1 sessions and 0 audit events"));
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Health_is_degraded_naming_the_missing_columns_and_migration_015()
    {
        var health = await _api.HealthAsync();

        Assert.Equal("Degraded", health.Status);
        Assert.Equal(
            [
                "shared.user_sessions.is_active", "shared.user_sessions.updated_at", "shared.user_sessions.logout_at",
                "shared.user_sessions.tenant_id", "shared.session_events",
            ],
            health.Missing);
        Assert.Equal(["015"], health.AddedBy);
        Assert.Equal(["015"], health.Pending);
        Assert.Equal(
            "shared.user_sessions is missing is_active, updated_at, logout_at, tenant_id (migration 015): reading declared defaults, writes leave them out; "
            + "shared.session_events does not exist (optional table): reads are empty, writes are skipped; run migration 015",
            health.Description);
        Assert.DoesNotContain(_service.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Degraded_mode_is_not_logged_again_per_call()
    {
        var user = Guid.NewGuid();
        var login = await _api.LoginAsync(user);
        await _api.ActiveSessionsAsync(user);
        await _api.StatsAsync();
        await _api.HistoryAsync(user, 1, 10);
        await _api.LogoutAsync(login.Session.Id);
        await _api.HealthAsync();

        Assert.Empty(_service.Logs.At(LogLevel.Information, "is missing"));
        Assert.Empty(_service.Logs.At(LogLevel.Information, "does not exist"));
        _service.Logs.AssertNoErrors();
    }
}
