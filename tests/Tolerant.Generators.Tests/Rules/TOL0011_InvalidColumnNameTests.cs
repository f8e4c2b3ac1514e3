using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0011: a column name is not a PostgreSQL identifier: null, empty, white space, a NUL character, or more than
/// 63 UTF-8 bytes. An explicit name is reported on the [SqlColumn] argument, a default name on the property.
/// </summary>
public sealed class TOL0011_InvalidColumnNameTests
{
    private const string Empty = "a name cannot be empty";

    public static IEnumerable<object[]> InvalidNames =>
    [
        ["", Empty],
        [" ", "a name cannot be only white space"],
        ["\t\n", "a name cannot be only white space"],
        ["user\0id", "a name cannot contain a NUL character"],
        [new string('c', 64), "it is 64 bytes long and PostgreSQL keeps only the first 63"],
        [string.Concat(Enumerable.Repeat("é", 32)), "it is 64 bytes long and PostgreSQL keeps only the first 63"],
        [string.Concat(Enumerable.Repeat("名", 22)), "it is 66 bytes long and PostgreSQL keeps only the first 63"],
    ];

    public static IEnumerable<object[]> ValidNames =>
    [
        ["x"],
        ["UserId"],
        ["user id"],
        ["with.dot"],
        ["\"quoted\""],
        [new string('c', 63)],
        [string.Concat(Enumerable.Repeat("é", 31)) + "x"],
        [string.Concat(Enumerable.Repeat("名", 21))],
    ];

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public Task Invalid_explicit_name_fires_on_the_argument(string name, string error) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn({|#0:" + SymbolDisplay.FormatLiteral(name, quote: true) + "|})] public string? Note { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidColumnName).WithLocation(0).WithArguments(name, "Note", error));

    [Theory]
    [MemberData(nameof(ValidNames))]
    public Task Valid_explicit_name_does_not_fire(string name) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn(" + SymbolDisplay.FormatLiteral(name, quote: true) + ")] public string? Note { get; init; }"));

    [Fact]
    public Task Null_name_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn({|#0:null|})] public string? Note { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidColumnName).WithLocation(0).WithArguments("null", "Note", Empty));

    [Fact]
    public Task Too_long_default_name_fires_on_the_property() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row($"public int {{|#0:A{new string('b', 63)}|}} {{ get; init; }}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidColumnName).WithLocation(0)
                .WithArguments("a" + new string('b', 63), "A" + new string('b', 63), "it is 64 bytes long and PostgreSQL keeps only the first 63"));

    [Fact]
    public Task Snake_case_underscores_count_towards_the_limit() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row($"public int {{|#0:{string.Concat(Enumerable.Repeat("Ab", 22))}|}} {{ get; init; }}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidColumnName).WithLocation(0)
                .WithArguments("ab" + string.Concat(Enumerable.Repeat("_ab", 21)), string.Concat(Enumerable.Repeat("Ab", 22)), "it is 65 bytes long and PostgreSQL keeps only the first 63"));

    [Fact]
    public Task Too_long_property_name_with_a_short_explicit_name_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row($"[SqlColumn(\"short\")] public int A{new string('b', 100)} {{ get; init; }}"));

    [Fact]
    public Task Property_name_of_63_bytes_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(Row($"public int A{new string('b', 62)} {{ get; init; }}"));

    [Theory]
    [InlineData("[SqlColumn]")]
    [InlineData("[SqlColumn(TypeName = \"text\")]")]
    public Task SqlColumn_without_a_name_keeps_the_default_name(string attribute) =>
        VerifyCS.VerifyAnalyzerAsync(Row(attribute + " public string? Note { get; init; }"));

    [Fact]
    public Task Invalid_name_on_a_positional_parameter_fires_on_the_argument() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [SqlColumn({|#0:""|})] string Note);
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidColumnName).WithLocation(0).WithArguments("", "Note", Empty));

    private static string Row(string property) =>
        $$"""
        using Tolerant;

        namespace Shop;

        [SqlTable("shop.orders")]
        public partial record Order
        {
            [SqlKey] public int Id { get; init; }

            {{property}}
        }
        """;
}
