using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0004: two mapped properties map to the same column. It fires on the later property in column order
/// (positional parameters first, then the other properties in source order) and names the first.
/// </summary>
public sealed class TOL0004_DuplicateColumnNameTests
{
    [Fact]
    public Task Explicit_name_equal_to_a_default_name_fires_on_the_second_property() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                public Guid UserId { get; init; }
                [SqlColumn("user_id")] public Guid {|#0:Owner|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.DuplicateColumnName).WithLocation(0).WithArguments("UserId", "Owner", "user_id"));

    [Fact]
    public Task Source_order_decides_which_property_is_second() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                [SqlColumn("user_id")] public Guid Owner { get; init; }
                public Guid {|#0:UserId|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.DuplicateColumnName).WithLocation(0).WithArguments("Owner", "UserId", "user_id"));

    [Fact]
    public Task Two_default_names_that_snake_case_alike_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                public Guid UserId { get; init; }
                public Guid {|#0:UserID|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.DuplicateColumnName).WithLocation(0).WithArguments("UserId", "UserID", "user_id"));

    [Fact]
    public Task Three_properties_on_one_column_fire_twice_naming_the_first() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                [SqlColumn("note")] public string? First { get; init; }
                [SqlColumn("note")] public string? {|#0:Second|} { get; init; }
                [SqlColumn("note")] public string? {|#1:Third|} { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.DuplicateColumnName).WithLocation(0).WithArguments("First", "Second", "note"),
            VerifyCS.Diagnostic(DiagnosticIds.DuplicateColumnName).WithLocation(1).WithArguments("First", "Third", "note"));

    [Fact]
    public Task Positional_parameters_come_first_even_when_declared_in_a_later_file() =>
        VerifyCS.VerifyAnalyzerAsync(
            [
                ("/0/Order.Extra.cs", """
                    using System;
                    using Tolerant;

                    namespace Shop;

                    public partial record Order
                    {
                        [SqlColumn("user_id")] public Guid {|#0:Owner|} { get; init; }
                    }
                    """),
                ("/0/Order.cs", """
                    using System;
                    using Tolerant;

                    namespace Shop;

                    [SqlTable("shop.orders")]
                    public partial record Order([SqlKey] int Id, Guid UserId);
                    """),
            ],
            VerifyCS.Diagnostic(DiagnosticIds.DuplicateColumnName).WithLocation(0).WithArguments("UserId", "Owner", "user_id"));

    [Fact]
    public Task Duplicate_positional_column_fires_on_the_parameter() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order([SqlKey] int Id, Guid UserId, [SqlColumn("user_id")] Guid {|#0:Owner|});
            """,
            VerifyCS.Diagnostic(DiagnosticIds.DuplicateColumnName).WithLocation(0).WithArguments("UserId", "Owner", "user_id"));

    [Fact]
    public Task Names_differing_only_in_case_are_different_columns() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                public string? Name { get; init; }
                [SqlColumn("Name")] public string? DisplayName { get; init; }
            }
            """);

    [Fact]
    public Task Ignored_and_non_public_properties_take_no_column() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                public Guid UserId { get; init; }
                [SqlIgnore, SqlColumn("user_id")] public Guid Owner { get; init; }
                [SqlColumn("user_id")] internal Guid Buyer { get; init; }
            }
            """);
}
