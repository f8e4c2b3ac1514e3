using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Tolerant.Generators.Tests.Infrastructure.Verifiers;

/// <summary>
/// Runs one analyzer over markup sources with Microsoft.CodeAnalysis.Testing, against .NET 10, the Tolerant runtime
/// and Npgsql, with no network: the framework's own <c>ReferenceAssemblies.Net.*</c> download packs this machine's
/// registry does not serve, so the references come from Basic.Reference.Assemblies instead.
/// The source generator does not run here: cases must not rely on generated members.
/// </summary>
internal static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of <typeparamref name="TAnalyzer"/>, with the descriptor's own severity.</summary>
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>An expected compiler diagnostic, for cases that are also compiler errors.</summary>
    public static DiagnosticResult CompilerError(string id) => DiagnosticResult.CompilerError(id);

    /// <summary>Verifies that <paramref name="source"/> produces exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies several files (a type split over partial declarations) against <paramref name="expected"/>.</summary>
    public static Task VerifyAnalyzerAsync((string Path, string Source)[] sources, params DiagnosticResult[] expected)
    {
        var test = new Test();
        foreach (var (path, source) in sources)
        {
            test.TestState.Sources.Add((path, source));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The analyzer test with this repository's reference set, C# latest and nullable annotations on.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>());
            TestState.AdditionalReferences.Add(typeof(SqlTableAttribute).Assembly);
            TestState.AdditionalReferences.Add(typeof(Npgsql.NpgsqlConnection).Assembly);
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
