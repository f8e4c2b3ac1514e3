using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>
/// What the text around names does: strings, comments and dollar-quoted bodies never yield a name; quoting keeps
/// case and folding lowers it; parameters (and interpolation holes standing for tables) never crash a reading.
/// </summary>
public sealed class SqlTextResolutionTests
{
    public static TheoryData<string, string, string> Cases { get; } = new()
    {
        // A column's name inside a string, comment or dollar-quoted body is no reference.
        { "SELECT 'is_active' FROM t", "t", "" },
        { "SELECT id FROM t WHERE note = 'is_active = true'", "t", "id=t, note=t" },
        { "SELECT id FROM t -- is_active", "t", "id=t" },
        { "SELECT id -- , is_active\nFROM t", "t", "id=t" },
        { "SELECT id /* is_active */ FROM t", "t", "id=t" },
        { "SELECT id /* outer /* is_active */ still comment, logout_at */ FROM t", "t", "id=t" },
        { "SELECT $$is_active$$ FROM t", "t", "" },
        { "SELECT $body$ SELECT is_active FROM t $body$ FROM u", "u", "" },
        { "SELECT $a$ $b$ is_active $b$ $a$ FROM u", "u", "" },
        { "SELECT E'it\\'s is_active' FROM t", "t", "" },
        { "SELECT E'\\\\', is_active FROM t", "t", "is_active=t" },
        { "SELECT U&'is\\0061ctive' FROM t", "t", "" },
        { "SELECT N'is_active' FROM t", "t", "" },
        { "SELECT B'101', X'1F' FROM t", "t", "" },
        { "SELECT id FROM t WHERE x = 'a''b is_active'", "t", "id=t, x=t" },
        { "SELECT id FROM t; -- DELETE FROM u WHERE is_active", "t", "id=t" },
        { "SELECT id FROM t /* ; DELETE FROM u WHERE is_active */", "t", "id=t" },
        { "SELECT 'a;b' FROM t; SELECT c FROM u", "t ; u", " ; c=u" },
        { "SELECT a FROM t; SELECT b FROM u", "t ; u", "a=t ; b=u" },
        { "SELECT a FROM t;;; SELECT b FROM u;", "t ; u", "a=t ; b=u" },

        // Quoted names keep their case; unquoted ones fold to lower case.
        { "SELECT \"is_active\" FROM t", "t", "is_active=t" },
        { "SELECT \"Id\", \"UserName\" FROM \"Users\"", "Users", "Id=Users, UserName=Users" },
        { "SELECT id FROM Users", "users", "id=users" },
        { "SELECT ID FROM USERS", "users", "id=users" },
        { "SELECT \"ID\" FROM users", "users", "ID=users" },
        { "SELECT \"MixedCase\", mixedcase, MixedCase FROM \"T\"", "T", "MixedCase=T, mixedcase=T, mixedcase=T" },
        { "SELECT \"Shared\".\"T\".\"Col\" FROM \"Shared\".\"T\"", "Shared.T", "Shared.T.Col=Shared.T" },
        { "SELECT x.\"Col\" FROM \"Shared\".\"T\" AS \"X\"", "Shared.T X", "x.Col=?" },
        { "SELECT \"X\".\"Col\" FROM \"Shared\".\"T\" AS \"X\"", "Shared.T X", "X.Col=X" },
        { "SELECT U&\"d\\0061ta\" FROM t", "t", "data=t" },
        { "SELECT U&\"d!0061ta\" UESCAPE '!' FROM t", "t", "data=t" },
        { "SELECT \"a\"\"b\" FROM t", "t", "a\"b=t" },
        { "SELECT \"select\", \"from\" FROM \"order\"", "order", "select=order, from=order" },
        { "SELECT t.order, t.\"user\" FROM t", "t", "t.order=t, t.user=t" },
        { "SELECT séance, Über FROM t", "t", "séance=t, Über=t" },
        { "SELECT a$b FROM t", "t", "a$b=t" },

        // Parameters are values, and holes standing for names make an unknown table.
        { "SELECT id FROM t WHERE a = :a AND b = @b AND c = $1", "t", "id=t, a=t, b=t, c=t" },
        { "SELECT id FROM t WHERE a = @p::int AND b = :b::text AND c=@c", "t", "id=t, a=t, b=t, c=t" },
        { "SELECT @__hole0 FROM t", "t", "" },
        { "SELECT id, @__hole0 FROM t WHERE @__hole1 = 1", "t", "id=t" },
        { "SELECT t.@__hole0 FROM t", "t", "" },
        { "SELECT col_@__hole0 FROM t", "t", "" },
        { "SELECT id FROM @__hole0", "param:@__hole0", "id=@__hole0" },
        { "SELECT h.id FROM @__hole0 h", "param:@__hole0 h", "h.id=h" },
        { "SELECT id FROM shared.@__hole0", "param:shared.@__hole0", "id=shared.@__hole0" },
        { "SELECT id FROM sessions_@__hole0", "param:sessions_@__hole0", "id=sessions_@__hole0" },
        { "SELECT id FROM @__hole0.sessions", "sessions", "id=sessions" },
        { "SELECT @__hole0.sessions.id FROM @__hole0.sessions", "sessions", "@__hole0.sessions.id=sessions" },
        { "SELECT a.id FROM @__hole0 a JOIN users u ON u.id = a.user_id", "param:@__hole0 a, users u", "a.id=a, u.id=u, a.user_id=a" },
        { "UPDATE @__hole0 SET a = 1", "update param:@__hole0", "a=@__hole0" },
        { "INSERT INTO $1 (a) VALUES (1)", "insert param:$1", "a=$1" },
        { "DELETE FROM @__hole0 WHERE @__hole1", "delete param:@__hole0", "" },
        { "SELECT * FROM t WHERE id = @__hole0 ORDER BY @__hole1", "t", "*=t, id=t" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_tables_and_columns(string sql, string tables, string columns) => SqlCase.Check(sql, tables, columns);
}
