using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0013: a mapped property has neither set nor init accessor and is not a positional record parameter, so rows
/// read from the table could not fill it.
/// </summary>
public sealed class TOL0013_PropertyNotWritableTests
{
    private static string Row(string keyword, string property) =>
        $$"""
        using System;
        using Tolerant;

        namespace Shop;

        [SqlTable("shop.orders")]
        public partial {{keyword}} Order
        {
            [SqlKey] public int Id { get; init; }

            {{property}}
        }
        """;

    [Theory]
    [InlineData("record")]
    [InlineData("class")]
    [InlineData("struct")]
    [InlineData("record struct")]
    public Task Get_only_auto_property_fires_on_the_property(string keyword) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row(keyword, "public int {|#0:Total|} { get; }"),
            VerifyCS.Diagnostic(DiagnosticIds.PropertyNotWritable).WithLocation(0).WithArguments("Total"));

    [Theory]
    [InlineData("public int {|#0:Total|} => 42;")]
    [InlineData("public int {|#0:Total|} { get { return 42; } }")]
    [InlineData("public DateTimeOffset {|#0:Total|} { get; } = DateTimeOffset.UnixEpoch;")]
    public Task Computed_and_initialized_get_only_properties_fire(string property) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("record", property),
            VerifyCS.Diagnostic(DiagnosticIds.PropertyNotWritable).WithLocation(0).WithArguments("Total"));

    [Theory]
    [InlineData("public int Total { get; init; }")]
    [InlineData("public int Total { get; set; }")]
    [InlineData("public int Total { get; private set; }")]
    [InlineData("public int Total { get; private init; }")]
    [InlineData("public required int Total { get; init; }")]
    [InlineData("[SqlIgnore] public int Total => 42;")]
    [InlineData("private int Total => 42;")]
    public Task Settable_or_unmapped_properties_do_not_fire(string property) =>
        VerifyCS.VerifyAnalyzerAsync(Row("record", property));

    [Fact]
    public Task Positional_record_parameter_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, int Total);
            """);

    [Fact]
    public Task Positional_parameter_redeclared_as_get_only_property_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, int Total)
            {
                public int Total { get; } = Total;
            }
            """);

    [Fact]
    public Task Get_only_property_beside_positional_parameters_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, int Total)
            {
                public int {|#0:Doubled|} => Total * 2;
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.PropertyNotWritable).WithLocation(0).WithArguments("Doubled"));

    [Fact]
    public Task Primary_constructor_parameter_of_a_class_is_not_positional() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial class Order(int total)
            {
                [SqlKey] public int Id { get; init; }
                public int {|#0:Total|} { get; } = total;
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.PropertyNotWritable).WithLocation(0).WithArguments("Total"));
}
