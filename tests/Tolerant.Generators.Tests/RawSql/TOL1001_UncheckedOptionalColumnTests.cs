using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Tolerant.Generators.Diagnostics;
using Xunit;
using static Tolerant.Generators.Tests.RawSql.RawSqlVerifier;

namespace Tolerant.Generators.Tests.RawSql;

/// <summary>
/// TOL1001: raw SQL names an optional column without a capability check. Each sink, guard form and string form is
/// shown firing where it is unguarded and silent where it is guarded; the false positives the rule must not produce
/// sit beside them.
/// </summary>
public sealed class TOL1001_UncheckedOptionalColumnTests
{
    private const string Sql = "\"SELECT id FROM shared.user_sessions WHERE {|#0:is_active|}\"";
    private const string PlainSql = "\"SELECT id FROM shared.user_sessions WHERE is_active\"";

    // ---------------------------------------------------------------- sinks

    /// <summary>Statements that send <c>SQL</c> to PostgreSQL; <c>SQL</c> is replaced by a literal naming is_active.</summary>
    public static TheoryData<string> Sinks { get; } = new()
    {
        "using var command = new NpgsqlCommand(SQL);",
        "using var command = new NpgsqlCommand(SQL, connection);",
        "using var command = new NpgsqlCommand(connection: connection, cmdText: SQL);",
        "using var command = new NpgsqlCommand();\ncommand.CommandText = SQL;",
        "using var command = connection.CreateCommand();\ncommand.CommandText = SQL;",
        "using var command = new NpgsqlCommand { Connection = connection, CommandText = SQL };",
        "var batchCommand = new NpgsqlBatchCommand(SQL);",
        "var batchCommand = new NpgsqlBatchCommand();\nbatchCommand.CommandText = SQL;",
        "var batchCommand = new NpgsqlBatchCommand { CommandText = SQL };",
        "using var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(SQL) } };",
        "using var command = db.CreateCommand(SQL);",
        "var ids = connection.Query<Guid>(SQL);",
        "var rows = connection.Query(SQL, new { id = Guid.Empty });",
        "var ids = await connection.QueryAsync<Guid>(SQL);",
        "var first = await connection.QueryFirstOrDefaultAsync<Guid>(SQL, new { id = Guid.Empty });",
        "var ids = SqlMapper.Query<Guid>(connection, SQL);",
        "var count = connection.Execute(SQL);",
        "var count = await connection.ExecuteAsync(SQL, new { id = Guid.Empty });",
        "var count = connection.ExecuteScalar<long>(SQL);",
        "var count = await connection.ExecuteScalarAsync<long>(sql: SQL);",
        "using var reader = connection.ExecuteReader(SQL);",
        "var definition = new CommandDefinition(SQL);",
        "var ids = await connection.QueryAsync<Guid>(new CommandDefinition(SQL, new { id = Guid.Empty }));",
    };

    [Theory]
    [MemberData(nameof(Sinks))]
    public Task Unguarded_sink_fires_on_the_column_inside_the_literal(string sink) =>
        VerifyBodyAsync(sink.Replace("SQL", Sql), UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Theory]
    [MemberData(nameof(Sinks))]
    public Task Guarded_sink_does_not_fire(string sink) =>
        VerifyBodyAsync(
            "if (caps.Has(UserSession.Columns.IsActive))\n{\n" + sink.Replace("SQL", PlainSql) + "\n}");

    [Theory]
    [InlineData("PostgreSQL")]
    [InlineData("postgresql")]
    [InlineData("Sql")]
    public Task StringSyntax_parameter_and_property_are_sinks(string syntax) =>
        VerifyAsync(
            Usings + $$"""


            namespace App;

            public sealed class Query
            {
                public Query([StringSyntax("{{syntax}}")] string text) => Text = text;

                [StringSyntax("{{syntax}}")] public string Text { get; set; }

                public static int Run([StringSyntax("{{syntax}}")] string sql) => sql.Length;
            }

            public static class Queries
            {
                public static void Use()
                {
                    Query.Run("SELECT id FROM shared.user_sessions WHERE {|#0:is_active|}");
                    var query = new Query("SELECT id FROM shared.user_sessions WHERE {|#1:is_active|}");
                    query.Text = "SELECT id FROM shared.user_sessions WHERE {|#2:is_active|}";
                    _ = new Query("SELECT 1") { Text = "SELECT id FROM shared.user_sessions WHERE {|#3:is_active|}" };
                }
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "is_active", "IsActive"),
            UncheckedSessionColumn(2, "is_active", "IsActive"),
            UncheckedSessionColumn(3, "is_active", "IsActive"));

    [Fact]
    public Task StringSyntax_indexer_and_constructor_initializer_arguments_are_sinks() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public class Query
            {
                public Query([StringSyntax("PostgreSQL")] string text) => Text = text;

                public string Text { get; }

                public int this[[StringSyntax("PostgreSQL")] string sql] => sql.Length;
            }

            public sealed class ActiveSessions : Query
            {
                public ActiveSessions()
                    : base("SELECT id FROM shared.user_sessions WHERE {|#0:is_active|}")
                {
                }
            }

            public static class Queries
            {
                public static int Use(Query query) => query["SELECT id FROM shared.user_sessions WHERE {|#1:is_active|}"];
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "is_active", "IsActive"));

    [Fact]
    public Task StringSyntax_sinks_are_guarded_like_any_other() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public sealed class Query
            {
                [StringSyntax("PostgreSQL")] public string Text { get; set; } = "";

                public static int Run([StringSyntax("Sql")] string sql) => sql.Length;
            }

            public static class Queries
            {
                public static void Use(TableCapabilities<UserSession> caps)
                {
                    if (!caps.Has(UserSession.Columns.IsActive))
                    {
                        return;
                    }

                    Query.Run("SELECT id FROM shared.user_sessions WHERE is_active");
                    _ = new Query { Text = "SELECT id FROM shared.user_sessions WHERE is_active" };
                }
            }
            """);

    [Fact]
    public Task Strings_that_reach_no_sink_do_not_fire() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public static class Queries
            {
                private const string Text = "SELECT id FROM shared.user_sessions WHERE is_active";

                public static int Execute(string sql) => sql.Length;

                public static int Json([StringSyntax(StringSyntaxAttribute.Json)] string json) => json.Length;

                public static void Use()
                {
                    Console.WriteLine("SELECT id FROM shared.user_sessions WHERE is_active");
                    Execute("SELECT id FROM shared.user_sessions WHERE is_active");
                    Json("SELECT id FROM shared.user_sessions WHERE is_active");
                    var text = Text;
                    _ = text;
                }
            }
            """);

    // ---------------------------------------------------------------- guard forms

    [Fact]
    public Task True_branch_of_Has_does_not_fire_and_code_after_the_if_does() =>
        VerifyBodyAsync(
            """
            if (caps.Has(UserSession.Columns.IsActive))
            {
                using var guarded = db.CreateCommand("SELECT id FROM shared.user_sessions WHERE is_active");
            }

            if (caps.Has(UserSession.Columns.IsActive))
                connection.Execute("UPDATE shared.user_sessions SET is_active = false");

            using var after = db.CreateCommand("SELECT id FROM shared.user_sessions WHERE {|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Else_branch_of_Has_fires() =>
        VerifyBodyAsync(
            """
            if (caps.Has(UserSession.Columns.IsActive))
            {
                connection.Execute("UPDATE shared.user_sessions SET is_active = false");
            }
            else
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Inside_an_and_chain_does_not_fire() =>
        VerifyBodyAsync(
            """
            if (filter.Length > 0 && caps.TableExists && (caps.Has(UserSession.Columns.IsActive) && batches.Length > 0))
            {
                connection.Execute("UPDATE shared.user_sessions SET is_active = false");
            }
            """);

    [Fact]
    public Task Inside_an_or_chain_fires() =>
        VerifyBodyAsync(
            """
            if (filter.Length > 0 || caps.Has(UserSession.Columns.IsActive))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Else_branch_of_negated_Has_does_not_fire_and_its_true_branch_does() =>
        VerifyBodyAsync(
            """
            if (!caps.Has(UserSession.Columns.IsActive))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            }
            else
            {
                connection.Execute("UPDATE shared.user_sessions SET is_active = false");
            }

            if (!caps.Has(UserSession.Columns.LogoutAt))
            {
                Console.WriteLine("no logouts before migration 015");
            }
            else if (filter.Length > 0)
            {
                connection.Execute("UPDATE shared.user_sessions SET logout_at = now()");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Theory]
    [InlineData("return;")]
    [InlineData("throw new InvalidOperationException(\"before migration 015\");")]
    [InlineData("{\n    Console.WriteLine(\"skipped\");\n    return;\n}")]
    public Task After_an_early_exit_does_not_fire(string exit) =>
        VerifyBodyAsync(
            "if (!caps.Has(UserSession.Columns.IsActive))\n" + (exit.StartsWith('{') ? string.Empty : "    ") + exit + "\n\n" +
            "using var command = db.CreateCommand(\"SELECT id FROM shared.user_sessions WHERE is_active\");");

    [Fact]
    public Task After_continue_and_break_in_a_loop_does_not_fire() =>
        VerifyBodyAsync(
            """
            foreach (var size in batches)
            {
                if (!caps.Has(UserSession.Columns.IsActive))
                    continue;

                connection.Execute("UPDATE shared.user_sessions SET is_active = false WHERE id = @id", new { id = size });
            }

            while (batches.Length > 0)
            {
                if (!caps.Has(UserSession.Columns.LogoutAt))
                {
                    break;
                }

                connection.Execute("UPDATE shared.user_sessions SET logout_at = now()");
            }
            """);

    [Fact]
    public Task Before_the_early_exit_fires() =>
        VerifyBodyAsync(
            """
            connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            if (!caps.Has(UserSession.Columns.IsActive))
                return;
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task An_exit_that_does_not_always_leave_is_not_a_guard() =>
        VerifyBodyAsync(
            """
            if (!caps.Has(UserSession.Columns.IsActive))
            {
                if (filter.Length > 0)
                    return;
            }

            if (!caps.Has(UserSession.Columns.IsActive))
                Console.WriteLine("missing");

            connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task After_an_or_of_negated_checks_every_column_is_guarded() =>
        VerifyBodyAsync(
            """
            if (!caps.Has(UserSession.Columns.IsActive) || !caps.Has(UserSession.Columns.LogoutAt))
                return;

            connection.Execute("UPDATE shared.user_sessions SET is_active = false, logout_at = now() WHERE is_active");
            """);

    [Fact]
    public Task After_an_early_exit_for_one_column_the_other_still_fires() =>
        VerifyBodyAsync(
            """
            if (!caps.Has(UserSession.Columns.IsActive))
                return;

            connection.Execute("UPDATE shared.user_sessions SET is_active = false, {|#0:logout_at|} = now(), {|#1:updated_at|} = now() WHERE is_active");
            """,
            UncheckedSessionColumn(0, "logout_at", "LogoutAt"),
            UncheckedSessionColumn(1, "updated_at", "UpdatedAt"));

    [Fact]
    public Task Or_of_two_checks_guards_neither() =>
        VerifyBodyAsync(
            """
            if (caps.Has(UserSession.Columns.IsActive) || caps.Has(UserSession.Columns.LogoutAt))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false, {|#1:logout_at|} = now()");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "logout_at", "LogoutAt"));

    [Fact]
    public Task Matching_arm_of_a_conditional_does_not_fire_either_way() =>
        VerifyBodyAsync(
            """
            using var positive = caps.Has(UserSession.Columns.IsActive)
                ? db.CreateCommand("SELECT id FROM shared.user_sessions WHERE is_active")
                : db.CreateCommand("SELECT id FROM shared.user_sessions");
            using var negative = !caps.Has(UserSession.Columns.IsActive)
                ? db.CreateCommand("SELECT id FROM shared.user_sessions")
                : db.CreateCommand("SELECT id FROM shared.user_sessions WHERE is_active");
            """);

    [Fact]
    public Task Wrong_arm_of_a_conditional_fires() =>
        VerifyBodyAsync(
            """
            using var positive = caps.Has(UserSession.Columns.IsActive)
                ? db.CreateCommand("SELECT id FROM shared.user_sessions")
                : db.CreateCommand("SELECT id FROM shared.user_sessions WHERE {|#0:is_active|}");
            using var negative = !caps.Has(UserSession.Columns.IsActive)
                ? db.CreateCommand("SELECT id FROM shared.user_sessions WHERE {|#1:is_active|}")
                : db.CreateCommand("SELECT id FROM shared.user_sessions");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "is_active", "IsActive"));

    [Fact]
    public Task Conditional_between_two_literals_inside_the_sink_is_read_arm_by_arm() =>
        VerifyBodyAsync(
            """
            using var guarded = db.CreateCommand(caps.Has(UserSession.Columns.IsActive)
                ? "SELECT id FROM shared.user_sessions WHERE is_active"
                : "SELECT id FROM shared.user_sessions");
            using var unguarded = db.CreateCommand(caps.Has(UserSession.Columns.IsActive)
                ? "SELECT id FROM shared.user_sessions"
                : "SELECT id FROM shared.user_sessions WHERE {|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Right_side_of_and_does_not_fire_and_left_side_does() =>
        VerifyBodyAsync(
            """
            var updated = caps.Has(UserSession.Columns.IsActive) && connection.Execute("UPDATE shared.user_sessions SET is_active = false") > 0;
            var backwards = connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false") > 0 && caps.Has(UserSession.Columns.IsActive);
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task After_Require_does_not_fire_and_before_it_does() =>
        VerifyBodyAsync(
            """
            connection.Execute("UPDATE shared.user_sessions SET {|#0:logout_at|} = now()");
            caps.Require(UserSession.Columns.LogoutAt);
            connection.Execute("UPDATE shared.user_sessions SET logout_at = now()");
            """,
            UncheckedSessionColumn(0, "logout_at", "LogoutAt"));

    [Fact]
    public Task IsComplete_guards_every_column() =>
        VerifyBodyAsync(
            """
            if (caps.IsComplete)
            {
                connection.Execute("UPDATE shared.user_sessions SET is_active = false, logout_at = now(), updated_at = now()");
            }

            if (!caps.IsComplete)
                return;

            connection.Execute("UPDATE shared.user_sessions SET is_active = false");
            """);

    [Fact]
    public Task TableExists_does_not_guard_a_column() =>
        VerifyBodyAsync(
            """
            if (caps.TableExists)
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Guard_for_another_column_fires() =>
        VerifyBodyAsync(
            """
            if (caps.Has(UserSession.Columns.LogoutAt))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false, logout_at = now()");
            }

            if (caps.Has(UserSession.Columns.UserId))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#1:updated_at|} = now()");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "updated_at", "UpdatedAt"));

    [Fact]
    public Task Guard_for_the_same_property_of_another_table_fires() =>
        VerifyBodyAsync(
            """
            if (users.Has(User.Columns.IsActive))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Check_stored_in_a_variable_is_not_followed() =>
        VerifyBodyAsync(
            """
            var hasActive = caps.Has(UserSession.Columns.IsActive);
            if (hasActive)
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Column_held_in_a_variable_is_not_followed() =>
        VerifyBodyAsync(
            """
            var column = UserSession.Columns.IsActive;
            if (caps.Has(column))
            {
                connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Check_on_another_capabilities_object_of_the_same_type_is_accepted() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public static class Queries
            {
                public static void Run(NpgsqlConnection connection, TableCapabilities<UserSession> primary, TableCapabilities<UserSession> replica)
                {
                    if (replica.Has(UserSession.Columns.IsActive))
                    {
                        connection.Execute("UPDATE shared.user_sessions SET is_active = false");
                    }
                }
            }
            """);

    [Fact]
    public Task Guard_around_a_lambda_is_followed_into_it_but_a_guard_passed_as_a_delegate_argument_is_not() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public static class Queries
            {
                private static void When(bool condition, Action action)
                {
                    if (condition)
                    {
                        action();
                    }
                }

                public static void Run(NpgsqlConnection connection, TableCapabilities<UserSession> caps)
                {
                    if (caps.Has(UserSession.Columns.IsActive))
                    {
                        Func<int> deactivate = () => connection.Execute("UPDATE shared.user_sessions SET is_active = false");
                        deactivate();
                    }

                    When(caps.Has(UserSession.Columns.IsActive), () => connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false"));
                }
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    // ---------------------------------------------------------------- [RequiresColumns]

    [Fact]
    public Task Inside_a_RequiresColumns_method_the_required_column_does_not_fire_and_others_do() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public static class Counts
            {
                [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                public static Task<long> CountActiveAsync(NpgsqlConnection connection) =>
                    connection.ExecuteScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE is_active");

                [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                public static long CountLoggedOut(NpgsqlConnection connection)
                {
                    return connection.ExecuteScalar<long>("SELECT count(*) FROM shared.user_sessions WHERE NOT is_active AND {|#0:logout_at|} IS NOT NULL");
                }

                [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                [RequiresColumns(typeof(UserSession), nameof(UserSession.LogoutAt), nameof(UserSession.UpdatedAt))]
                public static long Close(NpgsqlConnection connection) =>
                    connection.Execute("UPDATE shared.user_sessions SET is_active = false, logout_at = now(), updated_at = now()");

                public static long LocalFunction(NpgsqlConnection connection, TableCapabilities<UserSession> caps)
                {
                    [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                    long Count() => connection.ExecuteScalar<long>("SELECT count(*) FROM shared.user_sessions WHERE is_active");

                    caps.Require(UserSession.Columns.IsActive);
                    return Count();
                }
            }
            """,
            UncheckedSessionColumn(0, "logout_at", "LogoutAt"));

    private const string CountActive = """
            [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
            public static Task<long> CountActiveAsync(NpgsqlConnection connection) =>
                connection.ExecuteScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE is_active");

            [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive), nameof(UserSession.LogoutAt))]
            public static int Close(NpgsqlConnection connection) =>
                connection.Execute("UPDATE shared.user_sessions SET is_active = false, logout_at = now()");

            [RequiresColumns(typeof(UserSession), nameof(UserSession.UserId))]
            public static int CountUsers(NpgsqlConnection connection) =>
                connection.ExecuteScalar<int>("SELECT count(DISTINCT user_id) FROM shared.user_sessions");
        """;

    [Fact]
    public Task Unguarded_call_of_a_RequiresColumns_method_fires_on_the_call() =>
        VerifyAsync(
            Usings + $$"""


            namespace App;

            public static class Counts
            {
            {{CountActive}}

                public static async Task<long> Report(NpgsqlConnection connection, TableCapabilities<UserSession> caps)
                {
                    var users = CountUsers(connection);
                    if (caps.Has(UserSession.Columns.IsActive))
                    {
                        {|#1:Close(connection)|};
                    }

                    return users + await {|#0:CountActiveAsync(connection)|};
                }
            }
            """,
            UncheckedCall(0, "CountActiveAsync", "is_active", "IsActive"),
            UncheckedCall(1, "Close", "logout_at", "LogoutAt"));

    [Fact]
    public Task Method_group_of_a_RequiresColumns_method_is_checked_where_the_delegate_is_made() =>
        VerifyAsync(
            Usings + $$"""


            namespace App;

            public static class Counts
            {
            {{CountActive}}

                public static Func<NpgsqlConnection, Task<long>>? Pick(TableCapabilities<UserSession> caps)
                {
                    Func<NpgsqlConnection, Task<long>> unguarded = {|#0:CountActiveAsync|};
                    return caps.Has(UserSession.Columns.IsActive) ? CountActiveAsync : unguarded;
                }
            }
            """,
            UncheckedCall(0, "CountActiveAsync", "is_active", "IsActive"));

    [Fact]
    public Task Guarded_call_of_a_RequiresColumns_method_does_not_fire() =>
        VerifyAsync(
            Usings + $$"""


            namespace App;

            public static class Counts
            {
            {{CountActive}}

                public static async Task<long> Report(NpgsqlConnection connection, TableCapabilities<UserSession> caps)
                {
                    if (caps.Has(UserSession.Columns.IsActive) && caps.Has(UserSession.Columns.LogoutAt))
                    {
                        Close(connection);
                    }

                    if (caps.IsComplete)
                    {
                        Close(connection);
                    }

                    var active = caps.Has(UserSession.Columns.IsActive) ? await CountActiveAsync(connection) : 0;
                    caps.Require(UserSession.Columns.IsActive);
                    return active + await CountActiveAsync(connection);
                }
            }
            """);

    [Fact]
    public Task Call_inside_a_method_requiring_the_same_column_does_not_fire_and_inside_one_requiring_another_does() =>
        VerifyAsync(
            Usings + $$"""


            namespace App;

            public static class Counts
            {
            {{CountActive}}

                [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                public static Task<long> Wrapper(NpgsqlConnection connection) => CountActiveAsync(connection);

                [RequiresColumns(typeof(UserSession), nameof(UserSession.LogoutAt))]
                public static Task<long> WrongWrapper(NpgsqlConnection connection) => {|#0:CountActiveAsync(connection)|};
            }
            """,
            UncheckedCall(0, "CountActiveAsync", "is_active", "IsActive"));

    [Fact]
    public Task Unguarded_construction_with_a_RequiresColumns_constructor_fires() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public sealed class ActiveCount
            {
                [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                public ActiveCount(NpgsqlConnection connection) =>
                    Value = connection.ExecuteScalar<long>("SELECT count(*) FROM shared.user_sessions WHERE is_active");

                public long Value { get; }
            }

            public static class Counts
            {
                public static long Report(NpgsqlConnection connection, TableCapabilities<UserSession> caps)
                {
                    if (caps.Has(UserSession.Columns.IsActive))
                    {
                        _ = new ActiveCount(connection);
                    }

                    return {|#0:new ActiveCount(connection)|}.Value;
                }
            }
            """,
            Diagnostic(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    // ---------------------------------------------------------------- string forms

    [Fact]
    public Task Regular_literal_with_escapes_before_the_column_maps_the_offset() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand("SELECT id,\t\"ip\"\r\nFROM shared.user_sessions\nWHERE ip <> '\\' AND ip <> '\x41\u00e9' AND {|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Unicode_escape_inside_the_column_name_is_covered_whole() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand("SELECT id FROM shared.user_sessions WHERE {|#0:\u0069s_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Table_named_through_unicode_escapes_is_still_found() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand("SELECT id FROM shared.U&\"user\\005fsessions\" WHERE {|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Sql_that_names_no_mapped_table_does_not_fire() =>
        VerifyBodyAsync(
            """
            using var first = db.CreateCommand("SELECT id FROM audit.logins WHERE is_active AND logout_at IS NULL");
            using var second = db.CreateCommand("SELECT is_active, updated_at, detail FROM shared.sessions");
            using var third = db.CreateCommand("UPDATE shared.user_session SET is_active = false");
            """);

    [Fact]
    public Task Quoted_identifier_written_with_escaped_quotes_is_covered_whole() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand("SELECT id FROM shared.user_sessions WHERE {|#0:\"is_active\"|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Long_unicode_escape_in_the_basic_plane_still_maps_the_offset() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand("SELECT id FROM shared.user_sessions WHERE\U00000020{|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Verbatim_literal_with_doubled_quotes_maps_the_offset() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand(@"SELECT id AS ""Id"", ip AS ""Address""
                FROM shared.user_sessions
                WHERE {|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Verbatim_quoted_identifier_is_covered_whole() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand(@"SELECT id FROM shared.user_sessions WHERE {|#0:""is_active""|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Single_line_raw_literal_maps_the_offset() =>
        VerifyBodyAsync(
            """"
            using var command = db.CreateCommand("""SELECT "id" FROM shared.user_sessions WHERE {|#0:"is_active"|} IS TRUE""");
            """",
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Multi_line_raw_literal_with_indentation_maps_every_offset() =>
        VerifyBodyAsync(
            """"
            using var command = db.CreateCommand("""
                SELECT id, "ip"
                  FROM shared.user_sessions
                 WHERE {|#0:is_active|}
                   AND {|#1:logout_at|} IS NULL
                """);
            """",
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "logout_at", "LogoutAt"));

    [Fact]
    public Task Multi_line_raw_literal_with_crlf_line_breaks_and_a_blank_line_maps_every_offset() =>
        VerifyAsync(
            InMethod(
                """"
                using var command = db.CreateCommand("""
                    SELECT id

                      FROM shared.user_sessions
                     WHERE {|#0:is_active|}
                    """);
                """").Replace("\n", "\r\n"),
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Surrogate_pair_before_the_column_maps_the_offset() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand("SELECT id FROM shared.user_sessions WHERE ip <> '\U0001F600 😀 \uD83D\uDE00' AND {|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Several_statements_in_one_literal_each_fire() =>
        VerifyBodyAsync(
            """
            connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false WHERE id = @id; SELECT {|#1:logout_at|} FROM shared.user_sessions WHERE id = @id", new { id = Guid.Empty });
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "logout_at", "LogoutAt"));

    [Fact]
    public Task Const_field_and_const_local_fire_on_the_expression() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public static class Queries
            {
                private const string ActiveSql = "SELECT id FROM shared.user_sessions WHERE is_active";

                public static void Run(NpgsqlDataSource db)
                {
                    const string LoggedOutSql = "SELECT id FROM shared.user_sessions WHERE logout_at IS NOT NULL";
                    using var active = db.CreateCommand({|#0:ActiveSql|});
                    using var loggedOut = db.CreateCommand({|#1:LoggedOutSql|});
                }
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "logout_at", "LogoutAt"));

    [Fact]
    public Task Concatenation_of_constants_fires_on_the_expression() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public static class Queries
            {
                private const string Select = "SELECT id FROM shared.user_sessions";

                public static void Run(NpgsqlDataSource db)
                {
                    using var literals = db.CreateCommand({|#0:"SELECT id FROM shared.user_sessions " + "WHERE is_active"|});
                    using var constants = db.CreateCommand({|#1:Select + " WHERE logout_at IS NULL"|});
                }
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "logout_at", "LogoutAt"));

    [Fact]
    public Task Concatenation_with_a_non_constant_part_fires_on_the_expression() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand({|#0:"SELECT id FROM shared.user_sessions WHERE is_active AND ip = " + filter + " ORDER BY created_at"|});
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Interpolated_string_with_holes_fires_on_the_expression() =>
        VerifyBodyAsync(
            """
            using var command = db.CreateCommand({|#0:$"SELECT id FROM shared.user_sessions WHERE is_active AND ip = {filter} LIMIT {batches.Length:D}"|});
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Interpolated_raw_string_fires_on_the_expression() =>
        VerifyBodyAsync(
            """"
            using var command = db.CreateCommand({|#0:$"""
                SELECT id
                  FROM shared.user_sessions
                 WHERE logout_at > now() - {filter}::interval
                """|});
            """",
            UncheckedSessionColumn(0, "logout_at", "LogoutAt"));

    [Fact]
    public Task Constant_interpolation_resolves_the_table_through_its_hole() =>
        VerifyAsync(
            Usings + """


            namespace App;

            public static class Queries
            {
                private const string Sessions = "shared.user_sessions";

                public static void Run(NpgsqlDataSource db)
                {
                    using var command = db.CreateCommand({|#0:$"SELECT id FROM {Sessions} WHERE is_active"|});
                }
            }
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Text_with_no_constant_part_or_an_opaque_table_is_not_read() =>
        VerifyBodyAsync(
            """
            using var opaque = db.CreateCommand(filter);
            using var table = db.CreateCommand($"SELECT is_active FROM {filter}");
            using var concatenated = db.CreateCommand("SELECT is_active FROM " + filter);
            """);

    // ---------------------------------------------------------------- resolution

    [Fact]
    public Task Alias_search_path_case_folding_and_quoting_all_resolve_to_the_mapped_table() =>
        VerifyBodyAsync(
            """"
            connection.Execute("SELECT s.id FROM shared.user_sessions s WHERE s.{|#0:is_active|}");
            connection.Execute("SELECT id FROM user_sessions WHERE {|#1:is_active|}");
            connection.Execute("select ID from Shared.User_Sessions where {|#2:IS_ACTIVE|}");
            connection.Execute("""SELECT "id" FROM "shared"."user_sessions" WHERE {|#3:"is_active"|} IS TRUE""");
            connection.Execute("SELECT shared.user_sessions.{|#4:is_active|} FROM shared.user_sessions");
            """",
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "is_active", "IsActive"),
            UncheckedSessionColumn(2, "is_active", "IsActive"),
            UncheckedSessionColumn(3, "is_active", "IsActive"),
            UncheckedSessionColumn(4, "is_active", "IsActive"));

    [Fact]
    public Task Every_clause_that_names_the_column_fires() =>
        VerifyBodyAsync(
            """
            connection.Execute("INSERT INTO shared.user_sessions (id, user_id, created_at, {|#0:is_active|}) VALUES (@id, @u, now(), true) RETURNING {|#1:updated_at|}");
            connection.Execute("DELETE FROM shared.user_sessions WHERE {|#2:logout_at|} < now()");
            connection.Execute("SELECT user_id FROM shared.user_sessions GROUP BY user_id HAVING bool_or({|#3:is_active|}) ORDER BY max({|#4:updated_at|})");
            connection.Execute("WITH recent AS (SELECT id FROM shared.user_sessions WHERE {|#5:updated_at|} > now()) SELECT id FROM recent");
            connection.Execute("SELECT id FROM shared.user_sessions WHERE id IN (SELECT id FROM shared.user_sessions WHERE {|#6:is_active|})");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"),
            UncheckedSessionColumn(1, "updated_at", "UpdatedAt"),
            UncheckedSessionColumn(2, "logout_at", "LogoutAt"),
            UncheckedSessionColumn(3, "is_active", "IsActive"),
            UncheckedSessionColumn(4, "updated_at", "UpdatedAt"),
            UncheckedSessionColumn(5, "updated_at", "UpdatedAt"),
            UncheckedSessionColumn(6, "is_active", "IsActive"));

    [Fact]
    public Task Unqualified_column_beside_an_unmapped_table_belongs_to_the_mapped_one_that_declares_it() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT s.id FROM shared.user_sessions s JOIN audit.logins l ON l.session_id = s.id WHERE {|#0:is_active|}");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    // ---------------------------------------------------------------- false positives

    [Theory]
    [InlineData("SELECT id FROM shared.user_sessions WHERE ip = 'is_active'")]
    [InlineData("SELECT id FROM shared.user_sessions WHERE ip = E'is_active\\\\n' AND ip <> U&'is\\\\005factive'")]
    [InlineData("SELECT id FROM shared.user_sessions -- is_active\\nWHERE user_id = @u /* is_active /* nested */ logout_at */")]
    [InlineData("SELECT $$is_active$$, $q$ updated_at ' $q$ FROM shared.user_sessions")]
    [InlineData("SELECT id AS is_active, ip AS \\\"logout_at\\\" FROM shared.user_sessions")]
    [InlineData("SELECT is_active(id), shared.logout_at(id) FROM shared.user_sessions")]
    [InlineData("SELECT s.id, l.is_active FROM shared.user_sessions s JOIN audit.logins l ON l.session_id = s.id")]
    [InlineData("SELECT is_active, logout_at FROM audit.logins")]
    [InlineData("SELECT s.id FROM shared.user_sessions s WHERE EXISTS (SELECT 1 FROM audit.logins l WHERE is_active)")]
    [InlineData("WITH user_sessions AS (SELECT true AS is_active) SELECT is_active FROM user_sessions")]
    [InlineData("SELECT x.is_active FROM (SELECT true AS is_active) x")]
    [InlineData("SELECT is_active FROM archive.user_sessions")]
    [InlineData("SELECT user_sessions.is_active FROM audit.logins user_sessions")]
    [InlineData("SELECT id, user_id, ip, created_at, expires_at FROM shared.user_sessions WHERE expires_at > now()")]
    [InlineData("SELECT u.is_active FROM shared.users u JOIN shared.user_sessions s ON s.user_id = u.id")]
    [InlineData("SELECT id FROM shared.users WHERE is_active")]
    public Task Names_that_are_not_the_optional_column_do_not_fire(string sql) =>
        VerifyBodyAsync($"connection.Execute(\"{sql}\");");

    [Theory]
    [InlineData("")]
    [InlineData(";;")]
    [InlineData("SELECT 'unterminated is_active FROM shared.user_sessions")]
    [InlineData("SELECT /* unterminated is_active FROM shared.user_sessions")]
    [InlineData("SELECT $body$ unterminated is_active FROM shared.user_sessions")]
    [InlineData("SELECT \\\"unterminated is_active FROM shared.user_sessions")]
    public Task Unreadable_sql_neither_fires_nor_fails(string sql) =>
        VerifyBodyAsync($"connection.Execute(\"{sql}\");");

    [Fact]
    public Task Qualified_column_of_the_mapped_table_beside_a_required_namesake_fires() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT u.is_active, s.{|#0:is_active|} FROM shared.users u JOIN shared.user_sessions s ON s.user_id = u.id");
            """,
            UncheckedSessionColumn(0, "is_active", "IsActive"));

    [Fact]
    public Task Message_names_the_column_the_table_the_migration_and_the_check_to_write() =>
        new Test
        {
            TestCode = InMethod("""connection.Execute("UPDATE shared.user_sessions SET {|#0:is_active|} = false");"""),
            ExpectedDiagnostics =
            {
                new DiagnosticResult(DiagnosticIds.UncheckedOptionalColumn, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                    .WithLocation(0)
                    .WithMessage("Raw SQL names optional column \"is_active\" of shared.user_sessions (migration 015) without checking that it exists; guard it with caps.Has(UserSession.Columns.IsActive) or caps.Require(UserSession.Columns.IsActive)"),
            },
        }.RunAsync();
}
