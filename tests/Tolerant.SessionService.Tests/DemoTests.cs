using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Tolerant.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace SessionService.Tests;

/// <summary>The demo that <c>./build.sh demo</c> runs, end to end, on the test run's PostgreSQL server.</summary>
public sealed class DemoTests(ITestOutputHelper log)
{
    [Fact]
    public async Task The_short_demo_walks_through_the_live_migration_without_error()
    {
        var (exitCode, transcript, lines) = await RunAsync(shortMode: true);

        Assert.True(exitCode == 0, transcript);
        Assert.Matches(new Regex(@"^  the service listens on http://127\.0\.0\.1:\d+ ", RegexOptions.Multiline), transcript);

        // 1. At 003: degraded mode logged once, logins leave the 015 columns out, health says what to run.
        Assert.Single(lines, l => l == "    [info] MigrationStartup: Migrations: 1 applied now, stopping at 003 (MIGRATE_TO); pending: 015_session_state.sql");
        Assert.Single(lines, l => l.Contains("[info] Tolerant.SchemaCatalog: shared.user_sessions is missing is_active, updated_at, logout_at, tenant_id (migration 015)", StringComparison.Ordinal));
        Assert.Contains(
            "  < 201 {\"session\":{\"id\":\"alice/laptop\",\"userId\":\"alice\",\"ip\":\"203.0.113.10\",\"userAgent\":\"Browser/1.0 (laptop)\",\"createdAt\":\"08:01\",\"expiresAt\":\"10:01\",\"isActive\":true},\"leftOut\":[\"is_active\",\"updated_at\",\"logout_at\",\"tenant_id\"],\"audited\":false}",
            lines);
        Assert.Contains("  < 200 {\"sessionId\":\"alice/phone\",\"loggedOutAt\":\"08:05\",\"leftOut\":[\"is_active\",\"logout_at\",\"updated_at\"],\"audited\":false}", lines);
        Assert.Contains("  < 200 {\"expired\":0,\"leftOut\":[\"is_active\",\"updated_at\"]}", lines);
        Assert.Contains("  < 200 {\"active\":1,\"byTenant\":[{\"active\":1}],\"tenantKnown\":false,\"recordedLogouts\":0}", lines);
        Assert.Contains(lines, l => l.StartsWith("  < 200 {\"status\":\"Degraded\"", StringComparison.Ordinal) && l.Contains("run migration 015", StringComparison.Ordinal));

        // 2. 015 applied while it runs: still Degraded until told, then Healthy and the new columns in use.
        Assert.Contains("    [info] deploy: Applied migration 015_session_state.sql", lines);
        Assert.Contains("  < 200 {\"userSessions\":\"shared.user_sessions has all 10 mapped columns\",\"sessionEvents\":\"shared.session_events has all 6 mapped columns\",\"catalogProbes\":2}", lines);
        Assert.Contains("  < 200 {\"status\":\"Healthy\",\"description\":\"every mapped table and column exists\",\"missing\":[],\"addedBy\":[],\"pending\":[]}", lines);
        Assert.Contains(lines, l => l.StartsWith("  < 201 {\"session\":{\"id\":\"alice/tablet\"", StringComparison.Ordinal)
            && l.Contains("\"tenantId\":\"acme\"", StringComparison.Ordinal)
            && l.EndsWith("\"isActive\":true},\"leftOut\":[],\"audited\":true}", StringComparison.Ordinal));
        Assert.Contains("  < 200 {\"userId\":\"dave\",\"revoked\":1,\"leftOut\":[],\"audited\":true}", lines);

        // 3. logout_at dropped under it: the login is retried, the logout time comes from the audit trail.
        Assert.Contains(lines, l => l.Contains("[info] UserSessionService: The schema of shared.user_sessions changed under a transaction (logout_at is gone)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"logoutFrom\":\"session_events\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  < 200 {\"status\":\"Degraded\"", StringComparison.Ordinal) && l.Contains("\"missing\":[\"shared.user_sessions.logout_at\"]", StringComparison.Ordinal));

        Assert.Contains("  log: 0 errors, 5 warnings", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  sessions stored: (\d+) of \1 logins \(none lost\)$"));
        Assert.Contains("  calls: 31, unexpected answers: 0", lines);
        Assert.Contains("  demo: ok", lines);
        Assert.DoesNotContain(lines, l => l.Contains("[FAIL]", StringComparison.Ordinal) || l.Contains("[CRIT]", StringComparison.Ordinal) || l.StartsWith("  !!", StringComparison.Ordinal));
        Assert.Equal("Dropped the demo database.", lines[^1]);
    }

    [Fact]
    public async Task The_full_demo_also_shows_the_sql_at_each_level_and_pages_the_history()
    {
        var (exitCode, transcript, lines) = await RunAsync(shortMode: false);

        Assert.True(exitCode == 0, transcript);
        Assert.Contains(lines, l => l.Contains("true::boolean AS \"is_active\"", StringComparison.Ordinal) && l.Contains("NULL::text AS \"tenant_id\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"is_active\", \"updated_at\", \"logout_at\", \"tenant_id\" FROM \"shared\".\"user_sessions\"", StringComparison.Ordinal));
        Assert.Contains("  > GET /users/alice/history?page=2&size=2", lines);
        Assert.Contains("  < 200 {\"active\":2,\"byTenant\":[{\"tenant\":\"acme\",\"active\":1},{\"tenant\":\"globex\",\"active\":1}],\"tenantKnown\":true,\"recordedLogouts\":1}", lines);
        Assert.Contains("  log: 0 errors, 5 warnings", lines);
        Assert.Contains("  demo: ok", lines);
    }

    private async Task<(int ExitCode, string Transcript, string[] Lines)> RunAsync(bool shortMode)
    {
        var server = await SharedPostgresServer.GetAsync();
        using var output = new StringWriter();
        var exitCode = await LiveMigrationDemo.RunAsync(output, new DemoOptions { Short = shortMode, Server = server }, default);
        var transcript = output.ToString();
        log.WriteLine(transcript);
        return (exitCode, transcript, transcript.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray());
    }
}
