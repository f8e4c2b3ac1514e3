using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Tolerant.Generators.Diagnostics;
using Xunit;
using static Tolerant.Generators.Tests.RawSql.RawSqlVerifier;

namespace Tolerant.Generators.Tests.RawSql;

/// <summary>
/// TOL1003: raw SQL names a table mapped with <c>[SqlTable(..., Optional = true)]</c> without checking that it
/// exists. <c>shared.session_events</c> is that table here; <c>events</c> is its capabilities.
/// </summary>
public sealed class TOL1003_UncheckedOptionalTableTests
{
    private static DiagnosticResult UncheckedEvents(int location) =>
        Diagnostic(DiagnosticIds.UncheckedOptionalTable).WithLocation(location).WithArguments("shared.session_events", "SessionEvent");

    [Fact]
    public Task Unguarded_optional_table_fires_on_its_name() =>
        VerifyBodyAsync(
            """
            connection.Execute("SELECT id, kind FROM {|#0:shared.session_events|} WHERE session_id = @s");
            """,
            UncheckedEvents(0));

    [Fact]
    public Task Message_names_the_table_and_the_capabilities_to_check() =>
        new RawSqlVerifier.Test
        {
            TestCode = InMethod("""connection.Execute("DELETE FROM {|#0:shared.session_events|}");"""),
            ExpectedDiagnostics =
            {
                Diagnostic(DiagnosticIds.UncheckedOptionalTable)
                    .WithLocation(0)
                    .WithMessage("Raw SQL names optional table shared.session_events without checking that it exists; guard it with caps.TableExists (capabilities of SessionEvent)"),
            },
        }.RunAsync();

    [Fact]
    public Task Every_statement_kind_and_spelling_fires() =>
        VerifyBodyAsync(
            """"
            connection.Execute("INSERT INTO {|#0:shared.session_events|} (session_id, kind) VALUES (@s, 'login')");
            connection.Execute("UPDATE {|#1:session_events|} SET kind = 'logout' WHERE id = @id");
            connection.Execute("""DELETE FROM {|#2:"shared"."session_events"|} WHERE id = @id""");
            connection.Execute("SELECT s.id FROM shared.user_sessions s WHERE EXISTS (SELECT 1 FROM {|#3:shared.session_events|} e WHERE e.session_id = s.id)");
            connection.Execute("SELECT e.kind FROM shared.user_sessions s JOIN {|#4:shared.session_events|} e ON e.session_id = s.id, {|#5:shared.session_events|} again");
            connection.Execute("WITH recent AS (SELECT session_id FROM {|#6:shared.session_events|} WHERE id > @after) SELECT session_id FROM recent");
            """",
            UncheckedEvents(0),
            UncheckedEvents(1),
            UncheckedEvents(2),
            UncheckedEvents(3),
            UncheckedEvents(4),
            UncheckedEvents(5),
            UncheckedEvents(6));

    [Fact]
    public Task Optional_table_in_concatenated_sql_fires_on_the_expression() =>
        VerifyBodyAsync(
            """
            connection.Execute({|#0:"SELECT id FROM shared.session_events " + "WHERE kind = " + filter|});
            """,
            UncheckedEvents(0));

    [Fact]
    public Task TableExists_guards_the_table() =>
        VerifyBodyAsync(
            """
            if (events.TableExists)
            {
                connection.Execute("SELECT id, kind FROM shared.session_events");
            }

            var kinds = events.TableExists ? connection.Query<string>("SELECT kind FROM shared.session_events") : null;
            var deleted = events.TableExists && connection.Execute("DELETE FROM shared.session_events") > 0;

            if (!events.TableExists)
                return;

            connection.Execute("INSERT INTO shared.session_events (session_id, kind) VALUES (@s, 'login')");
            """);

    [Fact]
    public Task IsComplete_guards_the_table() =>
        VerifyBodyAsync(
            """
            if (events.IsComplete)
            {
                connection.Execute("SELECT id, kind, detail FROM shared.session_events");
            }
            """);

    [Fact]
    public Task Has_of_one_of_its_columns_implies_the_table_exists() =>
        VerifyBodyAsync(
            """
            if (events.Has(SessionEvent.Columns.Detail))
            {
                connection.Execute("SELECT id, detail FROM shared.session_events");
            }

            events.Require(SessionEvent.Columns.Detail);
            connection.Execute("UPDATE shared.session_events SET detail = NULL");
            """);

    [Fact]
    public Task TableExists_of_another_table_does_not_guard_it() =>
        VerifyBodyAsync(
            """
            if (caps.TableExists && users.TableExists)
            {
                connection.Execute("SELECT id FROM {|#0:shared.session_events|}");
            }
            """,
            UncheckedEvents(0));

    [Fact]
    public Task TableExists_does_not_guard_an_optional_column_of_the_table() =>
        VerifyBodyAsync(
            """
            if (events.TableExists)
            {
                connection.Execute("SELECT id, {|#0:detail|} FROM shared.session_events");
            }

            connection.Execute("SELECT {|#2:detail|} FROM {|#1:shared.session_events|}");
            """,
            Diagnostic(DiagnosticIds.UncheckedOptionalColumn)
                .WithLocation(0)
                .WithArguments("Raw SQL names", "detail", "shared.session_events", " (migration 021)", "SessionEvent.Columns.Detail"),
            UncheckedEvents(1),
            Diagnostic(DiagnosticIds.UncheckedOptionalColumn)
                .WithLocation(2)
                .WithArguments("Raw SQL names", "detail", "shared.session_events", " (migration 021)", "SessionEvent.Columns.Detail"));

    [Fact]
    public Task Check_stored_in_a_variable_is_not_followed() =>
        VerifyBodyAsync(
            """
            var exists = events.TableExists;
            if (exists)
            {
                connection.Execute("SELECT id FROM {|#0:shared.session_events|}");
            }
            """,
            UncheckedEvents(0));

    [Theory]
    [InlineData("SELECT id FROM shared.user_sessions")]
    [InlineData("SELECT id FROM audit.session_events")]
    [InlineData("WITH session_events AS (SELECT 1 AS id) SELECT id FROM session_events")]
    [InlineData("SELECT id FROM shared.user_sessions WHERE ip <> 'shared.session_events' -- FROM shared.session_events")]
    [InlineData("SELECT id FROM shared.users")]
    public Task Tables_that_are_not_the_optional_one_do_not_fire(string sql) =>
        VerifyBodyAsync($"connection.Execute(\"{sql}\");");
}
