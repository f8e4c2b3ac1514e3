using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Tests.Infrastructure;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0012: the type declares a member named <c>Columns</c>, the nested class the generator adds. Cases that need the
/// generated class itself run the generator through <see cref="GeneratorRun"/>.
/// </summary>
public sealed class TOL0012_MemberNameConflictTests
{
    private static string Row(string member) =>
        $$"""
        using Tolerant;

        namespace Shop;

        [SqlTable("shop.orders")]
        public partial record Order
        {
            [SqlKey] public int Id { get; init; }

            {{member}}
        }
        """;

    [Fact]
    public Task Mapped_property_named_Columns_fires_on_the_property() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("public int {|#0:Columns|} { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Order", "Columns"));

    [Fact]
    public Task Ignored_property_named_Columns_still_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlIgnore] public string[] {|#0:Columns|} { get; init; } = [];"),
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Order", "Columns"));

    [Fact]
    public Task Nested_class_named_Columns_fires_on_the_class() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("public static class {|#0:Columns|} { public const string Id = \"id\"; }"),
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Order", "Columns"));

    [Fact]
    public Task Private_field_named_Columns_fires_on_the_field() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("private readonly int {|#0:Columns|} = 3;"),
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Order", "Columns"));

    // Reported on the member's name like properties, parameters and nested types; TableParser.IdentifierLocation
    // has no case for methods (it falls back to the whole declaration, body included) or fields (the declarator,
    // initializer included).
    [Fact]
    public Task Method_named_Columns_fires_on_its_name() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("public static string[] {|#0:Columns|}() => [\"id\"];"),
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Order", "Columns"));

    [Fact]
    public Task Positional_parameter_named_Columns_fires_on_the_parameter() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, int {|#0:Columns|});
            """,
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Order", "Columns"));

    [Fact]
    public Task Table_type_named_Columns_fires_on_the_type() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.columns")]
            public partial record {|#0:Columns|}
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Columns", "Columns"));

    [Theory]
    [InlineData("public int ColumnCount { get; init; }")]
    [InlineData("public int columns { get; init; }")]
    [InlineData("public static class ColumnNames { }")]
    public Task Similar_names_do_not_fire(string member) =>
        VerifyCS.VerifyAnalyzerAsync(Row(member));

    [Fact]
    public Task Member_named_Columns_on_the_containing_type_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public partial class Schema
            {
                public static int Columns => 3;

                [SqlTable("shop.orders")]
                public partial record Order
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """);

    [Fact]
    public void Generated_Columns_class_does_not_fire()
    {
        var run = GeneratorRun.Of(Row("public string? Note { get; init; }"));

        Assert.Contains("Shop.Order.g.cs", run.Generated.Keys);
        Assert.Contains("public static class Columns", run.Generated["Shop.Order.g.cs"], System.StringComparison.Ordinal);
        Assert.Empty(run.TolerantDiagnostics);
        Assert.Empty(run.CompilerErrors);
    }

    [Fact]
    public void User_member_named_Columns_stops_generation_so_nothing_is_declared_twice()
    {
        var run = GeneratorRun.Of(Row("public static class Columns { }"));

        var diagnostic = Assert.Single(run.TolerantDiagnostics);
        Assert.Equal(DiagnosticIds.MemberNameConflict, diagnostic.Id);
        Assert.Empty(run.Generated);
        Assert.Empty(run.CompilerErrors);
    }

    // TableParser.IsGeneratedByTolerant takes any nested class whose file path contains "Tolerant.Generators" for
    // the generated one, so a user's own Columns class in such a folder goes unreported.
    [Fact]
    public Task User_Columns_class_in_a_folder_named_like_the_generator_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            [
                ("/src/Acme.Tolerant.Generators.Samples/Order.cs", Row("public static class {|#0:Columns|} { }")),
            ],
            VerifyCS.Diagnostic(DiagnosticIds.MemberNameConflict).WithLocation(0).WithArguments("Order", "Columns"));

    [Fact]
    public void User_Columns_class_in_a_folder_named_like_the_generator_stops_generation()
    {
        var run = GeneratorRun.Of(TestCompilation.Create(
            [("/src/Acme.Tolerant.Generators.Samples/Order.cs", Row("public static class Columns { }"))]));

        Assert.Contains(run.TolerantDiagnostics, d => d.Id == DiagnosticIds.MemberNameConflict);
        Assert.Empty(run.Generated);
        Assert.Empty(run.CompilerErrors);
    }
}
