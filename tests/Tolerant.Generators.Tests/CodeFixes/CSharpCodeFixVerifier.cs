using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Tolerant.Generators.Tests.CodeFixes;

/// <summary>
/// Runs one analyzer and one code fix over markup sources with Microsoft.CodeAnalysis.Testing, against .NET 10, the
/// Tolerant runtime and Npgsql, with no network (see <c>CSharpAnalyzerVerifier</c> for why the references come from
/// Basic.Reference.Assemblies). Tolerant's source generator runs here, before and after the fix, as it does in an IDE:
/// the raw-SQL fixes write <c>UserSession.Columns.IsActive</c>, which only the generator declares, the analyzer only
/// counts a check that binds to it, and a fix reads the semantic model of its document.
/// </summary>
/// <remarks>
/// The framework (1.1.4) has <c>GetSourceGenerators()</c>, but it applies those generators only to the copy of the
/// project it compiles for diagnostics: the document handed to a <see cref="CodeFixProvider"/> has no generated code,
/// so <c>UserSession</c> lacks <c>Columns</c> and <c>ISqlTable</c> there. The generator is added instead to the test
/// project as an analyzer reference, which the workspace runs whenever it compiles the project (diagnostics, the fix's
/// semantic model and the fixed state alike). Its output is not compared with expected files: the generator's own
/// baseline tests do that.
/// </remarks>
internal static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic of <typeparamref name="TAnalyzer"/>, with the descriptor's own severity.</summary>
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>
    /// An expected warning by ID and location only: the framework would otherwise compare the message with the
    /// descriptor's unformatted text. The rule tests check messages; these check fixes.
    /// </summary>
    public static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>The code-fix test with this repository's reference set, C# latest, nullable on and the generator running.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>());
            TestState.AdditionalReferences.Add(typeof(SqlTableAttribute).Assembly);
            TestState.AdditionalReferences.Add(typeof(Npgsql.NpgsqlConnection).Assembly);
            SolutionTransforms.Add((solution, projectId) => solution.AddAnalyzerReference(projectId, new GeneratorReference()));
        }

        /// <summary>Sources that are the same before and after the fix (the mapped types), added to both states.</summary>
        public void AddUnchangedSource(string path, string source)
        {
            TestState.Sources.Add((path, source));
            FixedState.Sources.Add((path, source));
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }

    /// <summary>Tolerant's generator as a project's analyzer reference, the way a package or project reference brings it.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        private readonly ImmutableArray<ISourceGenerator> _generators = [new TolerantGenerator().AsSourceGenerator()];

        public override string? FullPath => null;

        public override object Id => typeof(TolerantGenerator).Assembly.GetName().Name!;

        public override string Display => Id.ToString()!;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => [];

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => [];

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => language == LanguageNames.CSharp ? _generators : [];

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => _generators;
    }
}
