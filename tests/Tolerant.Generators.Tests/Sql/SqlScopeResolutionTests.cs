using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>Scopes: CTEs and the tables they hide, subqueries in FROM, correlated and LATERAL subqueries.</summary>
public sealed class SqlScopeResolutionTests
{
    public static TheoryData<string, string, string> Cases { get; } = new()
    {
        // CTEs.
        { "WITH recent AS (SELECT id, user_id FROM sessions WHERE created_at > now()) SELECT user_id FROM recent", "sessions, cte:recent", "id=sessions, user_id=sessions, created_at=sessions, user_id=recent" },
        { "WITH users AS (SELECT 1 AS id) SELECT id FROM users", "cte:users", "id=users" },
        { "WITH users AS (SELECT 1 AS id) SELECT u.id FROM users u JOIN shared.users s ON s.id = u.id", "cte:users u, shared.users s", "u.id=u, s.id=s, u.id=u" },
        { "WITH s AS (SELECT * FROM shared.user_sessions) SELECT s.ip FROM s", "shared.user_sessions, cte:s", "*=shared.user_sessions, s.ip=s" },
        { "WITH user_sessions AS (SELECT 1 AS x) SELECT ip FROM shared.user_sessions", "shared.user_sessions", "ip=shared.user_sessions" },
        { "WITH a AS (SELECT x FROM t1), b AS (SELECT x FROM a) SELECT x FROM b", "t1, cte:a, cte:b", "x=t1, x=a, x=b" },
        { "WITH t AS (SELECT id FROM t) SELECT id FROM t", "t, cte:t", "id=t, id=t" },
        { "WITH RECURSIVE tree AS (SELECT id, parent_id FROM nodes WHERE parent_id IS NULL UNION ALL SELECT n.id, n.parent_id FROM nodes n JOIN tree ON n.parent_id = tree.id) SELECT id FROM tree", "nodes, nodes n, cte:tree, cte:tree", "id=nodes, parent_id=nodes, parent_id=nodes, n.id=n, n.parent_id=n, n.parent_id=n, tree.id=tree, id=tree" },
        { "WITH RECURSIVE c(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c", "cte:c, cte:c", "n=c, n=c, n=c" },
        { "WITH x(a, b) AS (VALUES (1, 2)) SELECT a FROM x", "cte:x", "a=x" },
        { "WITH d AS (DELETE FROM sessions WHERE expires_at < now() RETURNING user_id) SELECT count(*) FROM d", "delete sessions, cte:d", "expires_at=sessions, user_id=sessions" },
        { "WITH m AS MATERIALIZED (SELECT id FROM t) SELECT id FROM m", "t, cte:m", "id=t, id=m" },
        { "WITH m AS NOT MATERIALIZED (SELECT id FROM t) SELECT id FROM m", "t, cte:m", "id=t, id=m" },
        { "WITH RECURSIVE r AS (SELECT id FROM t UNION SELECT t.id FROM t JOIN r ON t.parent = r.id) SEARCH DEPTH FIRST BY id SET ordercol SELECT id FROM r", "t, t, cte:r, cte:r", "id=t, t.id=t, t.parent=t, r.id=r, id=r" },
        { "WITH c AS (SELECT 1 AS v) SELECT (SELECT v FROM c) FROM t", "cte:c, t", "v=c>t" },
        { "WITH t AS (SELECT 1 AS a) SELECT * FROM u WHERE EXISTS (SELECT a FROM t)", "u, cte:t", "*=u, a=t>u" },
        { "SELECT * FROM (WITH x AS (SELECT id FROM t) SELECT id FROM x) q", "(query) q, t, cte:x", "*=q, id=t, id=x" },
        { "WITH a AS (SELECT 1 AS k) SELECT k FROM (SELECT k FROM a) s", "(query) s, cte:a", "k=s, k=a" },

        // Subqueries in FROM: their columns are their outputs.
        { "SELECT s.n FROM (SELECT user_id, count(*) AS n FROM sessions GROUP BY user_id) s", "(query) s, sessions", "s.n=s, user_id=sessions, user_id=sessions" },
        { "SELECT n FROM (SELECT user_id, count(*) FROM sessions GROUP BY user_id) AS s(uid, n)", "(query) s, sessions", "n=s, user_id=sessions, user_id=sessions" },
        { "SELECT v.a FROM (VALUES (1, 'x')) AS v(a, b)", "(values) v", "v.a=v" },
        { "SELECT * FROM a, (SELECT x FROM b) s", "a, (query) s, b", "*=a|s, x=b" },
        { "SELECT s.x FROM ((SELECT 1 AS x)) AS s", "(query) s", "s.x=s" },
        { "SELECT s.x FROM (SELECT x FROM t UNION SELECT y FROM u) s", "(query) s, t, u", "s.x=s, x=t, y=u" },
        { "SELECT * FROM t JOIN (SELECT id FROM u) AS v ON v.id = t.id", "t, (query) v, u", "*=t|v, id=u, v.id=v, t.id=t" },

        // Correlated subqueries see the enclosing query.
        { "SELECT u.id, (SELECT count(*) FROM sessions s WHERE s.user_id = u.id) AS n FROM users u", "sessions s, users u", "u.id=u, s.user_id=s, u.id=u" },
        { "SELECT id FROM users WHERE EXISTS (SELECT 1 FROM sessions WHERE user_id = id)", "users, sessions", "id=users, user_id=sessions>users, id=sessions>users" },
        { "SELECT (SELECT max(created_at) FROM sessions) FROM users", "sessions, users", "created_at=sessions>users" },
        { "SELECT name FROM users WHERE id IN (SELECT user_id FROM sessions WHERE is_active)", "users, sessions", "name=users, id=users, user_id=sessions>users, is_active=sessions>users" },
        { "SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.id = t.id)", "t, u", "a=t, u.id=u, t.id=t" },
        { "SELECT a FROM t1 WHERE a IN (SELECT b FROM t2 WHERE b IN (SELECT c FROM t3 WHERE c = a))", "t1, t2, t3", "a=t1, a=t1, b=t2>t1, b=t2>t1, c=t3>t2>t1, c=t3>t2>t1, a=t3>t2>t1" },
        { "SELECT id FROM t WHERE x > (SELECT avg(x) FROM t)", "t, t", "id=t, x=t, x=t>t" },
        { "SELECT ARRAY(SELECT tag FROM tags WHERE tags.post_id = p.id) FROM posts p", "tags, posts p", "tag=tags>p, tags.post_id=tags, p.id=p" },
        { "SELECT x FROM t WHERE ((SELECT max(y) FROM u) - z) > 0", "t, u", "x=t, y=u>t, z=t" },
        { "SELECT 1 FROM t a WHERE a.k = ANY (SELECT k FROM t b WHERE b.k = a.k)", "t a, t b", "a.k=a, k=b>a, b.k=b, a.k=a" },
        { "SELECT * FROM users u WHERE (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.ip = ip) > 1", "users u, sessions s", "*=u, s.user_id=s, u.id=u, s.ip=s, ip=s>u" },

        // LATERAL sees the items before it; a plain subquery in FROM does not.
        { "SELECT u.id, l.ip FROM users u CROSS JOIN LATERAL (SELECT ip FROM sessions s WHERE s.user_id = u.id ORDER BY created_at DESC LIMIT 1) l", "users u, (query) l, sessions s", "u.id=u, l.ip=l, ip=s>u, s.user_id=s, u.id=u, created_at=s>u" },
        { "SELECT * FROM users u, LATERAL (SELECT count(*) FROM sessions WHERE user_id = u.id) c", "users u, (query) c, sessions", "*=u|c, user_id=sessions>u, u.id=u" },
        { "SELECT * FROM users u, (SELECT count(*) FROM sessions WHERE user_id = u.id) c", "users u, (query) c, sessions", "*=u|c, user_id=sessions, u.id=?" },
        { "SELECT * FROM users u LEFT JOIN LATERAL jsonb_array_elements(u.roles) r ON true", "users u, fn:jsonb_array_elements r", "*=u|r, u.roles=u" },
        { "SELECT (SELECT x FROM (SELECT o.y AS x) d) FROM outer_table o", "(query) d, outer_table o", "x=d>o, o.y=o" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_tables_and_columns(string sql, string tables, string columns) => SqlCase.Check(sql, tables, columns);
}
