using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Tolerant.CodeFixes;
using Tolerant.Generators.Diagnostics;
using Xunit;
using Verify = Tolerant.Generators.Tests.CodeFixes.CSharpCodeFixVerifier<
    Tolerant.Generators.Analyzers.RawSqlAnalyzer,
    Tolerant.CodeFixes.AddRequiresColumnsCodeFixProvider>;

namespace Tolerant.Generators.Tests.CodeFixes;

/// <summary>TOL1001's second fix: the method declares the column with <c>[RequiresColumns]</c> and its callers are checked instead.</summary>
public sealed class AddRequiresColumnsCodeFixTests
{
    [Fact]
    public async Task The_attribute_goes_between_the_doc_comment_and_the_method_and_is_titled_with_it()
    {
        var test = CreateTest(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            public static class RawQueries
            {
                /// <summary>Sessions still active.</summary>
                public static async Task<long> CountActiveAsync(NpgsqlDataSource dataSource, CancellationToken ct)
                {
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
                /// <summary>Sessions still active.</summary>
                [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                public static async Task<long> CountActiveAsync(NpgsqlDataSource dataSource, CancellationToken ct)
                {
                    await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE is_active");
                    return (long)(await command.ExecuteScalarAsync(ct))!;
                }
            }
            """);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(
            "Mark 'CountActiveAsync' [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]", action.Title);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Using_Tolerant_is_added_in_order_when_missing() =>
        CreateTest(
            """
            using System.Threading.Tasks;
            using Npgsql;
            using SessionService;
            using Xunit.Sdk;

            namespace Jobs;

            internal static class Cleanup
            {
                [System.Obsolete("Use the typed builders.")]
                internal static Task<int> DeactivateAsync(NpgsqlDataSource dataSource)
                {
                    return dataSource.CreateCommand("UPDATE shared.user_sessions SET {|#0:is_active|} = false").ExecuteNonQueryAsync();
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Npgsql;
            using SessionService;
            using Tolerant;
            using Xunit.Sdk;

            namespace Jobs;

            internal static class Cleanup
            {
                [System.Obsolete("Use the typed builders.")]
                [RequiresColumns(typeof(UserSession), nameof(UserSession.IsActive))]
                internal static Task<int> DeactivateAsync(NpgsqlDataSource dataSource)
                {
                    return dataSource.CreateCommand("UPDATE shared.user_sessions SET is_active = false").ExecuteNonQueryAsync();
                }
            }
            """,
            extraReference: true).RunAsync(CancellationToken.None);

    [Fact]
    public Task Without_the_type_in_scope_names_are_qualified_and_the_file_gets_its_first_using() =>
        CreateTest(
            """
            namespace Jobs;

            internal static class Cleanup
            {
                internal static void Deactivate(Npgsql.NpgsqlCommand command) =>
                    command.CommandText = "UPDATE shared.user_sessions SET {|#0:is_active|} = false";
            }
            """,
            """
            using Tolerant;

            namespace Jobs;

            internal static class Cleanup
            {
                [RequiresColumns(typeof(SessionService.UserSession), nameof(SessionService.UserSession.IsActive))]
                internal static void Deactivate(Npgsql.NpgsqlCommand command) =>
                    command.CommandText = "UPDATE shared.user_sessions SET is_active = false";
            }
            """).RunAsync(CancellationToken.None);

    [Theory]
    [InlineData("nameof(UserSession.LogoutAt)", "nameof(UserSession.LogoutAt), nameof(UserSession.IsActive)")]
    [InlineData("new[] { nameof(UserSession.LogoutAt) }", "new[] { nameof(UserSession.LogoutAt), nameof(UserSession.IsActive) }")]
    [InlineData("[nameof(UserSession.LogoutAt)]", "[nameof(UserSession.LogoutAt), nameof(UserSession.IsActive)]")]
    public Task An_existing_attribute_of_the_table_gets_the_property(string before, string after) =>
        CreateTest(
            $$"""
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            internal static class Cleanup
            {
                [RequiresColumns(typeof(User), nameof(User.Email))]
                [RequiresColumns(typeof(UserSession), {{before}})]
                internal static void Close(NpgsqlCommand command) =>
                    command.CommandText = "UPDATE shared.user_sessions SET logout_at = now() WHERE {|#0:is_active|}";
            }
            """,
            $$"""
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            internal static class Cleanup
            {
                [RequiresColumns(typeof(User), nameof(User.Email))]
                [RequiresColumns(typeof(UserSession), {{after}})]
                internal static void Close(NpgsqlCommand command) =>
                    command.CommandText = "UPDATE shared.user_sessions SET logout_at = now() WHERE is_active";
            }
            """).RunAsync(CancellationToken.None);

    // Each fix moves the warning to the callers, up through a local function, a method and a constructor (whose
    // `new` the analyzer checks); a property accessor cannot be marked, so the chain ends there, on the call.
    [Fact]
    public async Task The_warning_moves_up_through_local_functions_methods_and_constructors_to_the_callers()
    {
        var test = CreateTest(
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            internal sealed class Cleanup
            {
                internal Cleanup(NpgsqlCommand command) => Close(command);

                internal static NpgsqlCommand Command
                {
                    set => _ = new Cleanup(value);
                }

                internal static void Close(NpgsqlCommand command)
                {
                    Run();

                    void Run() => command.CommandText = "UPDATE shared.user_sessions SET {|#0:logout_at|} = now()";
                }
            }
            """,
            """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            internal sealed class Cleanup
            {
                [RequiresColumns(typeof(UserSession), nameof(UserSession.LogoutAt))]
                internal Cleanup(NpgsqlCommand command) => Close(command);

                internal static NpgsqlCommand Command
                {
                    set => _ = {|#1:new Cleanup(value)|};
                }

                [RequiresColumns(typeof(UserSession), nameof(UserSession.LogoutAt))]
                internal static void Close(NpgsqlCommand command)
                {
                    Run();

                    [RequiresColumns(typeof(UserSession), nameof(UserSession.LogoutAt))]
                    void Run() => command.CommandText = "UPDATE shared.user_sessions SET logout_at = now()";
                }
            }
            """);
        test.FixedState.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(1));
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 3;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_all_marks_each_method_once_per_table()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Npgsql;
                using Tolerant;

                namespace SessionService;

                internal static class Cleanup
                {
                    internal static void Close(NpgsqlCommand command) =>
                        command.CommandText = "UPDATE shared.user_sessions SET {|#0:logout_at|} = now(), {|#1:updated_at|} = now() WHERE {|#2:is_active|}";

                    internal static void Forget(NpgsqlCommand command)
                    {
                        command.CommandText = "UPDATE shared.users SET {|#3:email|} = NULL";
                    }
                }
                """,
            FixedCode = """
                using Npgsql;
                using Tolerant;

                namespace SessionService;

                internal static class Cleanup
                {
                    [RequiresColumns(typeof(UserSession), nameof(UserSession.LogoutAt), nameof(UserSession.UpdatedAt), nameof(UserSession.IsActive))]
                    internal static void Close(NpgsqlCommand command) =>
                        command.CommandText = "UPDATE shared.user_sessions SET logout_at = now(), updated_at = now() WHERE is_active";

                    [RequiresColumns(typeof(User), nameof(User.Email))]
                    internal static void Forget(NpgsqlCommand command)
                    {
                        command.CommandText = "UPDATE shared.users SET email = NULL";
                    }
                }
                """,
            CodeActionEquivalenceKey = AddRequiresColumnsCodeFixProvider.EquivalenceKey,
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllIterations = 1,
        };
        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        for (var location = 0; location < 4; location++)
        {
            test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(location));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task No_fix_in_an_accessor_an_operator_or_a_static_constructor()
    {
        const string source = """
            using Npgsql;
            using Tolerant;

            namespace SessionService;

            internal sealed class Cleanup
            {
                static Cleanup() => new NpgsqlCommand().CommandText = "UPDATE shared.user_sessions SET {|#0:is_active|} = false";

                internal NpgsqlCommand Command
                {
                    set => value.CommandText = "UPDATE shared.user_sessions SET {|#1:logout_at|} = now()";
                }

                public static Cleanup operator +(Cleanup cleanup, NpgsqlCommand command)
                {
                    command.CommandText = "UPDATE shared.user_sessions SET {|#2:updated_at|} = now()";
                    return cleanup;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        for (var location = 0; location < 3; location++)
        {
            test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(location));
        }

        await test.RunAsync(CancellationToken.None);
    }

    private static Verify.Test CreateTest(string source, string fixedSource, bool extraReference = false)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = AddRequiresColumnsCodeFixProvider.EquivalenceKey,
        };
        if (extraReference)
        {
            test.TestState.AdditionalReferences.Add(typeof(Xunit.Sdk.XunitException).Assembly);
        }

        test.AddUnchangedSource(SessionModel.Path, SessionModel.Source);
        test.ExpectedDiagnostics.Add(Verify.Warning(DiagnosticIds.UncheckedOptionalColumn).WithLocation(0));
        return test;
    }
}
