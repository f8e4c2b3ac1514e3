using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>INSERT, UPDATE, DELETE, MERGE, COPY and RETURNING; and statements the resolver leaves alone.</summary>
public sealed class SqlChangeResolutionTests
{
    public static TheoryData<string, string, string> Cases { get; } = new()
    {
        // INSERT: the column list is the target's; VALUES and the query see no table of the INSERT.
        { "INSERT INTO shared.user_sessions (id, user_id, ip) VALUES (@id, @user_id, @ip)", "insert shared.user_sessions", "id=shared.user_sessions, user_id=shared.user_sessions, ip=shared.user_sessions" },
        { "INSERT INTO t VALUES (1, 2)", "insert t", "" },
        { "INSERT INTO t DEFAULT VALUES", "insert t", "" },
        { "INSERT INTO t (a, b) SELECT x, y FROM u WHERE z", "insert t, u", "a=t, b=t, x=u, y=u, z=u" },
        { "INSERT INTO t (a) SELECT a FROM t WHERE b", "insert t, t", "a=t, a=t, b=t" },
        { "INSERT INTO t (a) (SELECT a FROM u)", "insert t, u", "a=t, a=u" },
        { "INSERT INTO t SELECT * FROM u", "insert t, u", "*=u" },
        { "INSERT INTO t (a) VALUES (x)", "insert t", "a=t, x=?" },
        { "INSERT INTO t (a) VALUES ((SELECT max(a) FROM u))", "insert t, u", "a=t, a=u" },
        { "INSERT INTO t (tags[1], addr.city) VALUES (1, 'x')", "insert t", "tags=t, addr=t" },
        { "INSERT INTO t (a) OVERRIDING SYSTEM VALUE VALUES (1)", "insert t", "a=t" },
        { "INSERT INTO t (a) WITH s AS (SELECT 1 AS a) SELECT a FROM s", "insert t, cte:s", "a=t, a=s" },
        { "WITH s AS (SELECT a FROM u) INSERT INTO t (a) SELECT a FROM s", "u, insert t, cte:s", "a=u, a=t, a=s" },
        { "INSERT INTO \"Audit\" (\"When\", \"Who\") VALUES (now(), current_user)", "insert Audit", "When=Audit, Who=Audit" },

        // ON CONFLICT sees the target, also as EXCLUDED.
        { "INSERT INTO t (id, v) VALUES (1, 2) ON CONFLICT DO NOTHING", "insert t", "id=t, v=t" },
        { "INSERT INTO t (id, v) VALUES (@id, @v) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v", "insert t", "id=t, v=t, id=t, v=t, excluded.v=t" },
        { "INSERT INTO t AS x (id, v) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET v = x.v + excluded.v WHERE x.locked = false RETURNING x.id", "insert t x", "id=x, v=x, id=x, v=x, x.v=x, excluded.v=x, x.locked=x, x.id=x" },
        { "INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING", "insert t", "a=t" },
        { "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) WHERE b > 0 DO UPDATE SET b = excluded.b, (c, d) = (excluded.c, 1)", "insert t", "a=t, b=t, a=t, b=t, b=t, excluded.b=t, c=t, d=t, excluded.c=t" },
        { "INSERT INTO t (a) VALUES (1) ON CONFLICT (lower(a) text_pattern_ops) DO UPDATE SET n = n + 1", "insert t", "a=t, a=t, n=t, n=t" },
        { "INSERT INTO t (a) SELECT a FROM u ON CONFLICT (a) DO NOTHING", "insert t, u", "a=t, a=u, a=t" },

        // RETURNING sees the target.
        { "INSERT INTO t (a) VALUES (1) RETURNING *", "insert t", "a=t, *=t" },
        { "INSERT INTO t (a) VALUES (1) RETURNING id, a AS b", "insert t", "a=t, id=t, a=t" },
        { "UPDATE t SET a = 1 RETURNING old.a, new.a", "update t", "a=t, old.a=t, new.a=t" },

        // UPDATE: SET targets are the target's; values see the target and FROM.
        { "UPDATE t SET a = 1", "update t", "a=t" },
        { "UPDATE t SET a = b + 1 WHERE c = 2", "update t", "a=t, b=t, c=t" },
        { "UPDATE t AS x SET a = x.b WHERE x.c", "update t x", "a=x, x.b=x, x.c=x" },
        { "UPDATE t x SET a = 1", "update t x", "a=x" },
        { "UPDATE t SET (a, b) = (1, 2)", "update t", "a=t, b=t" },
        { "UPDATE t SET (a, b) = ROW(b, a)", "update t", "a=t, b=t, b=t, a=t" },
        { "UPDATE t SET (a, b) = (SELECT x, y FROM u WHERE u.id = t.id)", "update t, u", "a=t, b=t, x=u>t, y=u>t, u.id=u, t.id=t" },
        { "UPDATE t SET a = u.a FROM u WHERE u.id = t.id", "update t, u", "a=t, u.a=u, u.id=u, t.id=t" },
        { "UPDATE t SET a = b FROM u WHERE t.id = u.id", "update t, u", "a=t, b=t|u, t.id=t, u.id=u" },
        { "UPDATE t SET a = DEFAULT, b = NULL, c = now()", "update t", "a=t, b=t, c=t" },
        { "UPDATE ONLY t SET a = 1 RETURNING a, b", "update t", "a=t, a=t, b=t" },
        { "UPDATE t SET a = 1 WHERE CURRENT OF c", "update t", "a=t" },
        { "UPDATE t SET tags[1] = 'x', addr.city = 'y'", "update t", "tags=t, addr=t" },
        { "UPDATE t SET a = 1 FROM u JOIN v ON v.id = u.vid WHERE t.uid = u.id", "update t, u, v", "a=t, v.id=v, u.vid=u, t.uid=t, u.id=u" },
        { "UPDATE t SET a = CASE WHEN b THEN 1 ELSE a END", "update t", "a=t, b=t, a=t" },
        { "UPDATE t SET \"Name\" = @n WHERE \"Id\" = @id", "update t", "Name=t, Id=t" },

        // DELETE: USING adds sources.
        { "DELETE FROM t WHERE a = 1", "delete t", "a=t" },
        { "DELETE FROM t x WHERE x.a = 1", "delete t x", "x.a=x" },
        { "DELETE FROM t USING u WHERE t.uid = u.id AND u.banned", "delete t, u", "t.uid=t, u.id=u, u.banned=u" },
        { "DELETE FROM t USING u WHERE uid = id", "delete t, u", "uid=t|u, id=t|u" },
        { "DELETE FROM t RETURNING *", "delete t", "*=t" },
        { "DELETE FROM ONLY t AS x RETURNING x.id", "delete t x", "x.id=x" },
        { "DELETE FROM t WHERE id IN (SELECT id FROM u WHERE u.t_id = t.id)", "delete t, u", "id=t, id=u>t, u.t_id=u, t.id=t" },
        { "DELETE FROM t WHERE CURRENT OF my_cursor", "delete t", "" },

        // MERGE.
        { "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)", "merge t, s", "t.id=t, s.id=s, v=t, s.v=s, id=t, v=t, s.id=s, s.v=s" },
        { "MERGE INTO t AS x USING (SELECT id, v FROM u) AS y ON x.id = y.id WHEN MATCHED AND y.v IS NULL THEN DELETE WHEN MATCHED THEN UPDATE SET v = y.v WHEN NOT MATCHED THEN DO NOTHING", "merge t x, (query) y, u", "id=u, v=u, x.id=x, y.id=y, y.v=y, v=x, y.v=y" },
        { "MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE", "merge t, s", "t.id=t, s.id=s" },
        { "MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT DEFAULT VALUES", "merge t, s", "t.id=t, s.id=s" },

        // COPY and EXPLAIN.
        { "COPY shared.user_sessions (id, ip) FROM STDIN (FORMAT BINARY)", "copy shared.user_sessions", "id=shared.user_sessions, ip=shared.user_sessions" },
        { "COPY (SELECT id FROM t) TO STDOUT", "t", "id=t" },
        { "COPY t TO STDOUT", "copy t", "" },
        { "EXPLAIN ANALYZE SELECT id FROM t", "t", "id=t" },
        { "EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET a = 1", "update t", "a=t" },

        // Statements that hold a query or name tables.
        { "PREPARE recent (uuid) AS SELECT ip FROM shared.user_sessions WHERE user_id = $1", "shared.user_sessions", "ip=shared.user_sessions, user_id=shared.user_sessions" },
        { "PREPARE stop AS UPDATE t SET a = false", "update t", "a=t" },
        { "DECLARE c NO SCROLL CURSOR WITH HOLD FOR SELECT a FROM t", "t", "a=t" },
        { "CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t WHERE b", "t", "a=t, b=t" },
        { "CREATE TEMP TABLE snap AS (SELECT a FROM t)", "t", "a=t" },
        { "CREATE FUNCTION f() RETURNS int AS $$ SELECT a FROM t $$ LANGUAGE sql", "", "" },
        { "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", "", "" },
        { "TRUNCATE TABLE ONLY a, shared.b * RESTART IDENTITY CASCADE", "delete a, delete shared.b", "" },

        // Statements the resolver does not read report nothing.
        { "CREATE TABLE t (id int, is_active boolean)", "", "" },
        { "ALTER TABLE shared.user_sessions ADD COLUMN is_active boolean DEFAULT true", "", "" },
        { "DO $$ BEGIN UPDATE t SET a = 1; END $$", "", "" },
        { "SET search_path = shared", "", "" },
        { "BEGIN; UPDATE t SET a = 1; COMMIT", " ; update t ; ", " ; a=t ; " },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_tables_and_columns(string sql, string tables, string columns) => SqlCase.Check(sql, tables, columns);
}
