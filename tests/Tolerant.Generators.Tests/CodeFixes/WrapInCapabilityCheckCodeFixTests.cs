using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Tolerant.CodeFixes;
using Tolerant.Generators.Diagnostics;
using Xunit;
using Verify = Tolerant.Generators.Tests.CodeFixes.CSharpCodeFixVerifier<
    Tolerant.Generators.Analyzers.RawSqlAnalyzer,
    Tolerant.CodeFixes.WrapInCapabilityCheckCodeFixProvider>;

namespace Tolerant.Generators.Tests.CodeFixes;

/// <summary>TOL1001's first fix: run the raw SQL only where <c>caps.Has(column)</c> holds.</summary>
public sealed class WrapInCapabilityCheckCodeFixTests
{
    [Fact]
    public Task A_command_text_is_checked_together_with_the_statements_that_run_the_command() =>
        VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static async Task DeactivateAsync(NpgsqlCommand command, TableCapabilities<UserSession> caps, CancellationToken ct)
                {
                    // Sessions past their expiry stay listed until this runs.
                    command.CommandText = "UPDATE shared.user_sessions SET {|#0:is_active|} = false WHERE expires_at < now()";
                    await command.ExecuteNonQueryAsync(ct);

                    ct.ThrowIfCancellationRequested();
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static async Task DeactivateAsync(NpgsqlCommand command, TableCapabilities<UserSession> caps, CancellationToken ct)
                {
                    // Sessions past their expiry stay listed until this runs.
                    if (caps.Has(UserSession.Columns.IsActive))
                    {
                        command.CommandText = "UPDATE shared.user_sessions SET is_active = false WHERE expires_at < now()";
                        await command.ExecuteNonQueryAsync(ct);
                    }

                    ct.ThrowIfCancellationRequested();
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public Task A_using_declaration_is_checked_with_every_statement_after_it() =>
        VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static async Task LogOutAsync(NpgsqlDataSource dataSource, Table<UserSession> sessions, CancellationToken ct)
                {
                    var caps = await sessions.GetCapabilitiesAsync(ct);
                    await using var command = dataSource.CreateCommand("UPDATE shared.user_sessions SET {|#0:logout_at|} = now()");
                    await command.ExecuteNonQueryAsync(ct);
                    ct.ThrowIfCancellationRequested();
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static async Task LogOutAsync(NpgsqlDataSource dataSource, Table<UserSession> sessions, CancellationToken ct)
                {
                    var caps = await sessions.GetCapabilitiesAsync(ct);
                    if (caps.Has(UserSession.Columns.LogoutAt))
                    {
                        await using var command = dataSource.CreateCommand("UPDATE shared.user_sessions SET logout_at = now()");
                        await command.ExecuteNonQueryAsync(ct);
                        ct.ThrowIfCancellationRequested();
                    }
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public Task A_declaration_takes_along_the_statements_that_use_it_and_no_others() =>
        VerifyAsync(
            """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Report
            {
                public static async Task CountAsync(NpgsqlConnection connection, TableCapabilities<UserSession> caps, List<object?> log, CancellationToken ct)
                {
                    var command = new NpgsqlCommand("SELECT count(*) FROM shared.user_sessions WHERE {|#0:logout_at|} IS NOT NULL", connection);
                    var count = await command.ExecuteScalarAsync(ct);
                    log.Add(count);
                    ct.ThrowIfCancellationRequested();
                }
            }
            """,
            """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Report
            {
                public static async Task CountAsync(NpgsqlConnection connection, TableCapabilities<UserSession> caps, List<object?> log, CancellationToken ct)
                {
                    if (caps.Has(UserSession.Columns.LogoutAt))
                    {
                        var command = new NpgsqlCommand("SELECT count(*) FROM shared.user_sessions WHERE logout_at IS NOT NULL", connection);
                        var count = await command.ExecuteScalarAsync(ct);
                        log.Add(count);
                    }

                    ct.ThrowIfCancellationRequested();
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public Task Code_that_returns_a_value_demands_the_column_instead_so_every_path_still_returns() =>
        VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class RawQueries
            {
                public static async Task<long> CountActiveAsync(NpgsqlDataSource dataSource, Table<UserSession> sessions, CancellationToken ct)
                {
                    var caps = await sessions.GetCapabilitiesAsync(ct);

                    // Active sessions only.
                    await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE {|#0:is_active|}");
                    return (long)(await command.ExecuteScalarAsync(ct))!;
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class RawQueries
            {
                public static async Task<long> CountActiveAsync(NpgsqlDataSource dataSource, Table<UserSession> sessions, CancellationToken ct)
                {
                    var caps = await sessions.GetCapabilitiesAsync(ct);

                    // Active sessions only.
                    caps.Require(UserSession.Columns.IsActive);
                    await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE is_active");
                    return (long)(await command.ExecuteScalarAsync(ct))!;
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public Task A_second_column_joins_the_check_already_around_the_statement() =>
        VerifyAsync(
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Close(NpgsqlCommand command, TableCapabilities<UserSession> caps)
                {
                    if (caps.Has(UserSession.Columns.IsActive))
                    {
                        command.CommandText = "UPDATE shared.user_sessions SET is_active = false, {|#0:logout_at|} = now()";
                    }
                }
            }
            """,
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Close(NpgsqlCommand command, TableCapabilities<UserSession> caps)
                {
                    if (caps.Has(UserSession.Columns.IsActive) && caps.Has(UserSession.Columns.LogoutAt))
                    {
                        command.CommandText = "UPDATE shared.user_sessions SET is_active = false, logout_at = now()";
                    }
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public async Task Two_columns_of_one_statement_end_in_one_check()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Npgsql;
                using Tolerant;

                namespace SessionService;

                public static class Cleanup
                {
                    public static void Close(NpgsqlCommand command, TableCapabilities<UserSession> caps)
                    {
                        command.CommandText = "UPDATE shared.user_sessions SET {|#0:is_active|} = false, {|#1:logout_at|} = now()";
                    }
                }
                """,
            FixedCode = """
                using Npgsql;
                using Tolerant;

                namespace SessionService;

                public static class Cleanup
                {
                    public static void Close(NpgsqlCommand command, TableCapabilities<UserSession> caps)
                    {
                        if (caps.Has(UserSession.Columns.IsActive) && caps.Has(UserSession.Columns.LogoutAt))
                        {
                            command.CommandText = "UPDATE shared.user_sessions SET is_active = false, logout_at = now()";
                        }
                    }
                }
                """,
            NumberOfIncrementalIterations = 2,
        };
        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));
        test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(1));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_table_is_named_as_the_code_can_see_it() =>
        VerifyAsync(
            """
            using Npgsql;
            using Tolerant;

            namespace Jobs;

            public static class Cleanup
            {
                public static void Deactivate(NpgsqlCommand command, TableCapabilities<SessionService.UserSession> caps)
                {
                    command.CommandText = "UPDATE shared.user_sessions SET {|#0:is_active|} = false";
                }
            }
            """,
            """
            using Npgsql;
            using Tolerant;

            namespace Jobs;

            public static class Cleanup
            {
                public static void Deactivate(NpgsqlCommand command, TableCapabilities<SessionService.UserSession> caps)
                {
                    if (caps.Has(SessionService.UserSession.Columns.IsActive))
                    {
                        command.CommandText = "UPDATE shared.user_sessions SET is_active = false";
                    }
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public Task An_embedded_statement_gets_its_own_check() =>
        VerifyAsync(
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Close(NpgsqlCommand command, TableCapabilities<UserSession> caps, bool everything)
                {
                    if (everything)
                        command.CommandText = "UPDATE shared.user_sessions SET {|#0:logout_at|} = now()";
                }
            }
            """,
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Close(NpgsqlCommand command, TableCapabilities<UserSession> caps, bool everything)
                {
                    if (everything)
                        if (caps.Has(UserSession.Columns.LogoutAt))
                        {
                            command.CommandText = "UPDATE shared.user_sessions SET logout_at = now()";
                        }
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public Task In_a_switch_section_the_break_stays_outside() =>
        VerifyAsync(
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Run(NpgsqlCommand command, TableCapabilities<UserSession> caps, int step)
                {
                    switch (step)
                    {
                        case 1:
                            command.CommandText = "UPDATE shared.user_sessions SET {|#0:updated_at|} = now()";
                            command.ExecuteNonQuery();
                            break;
                    }
                }
            }
            """,
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Run(NpgsqlCommand command, TableCapabilities<UserSession> caps, int step)
                {
                    switch (step)
                    {
                        case 1:
                            if (caps.Has(UserSession.Columns.UpdatedAt))
                            {
                                command.CommandText = "UPDATE shared.user_sessions SET updated_at = now()";
                                command.ExecuteNonQuery();
                            }

                            break;
                    }
                }
            }
            """,
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    // The SQL text must not change: a multi-line literal keeps its lines where they were, only the code around moves.
    [Fact]
    public Task A_multi_line_literal_keeps_its_text() =>
        VerifyAsync(
            """"
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Run(NpgsqlDataSource dataSource, TableCapabilities<UserSession> caps)
                {
                    using var command = dataSource.CreateCommand("""
                        UPDATE shared.user_sessions
                        SET {|#0:logout_at|} = now()
                        """);
                    command.ExecuteNonQuery();
                }
            }
            """",
            """"
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static void Run(NpgsqlDataSource dataSource, TableCapabilities<UserSession> caps)
                {
                    if (caps.Has(UserSession.Columns.LogoutAt))
                    {
                        using var command = dataSource.CreateCommand("""
                        UPDATE shared.user_sessions
                        SET logout_at = now()
                        """);
                        command.ExecuteNonQuery();
                    }
                }
            }
            """",
            Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));

    [Fact]
    public async Task Top_level_statements_are_wrapped_too()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Npgsql;
                using SessionService;
                using Tolerant;

                await using var dataSource = NpgsqlDataSource.Create("Host=localhost");
                var caps = await new SchemaCatalog(dataSource).Table<UserSession>().GetCapabilitiesAsync(default);
                await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE {|#0:is_active|}");
                System.Console.WriteLine(await command.ExecuteScalarAsync());
                """,
            FixedCode = """
                using Npgsql;
                using SessionService;
                using Tolerant;

                await using var dataSource = NpgsqlDataSource.Create("Host=localhost");
                var caps = await new SchemaCatalog(dataSource).Table<UserSession>().GetCapabilitiesAsync(default);
                if (caps.Has(UserSession.Columns.IsActive))
                {
                    await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE is_active");
                    System.Console.WriteLine(await command.ExecuteScalarAsync());
                }
                """,
            CodeActionEquivalenceKey = WrapInCapabilityCheckCodeFixProvider.EquivalenceKey,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_title_names_the_column()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Npgsql;
                using Tolerant;

                namespace SessionService;

                public static class Cleanup
                {
                    public static void Deactivate(NpgsqlCommand command, TableCapabilities<UserSession> caps) =>
                        Run(command, caps);

                    private static void Run(NpgsqlCommand command, TableCapabilities<UserSession> caps)
                    {
                        command.CommandText = "UPDATE shared.user_sessions SET {|#0:is_active|} = false";
                    }
                }
                """,
            FixedCode = """
                using Npgsql;
                using Tolerant;

                namespace SessionService;

                public static class Cleanup
                {
                    public static void Deactivate(NpgsqlCommand command, TableCapabilities<UserSession> caps) =>
                        Run(command, caps);

                    private static void Run(NpgsqlCommand command, TableCapabilities<UserSession> caps)
                    {
                        if (caps.Has(UserSession.Columns.IsActive))
                        {
                            command.CommandText = "UPDATE shared.user_sessions SET is_active = false";
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = WrapInCapabilityCheckCodeFixProvider.EquivalenceKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Check that is_active exists", action.Title),
        };
        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("NpgsqlCommand command, CancellationToken ct", "")]
    [InlineData("NpgsqlCommand command, TableCapabilities<User> users, CancellationToken ct", "")]
    [InlineData("NpgsqlCommand command, TableCapabilities<UserSession>? maybe, CancellationToken ct", "")]
    [InlineData("NpgsqlCommand command, Table<UserSession> sessions, CancellationToken ct", "var later = await sessions.GetCapabilitiesAsync(ct);")]
    public Task No_fix_without_capabilities_of_that_table_in_scope(string parameters, string after) =>
        VerifyNoFixAsync(
            $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static async Task DeactivateAsync({{parameters}})
                {
                    command.CommandText = "UPDATE shared.user_sessions SET {|#0:is_active|} = false";
                    await command.ExecuteNonQueryAsync(ct);
                    {{after}}
                }
            }
            """);

    [Fact]
    public Task No_fix_outside_a_statement() =>
        VerifyNoFixAsync(
            """
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class Cleanup
            {
                public static Task<int> DeactivateAsync(NpgsqlDataSource dataSource, TableCapabilities<UserSession> caps) =>
                    dataSource.CreateCommand("UPDATE shared.user_sessions SET {|#0:is_active|} = false").ExecuteNonQueryAsync();
            }
            """);

    private static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = WrapInCapabilityCheckCodeFixProvider.EquivalenceKey,
        };
        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyNoFixAsync(string source)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));
        return test.RunAsync(CancellationToken.None);
    }
}
