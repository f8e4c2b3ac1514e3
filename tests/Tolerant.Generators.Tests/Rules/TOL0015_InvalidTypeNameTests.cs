using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0015: a [SqlColumn(TypeName = ...)] that could end, comment out or escape from the SQL it is put into, or whose
/// parentheses or double quotes do not match. Reported on the TypeName argument.
/// </summary>
public sealed class TOL0015_InvalidTypeNameTests
{
    private const string Parentheses = "its parentheses do not match";
    private const string Comment = "it contains a comment";

    [Theory]
    [InlineData("jsonb; drop table users", "it contains ';'")]
    [InlineData("text;", "it contains ';'")]
    [InlineData("int -- trailing", Comment)]
    [InlineData("int /* block */", Comment)]
    [InlineData("numeric(10", Parentheses)]
    [InlineData("numeric(10))", Parentheses)]
    [InlineData(")numeric(", Parentheses)]
    [InlineData("text'", "it contains '''")]
    [InlineData("a\\b", "it contains '\\'")]
    [InlineData("$1", "it contains '$'")]
    [InlineData("text\n", "it contains '\\n'")]
    [InlineData("text\r", "it contains '\\r'")]
    [InlineData("te\0xt", "it contains '\\0'")]
    [InlineData("\"My\"Type\"", "a quoted part is not closed")]
    [InlineData("\"unclosed", "a quoted part is not closed")]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    public Task Invalid_TypeName_fires_on_the_argument(string typeName, string error) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn(TypeName = {|#0:" + SymbolDisplay.FormatLiteral(typeName, quote: true) + "|})]"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTypeName).WithLocation(0).WithArguments(typeName, "Value", error));

    [Theory]
    [InlineData("jsonb")]
    [InlineData("varchar(64)")]
    [InlineData("numeric(10, 2)")]
    [InlineData("timestamp with time zone")]
    [InlineData("double precision")]
    [InlineData("integer[]")]
    [InlineData("\"MyType\"")]
    [InlineData("public.\"Complex Type\"")]
    [InlineData("\"odd(\"")]
    [InlineData("\"odd\"\"quote\"")]
    [InlineData("  text  ")]
    public Task Valid_TypeName_does_not_fire(string typeName) =>
        VerifyCS.VerifyAnalyzerAsync(Row("[SqlColumn(TypeName = " + SymbolDisplay.FormatLiteral(typeName, quote: true) + ")]"));

    [Fact]
    public Task Null_TypeName_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn(TypeName = {|#0:null|})]"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTypeName).WithLocation(0).WithArguments("null", "Value", "it is empty"));

    [Fact]
    public Task TypeName_beside_a_column_name_fires_on_the_TypeName() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn(\"payload\", TypeName = {|#0:\"jsonb; --\"|})]"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTypeName).WithLocation(0).WithArguments("jsonb; --", "Value", "it contains ';'"));

    [Fact]
    public Task Invalid_TypeName_on_a_positional_parameter_fires_on_the_argument() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [SqlColumn(TypeName = {|#0:"varchar(64"|})] string Value);
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTypeName).WithLocation(0).WithArguments("varchar(64", "Value", Parentheses));

    private static string Row(string attribute) =>
        $$"""
        using Tolerant;

        namespace Shop;

        [SqlTable("shop.orders")]
        public partial record Order
        {
            [SqlKey] public int Id { get; init; }

            {{attribute}} public string? Value { get; init; }
        }
        """;
}
