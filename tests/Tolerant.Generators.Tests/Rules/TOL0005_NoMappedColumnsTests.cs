using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0005: a [SqlTable] type maps no columns. Not reported when its properties were each refused with their own
/// diagnostic: "no columns" would only repeat them.
/// </summary>
public sealed class TOL0005_NoMappedColumnsTests
{
    [Fact]
    public Task Empty_record_fires_with_the_table_name() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record {|#0:Order|};
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("Order", "shop.orders"));

    [Fact]
    public Task Positional_record_without_parameters_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record {|#0:Order|}();
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("Order", "orders"));

    [Fact]
    public Task Only_ignored_non_public_static_indexer_and_set_only_properties_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial class {|#0:Order|}
            {
                [SqlIgnore] public int Id { get; init; }
                internal int Internal { get; init; }
                private int Private { get; init; }
                public static int Static { get; set; }
                public int this[int index] => index;
                public int SetOnly { set { } }
                public int Field;
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("Order", "shop.orders"));

    [Fact]
    public Task Class_with_only_a_primary_constructor_fires_beside_TOL0016() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial class {|#0:Order|}(int id)
            {
                public int Read() => id;
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("Order", "shop.orders"),
            VerifyCS.Diagnostic(DiagnosticIds.NotConstructible).WithLocation(0)
                .WithArguments("Order", "it has no parameterless constructor; add one (it may be private) or make the type a positional record"));

    [Fact]
    public Task Invalid_table_name_is_replaced_by_the_type_name() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable({|#1:"a.b.c"|})]
            public partial record {|#0:Order|};
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTableName).WithLocation(1)
                .WithArguments("a.b.c", "write \"table\" or \"schema.table\"; quote a part that contains a dot"),
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("Order", "Order"));

    [Fact]
    public Task One_mapped_property_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                [SqlIgnore] public string? Display { get; init; }
            }
            """);

    [Fact]
    public Task Only_property_refused_for_its_type_reports_TOL0003_alone() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                public object? {|#0:Payload|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedPropertyType).WithLocation(0).WithArguments("Payload", "object?"));

    [Fact]
    public Task Only_property_refused_as_not_writable_reports_TOL0013_alone() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                public int {|#0:Total|} => 42;
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.PropertyNotWritable).WithLocation(0).WithArguments("Total"));

    [Fact]
    public Task Only_property_refused_for_its_column_name_reports_TOL0011_alone() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlColumn({|#0:""|})] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidColumnName).WithLocation(0).WithArguments("", "Id", "a name cannot be empty"));

    [Fact]
    public Task Only_property_refused_as_optional_without_default_reports_TOL0007_alone() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [OptionalColumn(Since = "015")] public bool {|#0:IsActive|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.OptionalColumnNeedsDefault).WithLocation(0).WithArguments("is_active", "IsActive"));

    [Fact]
    public Task Only_property_refused_for_its_default_reports_TOL0008_alone() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [OptionalColumn(Default = {|#0:"yes"|})] public bool IsActive { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidDefaultLiteral).WithLocation(0)
                .WithArguments("yes", "is_active", "boolean", "write true or false"));

    [Fact]
    public Task Only_property_refused_as_an_optional_key_reports_TOL0009_alone() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey, OptionalColumn] public int? {|#0:Id|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.KeyColumnIsOptional).WithLocation(0).WithArguments("id"));

    [Fact]
    public Task Only_property_refused_for_its_TypeName_reports_TOL0015_alone() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey, SqlColumn(TypeName = {|#0:"int; drop table x"|})] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidTypeName).WithLocation(0)
                .WithArguments("int; drop table x", "Id", "it contains ';'"));

    // A property whose type does not exist is refused too (ColumnParser: ok &= ... TypeKind != Error), and reported
    // by the compiler (CS0246); "maps no columns" would be false, the type declares one.
    [Fact]
    public Task Only_property_of_an_unknown_type_is_left_to_the_compiler() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public {|CS0246:OrderKey|} Id { get; init; }
            }
            """);
}
