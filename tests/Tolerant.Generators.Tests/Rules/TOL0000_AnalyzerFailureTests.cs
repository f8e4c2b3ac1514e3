using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Analyzers;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Tests.Infrastructure;
using Xunit;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0000 is the analyzer's report of its own failure: no input may produce it. Every markup test in this folder
/// already fails on an unexpected TOL0000; these cases aim at the parser's reads of attribute arguments, where
/// erroneous or array-valued constants could throw.
/// </summary>
public sealed class TOL0000_AnalyzerFailureTests
{
    public static IEnumerable<object[]> Cases =>
    [
        ["[SqlTable(new[] { \"orders\" })]", "[SqlKey] public int Id { get; init; }"],
        ["[SqlTable(\"orders\", Optional = new[] { true })]", "[SqlKey] public int Id { get; init; }"],
        ["[SqlTable(\"orders\")]", "[SqlKey, SqlColumn(new[] { \"id\" })] public int Id { get; init; }"],
        ["[SqlTable(\"orders\")]", "[SqlKey, SqlColumn(TypeName = new[] { \"int\" })] public int Id { get; init; }"],
        ["[SqlTable(\"orders\")]", "[SqlKey] public int Id { get; init; } [OptionalColumn(Default = new[] { \"0\" })] public int A { get; init; }"],
        ["[SqlTable(\"orders\")]", "[SqlKey] public int Id { get; init; } [OptionalColumn(Since = new[] { \"015\" })] public int? A { get; init; }"],
        ["[SqlTable(\"orders\")]", "[SqlKey, SqlColumn(123)] public int Id { get; init; }"],
        ["[SqlTable(\"orders\")]", "[SqlKey] public int Id { get; init; } [OptionalColumn(Default = 1)] public int A { get; init; }"],
        ["[SqlTable(\"orders\")]", "[SqlKey, SqlColumn(typeof(int))] public int Id { get; init; }"],
        ["[SqlTable(typeof(string))]", "[SqlKey] public int Id { get; init; }"],
        ["[SqlTable(\"orders\", Optional = null)]", "[SqlKey] public int Id { get; init; }"],
    ];

    [Fact]
    public void Descriptor_is_a_warning_that_asks_for_a_report()
    {
        var descriptor = new TableModelAnalyzer().SupportedDiagnostics.Single(d => d.Id == DiagnosticIds.AnalyzerFailure);

        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Erroneous_attribute_arguments_do_not_make_the_analyzer_fail(string tableAttribute, string members)
    {
        var run = GeneratorRun.Of(
            $$"""
            using Tolerant;

            namespace Shop;

            {{tableAttribute}}
            public partial record Order
            {
                {{members}}
            }
            """);

        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id is DiagnosticIds.AnalyzerFailure or "AD0001");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.NotEmpty(run.CompilerErrors);
    }
}
