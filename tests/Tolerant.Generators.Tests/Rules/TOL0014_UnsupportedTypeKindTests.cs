using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>TOL0014: a [SqlTable] type must be something rows can be read into: not abstract, static or a ref struct.</summary>
public sealed class TOL0014_UnsupportedTypeKindTests
{
    [Theory]
    [InlineData("abstract partial record")]
    [InlineData("abstract partial class")]
    public Task Abstract_type_fires(string keywords) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row(keywords, "{|#0:Order|}"),
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedTypeKind).WithLocation(0).WithArguments("Order", "abstract"));

    [Theory]
    [InlineData("ref partial struct")]
    [InlineData("readonly ref partial struct")]
    public Task Ref_struct_fires(string keywords) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row(keywords, "{|#0:Order|}"),
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedTypeKind).WithLocation(0).WithArguments("Order", "a ref struct"));

    // TOL0016 ("no parameterless constructor") would only restate that a static class cannot be instantiated.
    [Fact]
    public Task Static_class_fires_and_maps_no_columns() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public static partial class {|#0:Order|}
            {
                [SqlKey] public static int Id { get; set; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedTypeKind).WithLocation(0).WithArguments("Order", "a static class"),
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("Order", "shop.orders"));

    [Theory]
    [InlineData("partial record")]
    [InlineData("sealed partial record")]
    [InlineData("partial class")]
    [InlineData("sealed partial class")]
    [InlineData("partial struct")]
    [InlineData("readonly partial struct")]
    [InlineData("partial record struct")]
    [InlineData("readonly partial record struct")]
    public Task Concrete_type_does_not_fire(string keywords) =>
        VerifyCS.VerifyAnalyzerAsync(Row(keywords, "Order"));

    [Fact]
    public Task Concrete_type_deriving_from_an_abstract_base_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public abstract record Entity
            {
                public abstract string Kind { get; }
            }

            [SqlTable("shop.orders")]
            public sealed partial record Order : Entity
            {
                [SqlKey] public int Id { get; init; }
                [SqlIgnore] public override string Kind => "order";
            }
            """);

    private static string Row(string keywords, string name) =>
        $$"""
        using Tolerant;

        namespace Shop;

        [SqlTable("shop.orders")]
        public {{keywords}} {{name}}
        {
            [SqlKey] public int Id { get; init; }
        }
        """;
}
