using System.Threading.Tasks;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>TOL0003: a mapped property's CLR type has no default PostgreSQL mapping and no TypeName names one.</summary>
public sealed class TOL0003_UnsupportedPropertyTypeTests
{
    private static string Row(string property) =>
        $$"""
        using System;
        using System.Collections.Generic;
        using Tolerant;

        namespace Shop;

        public enum Wide : ulong { None = 0 }

        public enum Narrow : byte { None = 0 }

        public enum Medium : uint { None = 0 }

        public enum Plain { None = 0 }

        [SqlTable("shop.rows")]
        public partial record Row
        {
            [SqlKey] public int Id { get; init; }

            {{property}}
        }
        """;

    [Theory]
    [InlineData("object", "object")]
    [InlineData("object?", "object?")]
    [InlineData("List<int>", "List<int>")]
    [InlineData("Dictionary<string, int>", "Dictionary<string, int>")]
    [InlineData("ulong", "ulong")]
    [InlineData("uint", "uint")]
    [InlineData("byte", "byte")]
    [InlineData("char", "char")]
    [InlineData("char?", "char?")]
    [InlineData("Wide", "Wide")]
    [InlineData("Wide?", "Wide?")]
    [InlineData("int[]", "int[]")]
    [InlineData("byte[,]", "byte[,]")]
    [InlineData("Uri", "Uri")]
    [InlineData("Row?", "Row?")]
    public Task Unsupported_type_fires_on_the_property(string type, string display) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row($"public {type} {{|#0:Value|}} {{ get; init; }}"),
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedPropertyType).WithLocation(0).WithArguments("Value", display));

    [Theory]
    [InlineData("bool")]
    [InlineData("short")]
    [InlineData("int")]
    [InlineData("long")]
    [InlineData("float")]
    [InlineData("double")]
    [InlineData("decimal")]
    [InlineData("string?")]
    [InlineData("Guid")]
    [InlineData("DateTime")]
    [InlineData("DateTimeOffset")]
    [InlineData("DateOnly")]
    [InlineData("TimeOnly")]
    [InlineData("TimeSpan")]
    [InlineData("byte[]?")]
    [InlineData("int?")]
    [InlineData("Guid?")]
    [InlineData("Plain")]
    [InlineData("Narrow")]
    [InlineData("Medium?")]
    public Task Supported_type_does_not_fire(string type) =>
        VerifyCS.VerifyAnalyzerAsync(Row($"public {type} Value {{ get; init; }}"));

    [Theory]
    [InlineData("object?", "jsonb")]
    [InlineData("List<int>", "integer[]")]
    [InlineData("ulong", "numeric(20)")]
    [InlineData("char", "char(1)")]
    [InlineData("Wide", "numeric(20)")]
    [InlineData("int[]", "integer[]")]
    public Task The_same_type_with_a_TypeName_does_not_fire(string type, string typeName) =>
        VerifyCS.VerifyAnalyzerAsync(Row($"[SqlColumn(TypeName = \"{typeName}\")] public {type} Value {{ get; init; }}"));

    [Fact]
    public Task Unsupported_type_marked_SqlIgnore_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(Row("[SqlIgnore] public List<int> Value { get; init; } = new();"));

    [Fact]
    public Task Unsupported_type_on_a_non_public_or_static_property_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(Row(
            """
            internal object? Hidden { get; init; }
                private List<int> Secret { get; init; } = new();
                public static ulong Shared { get; set; }
            """));

    [Fact]
    public Task Unsupported_positional_parameter_fires_on_the_parameter() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.rows")]
            public sealed partial record Row([SqlKey] int Id, char {|#0:Grade|});
            """,
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedPropertyType).WithLocation(0).WithArguments("Grade", "char"));

    [Fact]
    public Task Each_unsupported_property_fires_once() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row(
                """
                public ulong {|#0:Big|} { get; init; }
                    public char {|#1:Letter|} { get; init; }
                """),
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedPropertyType).WithLocation(0).WithArguments("Big", "ulong"),
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedPropertyType).WithLocation(1).WithArguments("Letter", "char"));

    // A TypeName the compiler refuses is the compiler's to report, as ColumnParser already does for Default = 1;
    // asking for a TypeName the user has written only confuses.
    [Fact]
    public Task TypeName_of_the_wrong_type_is_left_to_the_compiler() =>
        VerifyCS.VerifyAnalyzerAsync(Row("[SqlColumn(TypeName = {|CS0029:5|})] public object? Value { get; init; }"));

    [Fact]
    public Task Unknown_type_is_left_to_the_compiler() =>
        VerifyCS.VerifyAnalyzerAsync(Row("public {|CS0246:Missing|} Value { get; init; }"));
}
