using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0007: an optional column on a non-nullable property must declare the migration's Default, since rows read
/// while the column is missing could not hold NULL.
/// </summary>
public sealed class TOL0007_OptionalColumnNeedsDefaultTests
{
    private static string Row(string property) =>
        $$"""
        using System;
        using Tolerant;

        namespace Shop;

        public enum Status { Pending, Done }

        [SqlTable("shop.orders")]
        public partial record Order
        {
            [SqlKey] public int Id { get; init; }

            {{property}}
        }
        """;

    [Theory]
    [InlineData("bool", "IsActive", "is_active")]
    [InlineData("int", "Attempts", "attempts")]
    [InlineData("DateTimeOffset", "UpdatedAt", "updated_at")]
    [InlineData("Guid", "TenantId", "tenant_id")]
    [InlineData("Status", "State", "state")]
    [InlineData("string", "Channel", "channel")]
    [InlineData("byte[]", "Blob", "blob")]
    public Task Non_nullable_optional_without_Default_fires(string type, string property, string column) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row($"[OptionalColumn(Since = \"015\")] public {type} {{|#0:{property}|}} {{ get; init; }}"),
            VerifyCS.Diagnostic(DiagnosticIds.OptionalColumnNeedsDefault).WithLocation(0).WithArguments(column, property));

    [Theory]
    [InlineData("bool?")]
    [InlineData("int?")]
    [InlineData("DateTimeOffset?")]
    [InlineData("Status?")]
    [InlineData("string?")]
    [InlineData("byte[]?")]
    public Task Nullable_optional_without_Default_does_not_fire(string type) =>
        VerifyCS.VerifyAnalyzerAsync(Row($"[OptionalColumn(Since = \"015\")] public {type} Value {{ get; init; }}"));

    [Theory]
    [InlineData("bool", "true")]
    [InlineData("int", "0")]
    [InlineData("DateTimeOffset", "'2000-01-01 00:00:00+00'")]
    [InlineData("Status", "0")]
    [InlineData("string", "'web'")]
    public Task Non_nullable_optional_with_Default_does_not_fire(string type, string defaultSql) =>
        VerifyCS.VerifyAnalyzerAsync(Row($"[OptionalColumn(Since = \"015\", Default = \"{defaultSql}\")] public {type} Value {{ get; init; }}"));

    [Fact]
    public Task Explicit_null_Default_on_a_non_nullable_property_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[OptionalColumn(Default = null)] public bool {|#0:IsActive|} { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.OptionalColumnNeedsDefault).WithLocation(0).WithArguments("is_active", "IsActive"));

    [Fact]
    public Task Explicit_column_name_is_the_one_reported() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn(\"active\"), OptionalColumn] public bool {|#0:IsActive|} { get; init; }"),
            VerifyCS.Diagnostic(DiagnosticIds.OptionalColumnNeedsDefault).WithLocation(0).WithArguments("active", "IsActive"));

    [Fact]
    public Task Positional_parameter_fires_on_the_parameter() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [OptionalColumn(Since = "015")] int {|#0:Attempts|});
            """,
            VerifyCS.Diagnostic(DiagnosticIds.OptionalColumnNeedsDefault).WithLocation(0).WithArguments("attempts", "Attempts"));

    [Fact]
    public Task Positional_parameter_with_Default_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [OptionalColumn(Since = "015", Default = "3")] int Attempts);
            """);

    [Fact]
    public Task Reference_type_in_a_nullable_oblivious_context_counts_as_nullable() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            #nullable disable
            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                [OptionalColumn(Since = "015")] public string Channel { get; init; }
            }
            """);

    [Fact]
    public Task Non_optional_non_nullable_property_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(Row("public bool IsActive { get; init; }"));
}
