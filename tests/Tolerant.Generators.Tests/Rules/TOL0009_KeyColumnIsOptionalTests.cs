using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>TOL0009: a [SqlKey] column cannot also be an [OptionalColumn]; rows are named by their key.</summary>
public sealed class TOL0009_KeyColumnIsOptionalTests
{
    private static string Row(string property) =>
        $$"""
        using System;
        using Tolerant;

        namespace Shop;

        [SqlTable("shop.orders")]
        public partial record Order
        {
            [SqlKey] public int Id { get; init; }

            {{property}}
        }
        """;

    [Fact]
    public Task Key_that_is_optional_fires_on_the_property() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlKey, OptionalColumn(Since = \"015\")] public int? {|#0:TenantId|} { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.KeyColumnIsOptional).WithLocation(0).WithArguments("tenant_id"));

    [Fact]
    public Task Key_that_is_optional_with_a_valid_Default_still_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlKey][OptionalColumn(Default = \"0\")] public int {|#0:Shard|} { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.KeyColumnIsOptional).WithLocation(0).WithArguments("shard"));

    [Fact]
    public Task Non_nullable_optional_key_without_Default_fires_both_rules() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlKey, OptionalColumn] public Guid {|#0:TenantId|} { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.KeyColumnIsOptional).WithLocation(0).WithArguments("tenant_id"),
            VerifyCS.Diagnostic(DiagnosticIds.OptionalColumnNeedsDefault).WithLocation(0).WithArguments("tenant_id", "TenantId"));

    [Fact]
    public Task Explicit_column_name_is_the_one_reported() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlKey, SqlColumn(\"shard_no\"), OptionalColumn(Default = \"0\")] public int {|#0:Shard|} { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.KeyColumnIsOptional).WithLocation(0).WithArguments("shard_no"));

    [Fact]
    public Task Optional_key_on_a_positional_parameter_fires_on_the_parameter() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [SqlKey, OptionalColumn(Default = "0")] int {|#0:Shard|});
            """,
            VerifyCS.Diagnostic(DiagnosticIds.KeyColumnIsOptional).WithLocation(0).WithArguments("shard"));

    [Fact]
    public Task Key_and_optional_split_between_parameter_and_property_targets_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [property: SqlKey][OptionalColumn(Default = "0")] int {|#0:Shard|});
            """,
            VerifyCS.Diagnostic(DiagnosticIds.KeyColumnIsOptional).WithLocation(0).WithArguments("shard"));

    [Fact]
    public Task Key_alone_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(Row("[SqlKey] public int Shard { get; init; }"));

    [Fact]
    public Task Optional_alone_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(Row("[OptionalColumn(Since = \"015\")] public int? Shard { get; init; }"));

    [Fact]
    public Task Key_in_an_optional_table_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders", Optional = true)]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """);
}
