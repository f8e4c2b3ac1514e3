using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>
/// The queries of the session service that started Tolerant, on <c>shared.user_sessions</c> (id, user_id, ip,
/// created_at, expires_at from migration 003; is_active, updated_at, logout_at from 015). In the expectations
/// <c>US</c> stands for <c>shared.user_sessions</c>.
/// </summary>
public sealed class SqlSessionServiceQueryTests
{
    public static TheoryData<string, string, string> Cases { get; } = new()
    {
        { "SELECT id, user_id, ip, created_at, expires_at FROM shared.user_sessions WHERE id = @id", "US", "id=US, user_id=US, ip=US, created_at=US, expires_at=US, id=US" },
        { "SELECT id, user_id, ip, created_at, expires_at, is_active, updated_at, logout_at FROM shared.user_sessions WHERE user_id = @userId AND is_active ORDER BY created_at DESC", "US", "id=US, user_id=US, ip=US, created_at=US, expires_at=US, is_active=US, updated_at=US, logout_at=US, user_id=US, is_active=US, created_at=US" },
        { "UPDATE shared.user_sessions SET is_active = false, logout_at = now(), updated_at = now() WHERE id = @id AND is_active = true", "update US", "is_active=US, logout_at=US, updated_at=US, id=US, is_active=US" },
        { "UPDATE shared.user_sessions SET is_active = false, updated_at = now() WHERE expires_at < now() AND is_active", "update US", "is_active=US, updated_at=US, expires_at=US, is_active=US" },
        { "DELETE FROM shared.user_sessions WHERE expires_at < now() - interval '30 days'", "delete US", "expires_at=US" },
        { "DELETE FROM shared.user_sessions WHERE logout_at IS NOT NULL AND logout_at < now() - @retention::interval", "delete US", "logout_at=US, logout_at=US" },
        { "INSERT INTO shared.user_sessions (id, user_id, ip, created_at, expires_at) VALUES (@id, @userId, @ip::inet, now(), now() + interval '8 hours') RETURNING id, created_at", "insert US", "id=US, user_id=US, ip=US, created_at=US, expires_at=US, id=US, created_at=US" },
        { "INSERT INTO shared.user_sessions (id, user_id, ip, created_at, expires_at, is_active) VALUES ($1, $2, $3, $4, $5, true) ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at, is_active = true, updated_at = now()", "insert US", "id=US, user_id=US, ip=US, created_at=US, expires_at=US, is_active=US, id=US, expires_at=US, excluded.expires_at=US, is_active=US, updated_at=US" },
        { "SELECT count(*) FROM shared.user_sessions WHERE user_id = @userId AND is_active AND expires_at > now()", "US", "user_id=US, is_active=US, expires_at=US" },
        { "SELECT s.user_id, count(*) FILTER (WHERE s.is_active) AS active, max(s.updated_at) AS last_seen FROM shared.user_sessions s GROUP BY s.user_id HAVING count(*) > 5", "US s", "s.user_id=s, s.is_active=s, s.updated_at=s, s.user_id=s" },
        { "SELECT u.email, s.ip FROM shared.users u JOIN shared.user_sessions s ON s.user_id = u.id WHERE s.is_active AND u.is_active", "shared.users u, US s", "u.email=u, s.ip=s, s.user_id=s, u.id=u, s.is_active=s, u.is_active=u" },
        { "SELECT s.id FROM shared.user_sessions AS s WHERE s.created_at >= @from AND s.created_at < @to AND coalesce(s.is_active, true)", "US s", "s.id=s, s.created_at=s, s.created_at=s, s.is_active=s" },
        { "WITH expired AS (UPDATE shared.user_sessions SET is_active = false, logout_at = now() WHERE expires_at < now() AND is_active RETURNING id, user_id) SELECT user_id, count(*) FROM expired GROUP BY user_id", "update US, cte:expired", "is_active=US, logout_at=US, expires_at=US, is_active=US, id=US, user_id=US, user_id=expired, user_id=expired" },
        { "SELECT id FROM shared.user_sessions WHERE user_id = ANY(@userIds) AND (logout_at IS NULL OR logout_at > now())", "US", "id=US, user_id=US, logout_at=US, logout_at=US" },
        { "UPDATE shared.user_sessions SET expires_at = now() + interval '1 hour', updated_at = now() WHERE id = @id RETURNING expires_at", "update US", "expires_at=US, updated_at=US, id=US, expires_at=US" },
        { "SELECT ip, count(DISTINCT user_id) FROM shared.user_sessions WHERE created_at > now() - interval '1 day' GROUP BY ip ORDER BY 2 DESC LIMIT 10", "US", "ip=US, user_id=US, created_at=US, ip=US" },
        { "SELECT s.* FROM shared.user_sessions s WHERE s.user_id = @userId ORDER BY s.created_at DESC LIMIT 1", "US s", "s.*=s, s.user_id=s, s.created_at=s" },
        { "DELETE FROM shared.user_sessions s USING shared.users u WHERE s.user_id = u.id AND u.deleted_at IS NOT NULL RETURNING s.id", "delete US s, shared.users u", "s.user_id=s, u.id=u, u.deleted_at=u, s.id=s" },
        { "SELECT EXISTS (SELECT 1 FROM shared.user_sessions WHERE id = @id AND is_active AND expires_at > now())", "US", "id=US, is_active=US, expires_at=US" },
        { "SELECT id, CASE WHEN logout_at IS NOT NULL THEN 'logged out' WHEN expires_at < now() THEN 'expired' ELSE 'active' END AS status FROM shared.user_sessions", "US", "id=US, logout_at=US, expires_at=US" },
        { "UPDATE shared.user_sessions AS s SET is_active = false, logout_at = @now FROM shared.users u WHERE u.id = s.user_id AND u.locked", "update US s, shared.users u", "is_active=s, logout_at=s, u.id=u, s.user_id=s, u.locked=u" },
        { "SELECT date_trunc('hour', created_at) AS hour, count(*) FROM shared.user_sessions GROUP BY hour ORDER BY hour", "US", "created_at=US" },
        { "SELECT id FROM shared.user_sessions WHERE ip << inet '10.0.0.0/8'", "US", "id=US, ip=US" },
        { "SELECT user_id FROM shared.user_sessions GROUP BY user_id HAVING bool_or(is_active) = false", "US", "user_id=US, user_id=US, is_active=US" },
        { "SELECT id, updated_at FROM shared.user_sessions WHERE updated_at IS DISTINCT FROM created_at", "US", "id=US, updated_at=US, updated_at=US, created_at=US" },
        { "SELECT s.id FROM shared.user_sessions s WHERE NOT s.is_active AND s.logout_at > s.created_at", "US s", "s.id=s, s.is_active=s, s.logout_at=s, s.created_at=s" },
        { "MERGE INTO shared.user_sessions s USING (VALUES (@id, @expires)) AS v(id, expires_at) ON s.id = v.id WHEN MATCHED THEN UPDATE SET expires_at = v.expires_at, updated_at = now() WHEN NOT MATCHED THEN INSERT (id, expires_at) VALUES (v.id, v.expires_at)", "merge US s, (values) v", "s.id=s, v.id=v, expires_at=s, v.expires_at=v, updated_at=s, id=s, expires_at=s, v.id=v, v.expires_at=v" },
        { "SELECT id FROM shared.user_sessions WHERE extract(epoch FROM (expires_at - created_at)) > 3600", "US", "id=US, expires_at=US, created_at=US" },
        { "SELECT \"id\", \"is_active\" FROM \"shared\".\"user_sessions\" WHERE \"user_id\" = @u", "US", "id=US, is_active=US, user_id=US" },
        { "select ID, Is_Active from Shared.User_Sessions where User_Id = @u", "US", "id=US, is_active=US, user_id=US" },
        { "SELECT id FROM shared.user_sessions WHERE created_at::date = current_date", "US", "id=US, created_at=US" },
        { "UPDATE shared.user_sessions SET is_active = @active WHERE id = @id AND updated_at = @expected", "update US", "is_active=US, id=US, updated_at=US" },
        { "SELECT (SELECT count(*) FROM shared.user_sessions x WHERE x.user_id = s.user_id AND x.is_active) AS siblings FROM shared.user_sessions s WHERE s.id = @id", "US x, US s", "x.user_id=x, s.user_id=s, x.is_active=x, s.id=s" },
        { "SELECT id FROM shared.user_sessions WHERE is_active ORDER BY updated_at DESC NULLS LAST, created_at LIMIT @n", "US", "id=US, is_active=US, updated_at=US, created_at=US" },
        { "SELECT json_build_object('id', id, 'active', is_active) FROM shared.user_sessions", "US", "id=US, is_active=US" },
        { "SELECT id FROM shared.user_sessions WHERE (user_id, ip) IN (SELECT user_id, ip FROM shared.blocked)", "US, shared.blocked", "id=US, user_id=US, ip=US, user_id=shared.blocked>US, ip=shared.blocked>US" },
        { "SELECT id FROM shared.user_sessions WHERE expires_at BETWEEN now() AND now() + interval '5 minutes'", "US", "id=US, expires_at=US" },
        { "SELECT id, logout_at AT TIME ZONE 'UTC' AS logout_utc FROM shared.user_sessions", "US", "id=US, logout_at=US" },
        { "SELECT id FROM shared.user_sessions WHERE ip::text LIKE '10.%' AND NOT is_active", "US", "id=US, ip=US, is_active=US" },
        { "SELECT id FROM shared.user_sessions WHERE expires_at < now() FOR UPDATE SKIP LOCKED LIMIT 100", "US", "id=US, expires_at=US" },
        { "UPDATE shared.user_sessions SET logout_at = coalesce(logout_at, now()), is_active = false WHERE user_id = @u", "update US", "logout_at=US, logout_at=US, is_active=US, user_id=US" },
        { "SELECT is_active FROM shared.user_sessions WHERE note = 'is_active' -- is_active\n/* updated_at */", "US", "is_active=US, note=US" },
        { "SELECT s.id FROM shared.user_sessions s WHERE s.user_id IN (SELECT u.id FROM shared.users u WHERE u.is_active)", "US s, shared.users u", "s.id=s, s.user_id=s, u.id=u, u.is_active=u" },
        { "SELECT id FROM shared.user_sessions WHERE is_active = @active\n  AND updated_at > @since\nORDER BY updated_at", "US", "id=US, is_active=US, updated_at=US, updated_at=US" },
        { "DELETE FROM shared.user_sessions WHERE id IN (SELECT id FROM shared.user_sessions WHERE expires_at < now() ORDER BY expires_at LIMIT 1000)", "delete US, US", "id=US, id=US>US, expires_at=US>US, expires_at=US>US" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_tables_and_columns(string sql, string tables, string columns) =>
        SqlCase.Check(sql, Expand(tables), Expand(columns));

    private static string Expand(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\bUS\b", "shared.user_sessions");
}
