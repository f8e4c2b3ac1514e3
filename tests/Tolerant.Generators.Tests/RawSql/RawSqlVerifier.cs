using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Tolerant.Generators.Analyzers;

namespace Tolerant.Generators.Tests.RawSql;

/// <summary>
/// Runs <see cref="RawSqlAnalyzer"/> over markup sources with Microsoft.CodeAnalysis.Testing, with the Tolerant
/// generator running too, so <c>UserSession.Columns.IsActive</c> is the real generated field and not a stand-in.
/// Every test compiles against .NET 10, the Tolerant runtime, Npgsql and Dapper, and gets <see cref="Model"/> as a
/// second file: the markup file holds only the code under test.
/// </summary>
internal static class RawSqlVerifier
{
    /// <summary>
    /// The mapped tables every case sees. <c>shared.user_sessions</c> is the originating table: migration 003 gave it
    /// id, user_id, ip, created_at and expires_at; migration 015 added is_active, updated_at and logout_at.
    /// <c>shared.session_events</c> is an optional table (it may not exist at all) whose <c>detail</c> came later, in
    /// migration 021. <c>shared.users</c> has a
    /// required <c>is_active</c>, so the same name means different things on the two tables.
    /// </summary>
    public const string Model = """
        using System;
        using Tolerant;

        namespace Sessions;

        [SqlTable("shared.user_sessions")]
        public sealed partial record UserSession
        {
            [SqlKey] public Guid Id { get; init; }
            public Guid UserId { get; init; }
            [SqlColumn("ip")] public string? IpAddress { get; init; }
            public DateTimeOffset CreatedAt { get; init; }
            public DateTimeOffset? ExpiresAt { get; init; }
            [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;
            [OptionalColumn(Since = "015")] public DateTimeOffset? UpdatedAt { get; init; }
            [OptionalColumn(Since = "015")] public DateTimeOffset? LogoutAt { get; init; }
            [SqlIgnore] public string? Display { get; init; }
        }

        [SqlTable("shared.session_events", Optional = true)]
        public sealed partial record SessionEvent
        {
            [SqlKey] public long Id { get; init; }
            public Guid SessionId { get; init; }
            public string Kind { get; init; } = "";
            [OptionalColumn(Since = "021")] public string? Detail { get; init; }
        }

        [SqlTable("shared.users")]
        public sealed partial record User
        {
            [SqlKey] public Guid Id { get; init; }
            public string Email { get; init; } = "";
            public bool IsActive { get; init; }
        }
        """;

    /// <summary>The usings every case starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using Dapper;
        using Npgsql;
        using Sessions;
        using Tolerant;
        """;

    /// <summary>An expected TOL diagnostic at its descriptor's default severity (every TOL1xxx is a Warning).</summary>
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>TOL1001's arguments for an optional column of <c>shared.user_sessions</c> named in raw SQL.</summary>
    public static DiagnosticResult UncheckedSessionColumn(int location, string column, string property) =>
        Diagnostic(Diagnostics.DiagnosticIds.UncheckedOptionalColumn)
            .WithLocation(location)
            .WithArguments("Raw SQL names", column, "shared.user_sessions", " (migration 015)", "UserSession.Columns." + property);

    /// <summary>TOL1001's arguments for a call of a <c>[RequiresColumns]</c> method made without the check.</summary>
    public static DiagnosticResult UncheckedCall(int location, string method, string column, string property) =>
        Diagnostic(Diagnostics.DiagnosticIds.UncheckedOptionalColumn)
            .WithLocation(location)
            .WithArguments($"'{method}' requires", column, "shared.user_sessions", " (migration 015)", "UserSession.Columns." + property);

    /// <summary>Verifies that <paramref name="source"/>, compiled beside <see cref="Model"/>, produces exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies the body of one method <c>Run(NpgsqlDataSource db, NpgsqlConnection connection, TableCapabilities&lt;UserSession&gt; caps)</c>.</summary>
    public static Task VerifyBodyAsync(string body, params DiagnosticResult[] expected) =>
        VerifyAsync(InMethod(body), expected);

    /// <summary>Wraps statements into a method with the variables cases use: <c>db</c>, <c>connection</c>, <c>caps</c>, <c>events</c>, <c>users</c>.</summary>
    public static string InMethod(string body) =>
        Usings + "\n\nnamespace App;\n\npublic static class Queries\n{\n" +
        "    public static async Task Run(NpgsqlDataSource db, NpgsqlConnection connection, TableCapabilities<UserSession> caps, " +
        "TableCapabilities<SessionEvent> events, TableCapabilities<User> users, string filter, int[] batches)\n    {\n" +
        string.Join("\n", body.Replace("\r\n", "\n").Split('\n').Select(line => line.Length == 0 ? line : "        " + line)) +
        "\n        await Task.CompletedTask;\n    }\n\n" +
        "    public static int Execute(string sql) => sql.Length;\n}\n";

    /// <summary>The analyzer test, with the generator running and this repository's reference set.</summary>
    public sealed class Test : CSharpAnalyzerTest<RawSqlAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>());
            TestState.AdditionalReferences.Add(typeof(SqlTableAttribute).Assembly);
            TestState.AdditionalReferences.Add(typeof(Npgsql.NpgsqlConnection).Assembly);
            TestState.AdditionalReferences.Add(typeof(Dapper.SqlMapper).Assembly);
            TestState.Sources.Add(("/0/Model.cs", Model));

            // The generated files are checked by the baseline tests; here they only need to exist.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

            // SQL dollar quoting ($$...$$) is code here, not the markup's caret.
            MarkupOptions |= MarkupOptions.TreatPositionIndicatorsAsCode;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(TolerantGenerator)];

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
