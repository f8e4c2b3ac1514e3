using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0006: the [SqlTable] name is not <c>table</c> or <c>schema.table</c> (a part in double quotes when it holds a
/// dot), or a part is not a PostgreSQL identifier. Reported on the attribute's argument.
/// </summary>
public sealed class TOL0006_InvalidTableNameTests
{
    private const string TooManyParts = "write \"table\" or \"schema.table\"; quote a part that contains a dot";
    private const string Empty = "a table name cannot be empty";
    private const string EmptyPart = "a name cannot be empty";

    public static IEnumerable<object[]> InvalidNames =>
    [
        ["", Empty],
        ["   ", Empty],
        ["a.b.c", TooManyParts],
        ["db.shop.orders", TooManyParts],
        ["\"my.schema.sessions", "a quoted part is not closed"],
        ["shop.\"orders", "a quoted part is not closed"],
        ["sh\"op.orders", "a quote can only open a part; write a quote inside a quoted part as \"\""],
        ["\"shop\"\"x\"\"\".or\"ders", "a quote can only open a part; write a quote inside a quoted part as \"\""],
        ["\"shop\"x.orders", "a quoted part must end at a dot or at the end of the name"],
        [".orders", EmptyPart],
        ["shop.", EmptyPart],
        ["shop.\"\"", EmptyPart],
        ["shop. ", "a name cannot be only white space"],
        ["shop.ord\0ers", "a name cannot contain a NUL character"],
        [new string('t', 64), "it is 64 bytes long and PostgreSQL keeps only the first 63"],
        ["shop." + new string('t', 64), "it is 64 bytes long and PostgreSQL keeps only the first 63"],
        [new string('s', 70) + ".orders", "it is 70 bytes long and PostgreSQL keeps only the first 63"],
        [string.Concat(System.Linq.Enumerable.Repeat("é", 32)), "it is 64 bytes long and PostgreSQL keeps only the first 63"],
    ];

    public static IEnumerable<object[]> ValidNames =>
    [
        ["orders"],
        ["shop.orders"],
        ["Shared.Sessions"],
        ["\"my.schema\".sessions"],
        ["shop.\"orders.v2\""],
        ["\"a\"\"b\".orders"],
        ["\"\"\"\".orders"],
        ["order lines"],
        [new string('t', 63)],
        [new string('s', 63) + "." + new string('t', 63)],
        [string.Concat(System.Linq.Enumerable.Repeat("é", 31)) + "x"],
    ];

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public Task Invalid_name_fires_on_the_argument(string name, string error) =>
        VerifyCS.VerifyAnalyzerAsync(
            Table("{|#0:" + SymbolDisplay.FormatLiteral(name, quote: true) + "|}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTableName).WithLocation(0).WithArguments(name, error));

    [Theory]
    [MemberData(nameof(ValidNames))]
    public Task Valid_name_does_not_fire(string name) =>
        VerifyCS.VerifyAnalyzerAsync(Table(SymbolDisplay.FormatLiteral(name, quote: true)));

    [Fact]
    public Task Null_name_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            Table("{|#0:null|}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTableName).WithLocation(0).WithArguments("null", Empty));

    [Fact]
    public Task Constant_name_fires_on_the_constant_expression() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            internal static class Names
            {
                public const string Orders = "db.shop.orders";
            }

            [SqlTable({|#0:Names.Orders|}, Optional = true)]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTableName).WithLocation(0).WithArguments("db.shop.orders", TooManyParts));

    // TableParser.AttributeArgumentLocation counts only arguments without "name:" as positional, so a named
    // positional argument falls back to the whole attribute.
    [Fact]
    public Task Name_passed_by_parameter_name_fires_on_the_argument() =>
        VerifyCS.VerifyAnalyzerAsync(
            Table("name: {|#0:\"\"|}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTableName).WithLocation(0).WithArguments("", Empty));

    [Fact]
    public Task Missing_argument_is_left_to_the_compiler() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [{|CS7036:SqlTable|}]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """);

    private static string Table(string argument) =>
        $$"""
        using Tolerant;

        namespace Shop;

        [SqlTable({{argument}})]
        public partial record Order
        {
            [SqlKey] public int Id { get; init; }
        }
        """;
}
