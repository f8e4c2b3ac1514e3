using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Tolerant.Generators.Analyzers;

namespace Tolerant.Generators.Tests.Infrastructure;

/// <summary>
/// Runs the generator and the model analyzer over sources the way a build does, and keeps everything a test may
/// assert: the generated files, the generator's own diagnostics (CS8785 lives there), the compiler's diagnostics
/// on the output, and the analyzer's diagnostics (AD0001 lives there).
/// </summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(
        ImmutableDictionary<string, string> generated,
        ImmutableArray<Diagnostic> generatorDiagnostics,
        ImmutableArray<Diagnostic> compilerDiagnostics,
        ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        Generated = generated;
        GeneratorDiagnostics = generatorDiagnostics;
        CompilerDiagnostics = compilerDiagnostics;
        AnalyzerDiagnostics = analyzerDiagnostics;
    }

    /// <summary>Generated files by hint name.</summary>
    public ImmutableDictionary<string, string> Generated { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public ImmutableArray<Diagnostic> CompilerDiagnostics { get; }

    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    public IEnumerable<Diagnostic> CompilerErrors => CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> TolerantDiagnostics => AnalyzerDiagnostics.Where(d => d.Id.StartsWith("TOL", System.StringComparison.Ordinal));

    public static GeneratorRun Of(params string[] sources) => Of(TestCompilation.Create(sources));

    public static GeneratorRun Of(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new TolerantGenerator().AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var generated = result.Results
            .SelectMany(r => r.GeneratedSources)
            .ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());

        var analyzerDiagnostics = output
            .WithAnalyzers([new TableModelAnalyzer()], new CompilationWithAnalyzersOptions(
                AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
            .GetAwaiter()
            .GetResult();

        return new GeneratorRun(
            generated,
            generatorDiagnostics.AddRange(result.Diagnostics),
            output.GetDiagnostics(),
            analyzerDiagnostics);
    }

    private static AnalyzerOptions AnalyzerOptions() => new([]);
}
