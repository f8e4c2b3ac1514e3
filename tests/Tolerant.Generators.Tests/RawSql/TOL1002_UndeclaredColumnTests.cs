using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Tolerant.Generators.Diagnostics;
using Xunit;
using static Tolerant.Generators.Tests.RawSql.RawSqlVerifier;

namespace Tolerant.Generators.Tests.RawSql;

/// <summary>
/// TOL1002: raw SQL names a column that the mapped table does not declare. A typo on a mapped table fires whatever
/// guards surround it; names on unmapped tables, CTEs, subqueries, aliases and PostgreSQL's own names do not.
/// </summary>
public sealed class TOL1002_UndeclaredColumnTests
{
    private static DiagnosticResult Undeclared(int location, string column, string table = "shared.user_sessions", string type = "UserSession") =>
        Diagnostic(DiagnosticIds.UndeclaredColumn).WithLocation(location).WithArguments(column, table, type);

    [Fact]
    public Task Typo_of_a_mapped_column_fires_on_the_name() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT id FROM shared.user_sessions WHERE {|#0:is_actve|}");
            """,
            Undeclared(0, "is_actve"));

    [Fact]
    public Task Message_names_the_column_the_table_and_the_type() =>
        new RawSqlVerifier.Test
        {
            TestCode = InMethod("""connection.Execute("SELECT {|#0:usr_id|} FROM shared.user_sessions");"""),
            ExpectedDiagnostics =
            {
                Diagnostic(DiagnosticIds.UndeclaredColumn)
                    .WithLocation(0)
                    .WithMessage("Raw SQL names column \"usr_id\", which shared.user_sessions does not declare; fix the name or map the column on UserSession"),
            },
        }.RunAsync();

    /// <summary>Statements that send <c>SQL</c>; <c>SQL</c> is replaced by a literal with a typo.</summary>
    public static TheoryData<string> Sinks { get; } = new()
    {
        "using var command = new NpgsqlCommand(SQL, connection);",
        "using var command = new NpgsqlCommand { CommandText = SQL };",
        "var batchCommand = new NpgsqlBatchCommand(SQL);",
        "using var command = db.CreateCommand(SQL);",
        "var ids = await connection.QueryAsync<Guid>(SQL);",
        "var count = connection.ExecuteScalar<long>(SQL);",
        "var definition = new CommandDefinition(SQL);",
    };

    [Theory]
    [MemberData(nameof(Sinks))]
    public Task Typo_fires_at_every_sink(string sink) =>
        VerifyBodyAsync(
            sink.Replace("SQL", "\"SELECT id FROM shared.user_sessions WHERE {|#0:expires|} < now()\""),
            Undeclared(0, "expires"));

    [Fact]
    public Task A_guard_does_not_excuse_a_typo() =>
        VerifyBodyAsync(
            """
            if (caps.IsComplete && caps.Has(UserSession.Columns.IsActive))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:isactive|} = false WHERE is_active");
            }
            """,
            Undeclared(0, "isactive"));

    [Fact]
    public Task Typo_in_every_clause_fires() =>
        VerifyBodyAsync(
            """
            connection.Execute("INSERT INTO shared.user_sessions (id, {|#0:userid|}) VALUES (@id, @u) ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.{|#1:expiry|} RETURNING {|#2:created|}");
            connection.Execute("SELECT s.{|#3:ip_addr|} FROM shared.user_sessions s ORDER BY s.{|#4:create_at|}");
            connection.Execute("DELETE FROM shared.user_sessions WHERE {|#5:expired|}");
            """,
            Undeclared(0, "userid"),
            Undeclared(1, "expiry"),
            Undeclared(2, "created"),
            Undeclared(3, "ip_addr"),
            Undeclared(4, "create_at"),
            Undeclared(5, "expired"));

    [Fact]
    public Task Typo_on_a_second_mapped_table_names_that_table() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT u.{|#0:mail|} FROM shared.users u JOIN shared.user_sessions s ON s.user_id = u.id");
            """,
            Undeclared(0, "mail", "shared.users", "User"));

    [Fact]
    public Task Property_name_instead_of_column_name_and_an_ignored_property_fire() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT {|#0:ip_address|}, {|#1:display|}, ip FROM shared.user_sessions");
            """,
            Undeclared(0, "ip_address"),
            Undeclared(1, "display"));

    [Fact]
    public Task Quoted_name_in_another_case_is_another_column() =>
        VerifyBodyAsync(
            """"
            connection.Execute("""SELECT {|#0:"IS_ACTIVE"|}, {|#1:"Id"|} FROM shared.user_sessions""");
            """",
            Undeclared(0, "IS_ACTIVE"),
            Undeclared(1, "Id"));

    [Fact]
    public Task Typo_in_concatenated_or_interpolated_sql_fires_on_the_expression() =>
        VerifyBodyAsync(
            """
            connection.Execute({|#0:"SELECT id FROM shared.user_sessions " + "WHERE usr_id = @u"|});
            connection.Execute({|#1:$"SELECT id FROM shared.user_sessions WHERE usr_id = {filter}"|});
            """,
            Undeclared(0, "usr_id"),
            Undeclared(1, "usr_id"));

    [Theory]
    [InlineData("SELECT id FROM audit.logins WHERE is_actve")]
    [InlineData("SELECT l.is_actve FROM shared.user_sessions s JOIN audit.logins l ON l.session_id = s.id")]
    [InlineData("SELECT is_actve FROM shared.user_sessions s JOIN audit.logins l ON l.session_id = s.id")]
    [InlineData("SELECT is_actve FROM archive.user_sessions")]
    [InlineData("WITH recent AS (SELECT id, created_at AS since FROM shared.user_sessions) SELECT since FROM recent")]
    [InlineData("WITH user_sessions AS (SELECT 1 AS anything) SELECT anything FROM user_sessions")]
    [InlineData("SELECT x.total FROM (SELECT count(*) AS total FROM shared.user_sessions) x")]
    [InlineData("SELECT v.n FROM (VALUES (1), (2)) AS v(n)")]
    [InlineData("SELECT date_trunc('hour', created_at) AS hour, count(*) FROM shared.user_sessions GROUP BY hour ORDER BY hour")]
    [InlineData("SELECT id FROM shared.user_sessions WHERE expires_at < current_timestamp AND user_id <> @u AND ip <> $1 AND created_at > localtimestamp")]
    [InlineData("SELECT id, 'usr_id', $$usr_id$$ FROM shared.user_sessions -- usr_id")]
    [InlineData("SELECT usr_id(id), count(*) FROM shared.user_sessions GROUP BY 1")]
    [InlineData("SELECT id FROM shared.user_sessions WHERE user_id = ANY(@ids) AND ip::text LIKE '10.%'")]
    public Task Names_that_are_not_a_column_of_a_mapped_table_do_not_fire(string sql) =>
        VerifyBodyAsync($"connection.Execute(\"{sql}\");");

    [Fact]
    public Task System_columns_are_declared_by_every_table() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT ctid, xmin, tableoid FROM shared.user_sessions WHERE id = @id");
            """);

    [Fact]
    public Task Whole_row_reference_through_an_alias_is_not_a_column() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT row_to_json(s) FROM shared.user_sessions s WHERE s.id = @id");
            """);

    [Fact]
    public Task Ambiguous_unqualified_typo_beside_an_unmapped_table_does_not_fire_but_a_qualified_one_does() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT usr_id, s.{|#0:usr_id|} FROM shared.user_sessions s, audit.logins l");
            """,
            Undeclared(0, "usr_id"));
}
