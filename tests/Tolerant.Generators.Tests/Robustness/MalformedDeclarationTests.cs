using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Tests.Infrastructure;
using Xunit;

namespace Tolerant.Generators.Tests.Robustness;

/// <summary>
/// Runs the generator and the model analyzer over every declaration in <see cref="MalformedDeclarations"/>: neither
/// may fail (CS8785, AD0001, TOL0000), the user must be told something (a TOL diagnostic or a compiler error), and
/// what the generator writes must never be what fails to compile.
/// </summary>
public sealed class MalformedDeclarationTests
{
    public static IEnumerable<object[]> Cases => MalformedDeclarations.All.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_declaration_is_reported_and_never_breaks_generation(string caseName)
    {
        var run = GeneratorRun.Of(MalformedDeclarations.All[caseName]);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.DoesNotContain(run.CompilerDiagnostics, d => d.Id == "CS8785");
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == DiagnosticIds.AnalyzerFailure);

        var inGenerated = run.CompilerErrors.Where(IsInGeneratedFile).ToList();
        Assert.True(inGenerated.Count == 0, "Generated code fails to compile:\n" + Describe(inGenerated, run));

        var reported = run.TolerantDiagnostics.Concat(run.CompilerErrors).ToList();
        Assert.True(reported.Count > 0, "Nothing is reported for this declaration; generated: " + string.Join(", ", run.Generated.Keys));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_raises_no_warning(string caseName)
    {
        var run = GeneratorRun.Of(MalformedDeclarations.All[caseName]);

        var warnings = run.CompilerDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning && IsInGeneratedFile(d))
            .ToList();
        Assert.True(warnings.Count == 0, "Generated code raises warnings (errors under TreatWarningsAsErrors):\n" + Describe(warnings, run));
    }

    [Fact]
    public void Catalogue_holds_at_least_forty_cases() => Assert.True(MalformedDeclarations.All.Count >= 40);

    private static bool IsInGeneratedFile(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    private static string Describe(IEnumerable<Diagnostic> diagnostics, GeneratorRun run) =>
        string.Join("\n", diagnostics.Select(d => d.ToString())) + "\n\n" +
        string.Join("\n\n", run.Generated.Select(g => "// " + g.Key + "\n" + g.Value));
}
