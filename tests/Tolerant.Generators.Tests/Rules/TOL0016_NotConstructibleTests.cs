using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0016: the generated reader builds rows as <c>new T(positional) { others }</c>; a model for which that would not
/// compile is refused with the reason, instead of failing inside generated code.
/// </summary>
public sealed class TOL0016_NotConstructibleTests
{
    [Fact]
    public Task Unmapped_positional_parameter_fires_on_the_parameter() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [SqlIgnore] string {|#0:Display|});
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NotConstructible).WithLocation(0).WithArguments(
                "Order",
                "positional parameter 'Display' is not mapped, so the reader has no value for it; map it or move it out of the parameter list"));

    [Fact]
    public Task Mapped_positional_parameters_do_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, string Display)
            {
                [SqlIgnore] public string? Note { get; init; }
            }
            """);

    [Fact]
    public Task Class_without_parameterless_constructor_fires_on_the_type() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            [SqlTable("shop.orders")]
            public sealed partial class {|#0:Order|}
            {
                public Order(int id) => Id = id;

                [SqlKey] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NotConstructible).WithLocation(0).WithArguments(
                "Order",
                "it has no parameterless constructor; add one (it may be private) or make the type a positional record"));

    [Theory]
    [InlineData("private Order() { } public Order(int id) : this() => Id = id;")]
    [InlineData("public Order() { } public Order(int id) : this() => Id = id;")]
    [InlineData("")]
    public Task Class_with_a_parameterless_constructor_of_any_accessibility_does_not_fire(string constructors) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using Tolerant;

            [SqlTable("shop.orders")]
            public sealed partial class Order
            {
                {{constructors}}

                [SqlKey] public int Id { get; init; }
            }
            """);

    [Fact]
    public Task Unmapped_required_member_fires_on_the_member() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            [SqlTable("shop.orders")]
            public sealed partial record Order
            {
                [SqlKey] public int Id { get; init; }

                [SqlIgnore] public required string {|#0:Label|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NotConstructible).WithLocation(0).WithArguments(
                "Order",
                "required member 'Label' is not mapped, so the reader cannot set it; map it or drop 'required'"));

    [Fact]
    public Task Mapped_required_member_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            [SqlTable("shop.orders")]
            public sealed partial record Order
            {
                [SqlKey] public int Id { get; init; }

                public required string Label { get; init; }
            }
            """);

    [Fact]
    public Task Property_obsolete_as_an_error_fires_on_the_property() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            [SqlTable("shop.orders")]
            public sealed partial record Order
            {
                [SqlKey] public int Id { get; init; }

                [Obsolete("gone", error: true)] public string? {|#0:Label|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NotConstructible).WithLocation(0).WithArguments(
                "Order",
                "property 'Label' is obsolete as an error, so generated code cannot touch it; mark it [SqlIgnore]"));

    [Fact]
    public Task Static_class_reports_only_its_kind() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            [SqlTable("shop.orders")]
            public static partial class {|#0:Order|}
            {
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedTypeKind).WithLocation(0).WithArguments("Order", "a static class"),
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("Order", "shop.orders"));
}
