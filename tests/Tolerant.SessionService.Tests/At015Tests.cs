using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SessionService.Tests;

/// <summary>Every endpoint on a database at migration 015: every column is stored and the audit trail records logins, logouts and revocations.</summary>
public sealed class At015Tests : IClassFixture<At015Fixture>, IAsyncLifetime
{
    private readonly At015Fixture _fixture;
    private readonly ServiceUnderTest _service;
    private readonly SessionApi _api;

    public At015Tests(At015Fixture fixture)
    {
        _fixture = fixture;
        _service = fixture.Service;
        _api = _service.Api;
    }

    public Task InitializeAsync() => _service.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Startup_applies_003_and_015_and_logs_nothing_about_missing_columns()
    {
        var logs = _fixture.StartupLogs;
        Assert.Equal(
            ["Applied migration 003_user_sessions.sql", "Applied migration 015_session_state.sql"],
            logs.Where(e => e.Message.StartsWith("Applied migration", StringComparison.Ordinal)).Select(e => e.Message));
        Assert.Single(logs, e => e.Message == "Migrations: 2 applied now, stopping at 015 (MIGRATE_TO); pending: none");
        Assert.DoesNotContain(logs, e => e.Message.Contains("is missing", StringComparison.Ordinal) || e.Message.Contains("does not exist", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Login_stores_every_column_and_a_login_event()
    {
        var user = Guid.NewGuid();

        var login = await _api.LoginAsync(user, tenant: "acme", ip: "203.0.113.5", userAgent: "Firefox/128");

        var now = _service.Clock.GetUtcNow();
        Assert.Equal(
            new SessionView(login.Session.Id, user, "203.0.113.5", "Firefox/128", "acme", now, now.AddHours(8), IsActive: true, UpdatedAt: null, LogoutAt: null),
            login.Session);
        Assert.Empty(login.LeftOut);
        Assert.True(login.Audited);
        Assert.Equal(
            (short)SessionEventKind.Login,
            await _service.ScalarAsync<short>("SELECT kind FROM shared.session_events WHERE session_id = $1 AND user_id = $2", login.Session.Id, user));
        Assert.Empty(_service.Logs.Warnings);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Login_takes_address_and_client_from_the_request_when_the_body_has_none()
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "/sessions")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userId = Guid.NewGuid() }),
        };
        request.Headers.UserAgent.ParseAdd("Curl/8.5");

        using var response = await _service.Client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var login = System.Text.Json.JsonSerializer.Deserialize<LoginResponse>(await response.Content.ReadAsStringAsync(), Json.Options)!;
        Assert.Equal("Curl/8.5", login.Session.UserAgent);
        Assert.Null(login.Session.TenantId);

        using var empty = await _service.Client.PostAsync(
            "/sessions", System.Net.Http.Json.JsonContent.Create(new { userId = Guid.Empty }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("userId is required", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_marks_the_session_inactive_with_its_logout_time_and_event()
    {
        var user = Guid.NewGuid();
        var first = await _api.LoginAsync(user);
        var second = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromMinutes(5));

        var logout = await _api.LogoutAsync(first.Session.Id);

        var now = _service.Clock.GetUtcNow();
        Assert.Equal(first.Session.Id, logout.SessionId);
        Assert.Equal(now, logout.LoggedOutAt);
        Assert.Empty(logout.LeftOut);
        Assert.True(logout.Audited);
        Assert.False(await _service.ScalarAsync<bool>("SELECT is_active FROM shared.user_sessions WHERE id = $1", first.Session.Id));
        Assert.Equal(now.UtcDateTime, await _service.ScalarAsync<DateTime>("SELECT logout_at FROM shared.user_sessions WHERE id = $1", first.Session.Id));
        Assert.Equal(now.UtcDateTime, await _service.ScalarAsync<DateTime>("SELECT updated_at FROM shared.user_sessions WHERE id = $1", first.Session.Id));
        Assert.Equal(
            "Login,Logout",
            await _service.ScalarAsync<string>(
                "SELECT string_agg(CASE kind WHEN 1 THEN 'Login' WHEN 2 THEN 'Logout' ELSE 'Revoked' END, ',' ORDER BY occurred_at, kind) FROM shared.session_events WHERE session_id = $1",
                first.Session.Id));
        Assert.Equal([second.Session.Id], (await _api.ActiveSessionsAsync(user)).Select(s => s.Id));
        await _api.LogoutNotFoundAsync(first.Session.Id);
        Assert.Empty(_service.Logs.Warnings);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task RevokeAll_marks_every_active_session_inactive_with_a_revocation_event_each()
    {
        var user = Guid.NewGuid();
        var a = await _api.LoginAsync(user);
        var b = await _api.LoginAsync(user);
        var ended = await _api.LoginAsync(user);
        await _api.LogoutAsync(ended.Session.Id);
        var other = await _api.LoginAsync(Guid.NewGuid());

        var revoked = await _api.RevokeAllAsync(user);

        Assert.Equal(2, revoked.Revoked);
        Assert.Empty(revoked.LeftOut);
        Assert.True(revoked.Audited);
        Assert.Equal(2L, await _service.ScalarAsync<long>(
            "SELECT count(*) FROM shared.session_events WHERE kind = 3 AND session_id = ANY($1)", new[] { a.Session.Id, b.Session.Id }));
        Assert.Equal(0L, await _service.ScalarAsync<long>(
            "SELECT count(*) FROM shared.user_sessions WHERE is_active AND user_id = $1", user));
        Assert.Empty(await _api.ActiveSessionsAsync(user));
        Assert.Equal([other.Session.Id], (await _api.ActiveSessionsAsync(other.Session.UserId)).Select(s => s.Id));
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Active_sessions_exclude_logged_out_and_expired_ones_newest_first()
    {
        var user = Guid.NewGuid();
        var oldest = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromHours(1));
        var middle = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromHours(1));
        var newest = await _api.LoginAsync(user);
        await _api.LogoutAsync(middle.Session.Id);

        Assert.Equal([newest.Session.Id, oldest.Session.Id], (await _api.ActiveSessionsAsync(user)).Select(s => s.Id));
        _service.Clock.Set(oldest.Session.ExpiresAt!.Value);
        Assert.Equal([newest.Session.Id], (await _api.ActiveSessionsAsync(user)).Select(s => s.Id));
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Stats_count_active_sessions_per_tenant()
    {
        await _api.LoginAsync(Guid.NewGuid(), tenant: "acme");
        await _api.LoginAsync(Guid.NewGuid(), tenant: "acme");
        await _api.LoginAsync(Guid.NewGuid(), tenant: "globex");
        await _api.LoginAsync(Guid.NewGuid(), tenant: null);
        var ended = await _api.LoginAsync(Guid.NewGuid(), tenant: "initech");
        await _api.LogoutAsync(ended.Session.Id);

        var stats = await _api.StatsAsync();

        Assert.Equal(4, stats.Active);
        Assert.Equal([new TenantCount("acme", 2), new TenantCount("globex", 1), new TenantCount(null, 1)], stats.ByTenant);
        Assert.True(stats.TenantKnown);
        Assert.Equal(1, stats.RecordedLogouts);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task History_shows_logout_times_and_audit_events_newest_first()
    {
        var user = Guid.NewGuid();
        var first = await _api.LoginAsync(user, tenant: "acme");
        _service.Clock.Advance(TimeSpan.FromMinutes(10));
        await _api.LogoutAsync(first.Session.Id);
        var loggedOutAt = _service.Clock.GetUtcNow();
        _service.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await _api.LoginAsync(user, tenant: "acme");
        _service.Clock.Advance(TimeSpan.FromMinutes(10));
        var third = await _api.LoginAsync(user, tenant: "globex");

        var page = await _api.HistoryAsync(user, page: 1, size: 2);

        Assert.True(page.AuditTrail);
        Assert.True(page.HasMore);
        Assert.Equal([third.Session.Id, second.Session.Id], page.Sessions.Select(s => s.SessionId));
        Assert.Equal("globex", page.Sessions[0].TenantId);
        Assert.All(page.Sessions, s => Assert.True(s.Active));
        Assert.All(page.Sessions, s => Assert.Equal([SessionEventKind.Login], s.Events.Select(e => e.Kind)));

        var rest = await _api.HistoryAsync(user, page: 2, size: 2);
        Assert.False(rest.HasMore);
        var ended = Assert.Single(rest.Sessions);
        Assert.Equal(first.Session.Id, ended.SessionId);
        Assert.False(ended.Active);
        Assert.Equal(loggedOutAt, ended.LogoutAt);
        Assert.Equal("logout_at", ended.LogoutFrom);
        Assert.Equal(
            [new AuditEntry(SessionEventKind.Login, first.Session.CreatedAt), new AuditEntry(SessionEventKind.Logout, loggedOutAt)],
            ended.Events);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Expire_stale_marks_sessions_whose_time_is_up_inactive()
    {
        var user = Guid.NewGuid();
        var early = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromHours(4));
        var late = await _api.LoginAsync(user);
        _service.Clock.Advance(TimeSpan.FromHours(5));

        var expired = await _api.ExpireStaleAsync();

        Assert.Equal(1, expired.Expired);
        Assert.Empty(expired.LeftOut);
        Assert.False(await _service.ScalarAsync<bool>("SELECT is_active FROM shared.user_sessions WHERE id = $1", early.Session.Id));
        Assert.Equal(
            _service.Clock.GetUtcNow().UtcDateTime,
            await _service.ScalarAsync<DateTime>("SELECT updated_at FROM shared.user_sessions WHERE id = $1", early.Session.Id));
        Assert.True(await _service.ScalarAsync<bool>("SELECT is_active FROM shared.user_sessions WHERE id = $1", late.Session.Id));
        Assert.Equal(0, (await _api.ExpireStaleAsync()).Expired);
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Cleanup_job_expires_and_purges_sessions_and_events_past_the_retention()
    {
        var old = await _api.LoginAsync(Guid.NewGuid());
        _service.Clock.Advance(TimeSpan.FromDays(31));
        var stale = await _api.LoginAsync(Guid.NewGuid());
        _service.Clock.Advance(TimeSpan.FromHours(9));

        var report = await _service.Job.RunOnceAsync(default);

        // Both are marked expired first; then the old one, ended before the retention, is deleted with its login event,
        // and the stale one is kept for the history.
        Assert.Equal(new CleanupReport(2, 1, 1, _service.Clock.GetUtcNow().AddDays(-30)), report);
        Assert.Equal(0L, await _service.ScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE id = $1", old.Session.Id));
        Assert.Equal(0L, await _service.ScalarAsync<long>("SELECT count(*) FROM shared.session_events WHERE session_id = $1", old.Session.Id));
        Assert.False(await _service.ScalarAsync<bool>("SELECT is_active FROM shared.user_sessions WHERE id = $1", stale.Session.Id));
        Assert.Equal(1L, await _service.ScalarAsync<long>("SELECT count(*) FROM shared.session_events WHERE session_id = $1", stale.Session.Id));
        Assert.Equal(report, _service.Job.LastReport);
        Assert.Equal(new CleanupReport(0, 0, 0, report.PurgedBefore), await _api.CleanupAsync());
        _service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Health_is_healthy_when_every_column_exists()
    {
        var health = await _api.HealthAsync();

        Assert.Equal("Healthy", health.Status);
        Assert.Equal("every mapped table and column exists", health.Description);
        Assert.Empty(health.Missing);
        Assert.Empty(health.AddedBy);
        Assert.Empty(health.Pending);
    }
}
