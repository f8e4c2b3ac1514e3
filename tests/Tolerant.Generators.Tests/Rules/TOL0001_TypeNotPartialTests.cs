using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>TOL0001: a [SqlTable] type and every type containing it must be partial.</summary>
public sealed class TOL0001_TypeNotPartialTests
{
    [Theory]
    [InlineData("record")]
    [InlineData("sealed record")]
    [InlineData("class")]
    [InlineData("sealed class")]
    [InlineData("struct")]
    [InlineData("record struct")]
    [InlineData("readonly record struct")]
    public Task Non_partial_type_fires_on_its_name(string keywords) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public {{keywords}} {|#0:Order|}
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Order"));

    [Theory]
    [InlineData("partial record")]
    [InlineData("sealed partial record")]
    [InlineData("partial class")]
    [InlineData("partial struct")]
    [InlineData("partial record struct")]
    [InlineData("readonly partial record struct")]
    public Task Partial_type_does_not_fire(string keywords) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public {{keywords}} Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """);

    [Fact]
    public Task Non_partial_containing_type_fires_on_the_containing_type_only() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public static class {|#0:Schema|}
            {
                [SqlTable("shop.orders")]
                public partial record Order
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Schema"));

    [Fact]
    public Task Nested_in_partial_types_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public static partial class Schema
            {
                public partial struct Sales
                {
                    [SqlTable("shop.orders")]
                    public partial record Order
                    {
                        [SqlKey] public int Id { get; init; }
                    }
                }
            }
            """);

    [Fact]
    public Task Every_non_partial_level_fires_once() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public class {|#0:Schema|}
            {
                public partial class Sales
                {
                    [SqlTable("shop.orders")]
                    public record {|#1:Order|}
                    {
                        [SqlKey] public int Id { get; init; }
                    }
                }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Schema"),
            VerifyCS.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(1).WithArguments("Order"));

    // An enum or a delegate cannot be partial: the compiler's CS0592 (attribute not valid here) says all there is.
    [Theory]
    [InlineData("public enum State { Pending, Done }")]
    [InlineData("public delegate void Handler(int id);")]
    public Task SqlTable_on_a_type_that_cannot_be_partial_is_left_to_the_compiler(string declaration) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using Tolerant;

            namespace Shop;

            [{|CS0592:SqlTable|}("shop.states")]
            {{declaration}}
            """);

    [Fact]
    public Task Non_partial_type_without_SqlTable_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """);

    [Fact]
    public Task Type_partial_in_one_file_only_fires_beside_the_compiler_error() =>
        VerifyCS.VerifyAnalyzerAsync(
            [
                ("/0/Order.cs", """
                    using Tolerant;

                    namespace Shop;

                    [SqlTable("shop.orders")]
                    public partial record {|#0:Order|}
                    {
                        [SqlKey] public int Id { get; init; }
                    }
                    """),
                ("/0/Order.More.cs", """
                    namespace Shop;

                    public record {|CS0260:Order|}
                    {
                        public string? Note { get; init; }
                    }
                    """),
            ],
            VerifyCS.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Order"));
}
