using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>TOL0002: a [SqlTable] type can be neither generic nor nested in a generic type.</summary>
public sealed class TOL0002_GenericTypeTests
{
    [Fact]
    public Task Generic_record_fires_on_its_name() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.boxes")]
            public partial record {|#0:Box|}<T>
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.GenericType).WithLocation(0).WithArguments("Box"));

    [Fact]
    public Task Generic_struct_with_two_type_parameters_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.pairs")]
            public partial struct {|#0:Pair|}<TLeft, TRight>
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.GenericType).WithLocation(0).WithArguments("Pair"));

    [Fact]
    public Task Non_generic_type_nested_in_a_generic_type_fires_on_the_nested_type() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public partial class Repository<TEntity>
            {
                [SqlTable("shop.rows")]
                public partial record {|#0:Row|}
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.GenericType).WithLocation(0).WithArguments("Row"));

    [Fact]
    public Task Nested_two_levels_below_a_generic_type_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public partial class Repository<TEntity>
            {
                public partial class Tables
                {
                    [SqlTable("shop.rows")]
                    public partial record {|#0:Row|}
                    {
                        [SqlKey] public int Id { get; init; }
                    }
                }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.GenericType).WithLocation(0).WithArguments("Row"));

    [Fact]
    public Task Non_generic_type_nested_in_a_non_generic_type_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public partial class Repository
            {
                [SqlTable("shop.rows")]
                public partial record Row
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """);

    [Fact]
    public Task Non_generic_type_deriving_from_a_closed_generic_base_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            public abstract record Entity<TKey>;

            [SqlTable("shop.rows")]
            public sealed partial record Row : Entity<int>
            {
                [SqlKey] public int Id { get; init; }
            }
            """);

    [Fact]
    public Task Generic_method_on_a_non_generic_type_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.rows")]
            public sealed partial record Row
            {
                [SqlKey] public int Id { get; init; }

                public T Echo<T>(T value) => value;
            }
            """);
}
