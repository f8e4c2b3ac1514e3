using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tolerant.Generators.Tests.Infrastructure;

/// <summary>Builds compilations of test sources against .NET 10, the Tolerant runtime and Npgsql, with no network.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Concat(
            [
                MetadataReference.CreateFromFile(typeof(SqlTableAttribute).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Npgsql.NpgsqlConnection).Assembly.Location),
            ])
            .ToImmutableArray();

    public static CSharpCompilation Create(params string[] sources) =>
        Create(sources.Select((text, i) => ($"Source{i}.cs", text)));

    public static CSharpCompilation Create(IEnumerable<(string Path, string Text)> sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
