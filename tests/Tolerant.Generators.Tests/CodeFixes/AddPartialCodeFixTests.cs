using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Tolerant.CodeFixes;
using Tolerant.Generators.Diagnostics;
using Xunit;
using Verify = Tolerant.Generators.Tests.CodeFixes.CSharpCodeFixVerifier<
    Tolerant.Generators.Analyzers.TableModelAnalyzer,
    Tolerant.CodeFixes.AddPartialCodeFixProvider>;

namespace Tolerant.Generators.Tests.CodeFixes;

/// <summary>TOL0001's fix: <c>partial</c> on every declaration of the type the diagnostic names, as the last modifier.</summary>
public sealed class AddPartialCodeFixTests
{
    [Theory]
    [InlineData("public record", "public partial record")]
    [InlineData("public sealed record", "public sealed partial record")]
    [InlineData("internal sealed class", "internal sealed partial class")]
    [InlineData("public struct", "public partial struct")]
    [InlineData("public readonly record struct", "public readonly partial record struct")]
    [InlineData("public record class", "public partial record class")]
    public Task Partial_goes_after_the_other_modifiers(string before, string after) =>
        VerifyAsync(
            $$"""
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            {{before}} {|#0:Order|}
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            $$"""
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            {{after}} Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Order"));

    [Fact]
    public Task Without_modifiers_partial_takes_the_keyword_place_under_comments_and_attributes() =>
        VerifyAsync(
            """
            using Tolerant;

            namespace Shop;

            /// <summary>An order.</summary>
            [SqlTable("shop.orders")]
            // The shop's oldest table.
            record {|#0:Order|}
            {
                [SqlKey] public int Id { get; init; }
            }

            /// <summary>A line.</summary>
            record {|#1:Line|}
            {
            }
            """,
            """
            using Tolerant;

            namespace Shop;

            /// <summary>An order.</summary>
            [SqlTable("shop.orders")]
            // The shop's oldest table.
            partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }

            /// <summary>A line.</summary>
            record Line
            {
            }
            """,
            Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Order"));

    // TableModelAnalyzer reports a containing type's TOL0001 from the nested [SqlTable] type's symbol action, at a
    // location outside that symbol: a non-local diagnostic, which the framework refuses to fix by default.
    [Fact]
    public Task A_containing_type_is_made_partial() =>
        VerifyAsync(
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
            """
            using Tolerant;

            namespace Shop;

            public static partial class Schema
            {
                [SqlTable("shop.orders")]
                public partial record Order
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Schema"));

    [Fact]
    public async Task Every_declaration_of_the_type_is_made_partial_in_every_file()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Order.cs", """
                        using Tolerant;

                        namespace Shop;

                        [SqlTable("shop.orders")]
                        public partial record {|#0:Order|}
                        {
                            [SqlKey] public int Id { get; init; }
                        }
                        """),
                    ("/0/Order.Notes.cs", """
                        namespace Shop;

                        public sealed record {|CS0260:Order|}
                        {
                            public string? Note { get; init; }
                        }
                        """),
                },
                ExpectedDiagnostics = { Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Order") },
            },
            FixedState =
            {
                Sources =
                {
                    ("/0/Order.cs", """
                        using Tolerant;

                        namespace Shop;

                        [SqlTable("shop.orders")]
                        public partial record Order
                        {
                            [SqlKey] public int Id { get; init; }
                        }
                        """),
                    ("/0/Order.Notes.cs", """
                        namespace Shop;

                        public sealed partial record Order
                        {
                            public string? Note { get; init; }
                        }
                        """),
                },
            },
            CodeActionEquivalenceKey = AddPartialCodeFixProvider.EquivalenceKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Make 'Order' partial", action.Title),
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_all_makes_every_level_partial_at_once()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Tolerant;

                namespace Shop;

                public class {|#0:Schema|}
                {
                    internal partial class Sales
                    {
                        [SqlTable("shop.orders")]
                        public sealed record {|#1:Order|}
                        {
                            [SqlKey] public int Id { get; init; }
                        }
                    }
                }

                [SqlTable("shop.customers")]
                public record {|#2:Customer|}
                {
                    [SqlKey] public int Id { get; init; }
                }
                """,
            FixedCode = """
                using Tolerant;

                namespace Shop;

                public partial class Schema
                {
                    internal partial class Sales
                    {
                        [SqlTable("shop.orders")]
                        public sealed partial record Order
                        {
                            [SqlKey] public int Id { get; init; }
                        }
                    }
                }

                [SqlTable("shop.customers")]
                public partial record Customer
                {
                    [SqlKey] public int Id { get; init; }
                }
                """,
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments("Schema"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(1).WithArguments("Order"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(2).WithArguments("Customer"));
        await test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyAsync(string source, string fixedSource, DiagnosticResult expected)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = AddPartialCodeFixProvider.EquivalenceKey,
            CodeFixTestBehaviors = CodeFixTestBehaviors.None,
        };
        test.ExpectedDiagnostics.Add(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
