using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tolerant.Generators.Emitting;
using Tolerant.Generators.Parsing;

namespace Tolerant.Generators;

/// <summary>
/// Generates, for every <c>[SqlTable]</c> type, its column descriptors and its <c>ISqlTable&lt;T&gt;</c>
/// implementation. Only wires the pipeline: <see cref="TableModelReader"/> reads, <see cref="TableEmitter"/> writes.
/// Problems in a model are reported by <see cref="Analyzers.TableModelAnalyzer"/>; here a type with errors is skipped.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TolerantGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tables = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownAttributes.SqlTable,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntax, cancellationToken) => TableModelReader.Read(syntax, cancellationToken))
            .Where(static table => table is not null)
            .WithTrackingName(TrackingNames.TableModel);

        var sources = tables
            .Select(static (table, _) => new GeneratedSource(table!.HintName, TableEmitter.Emit(table)))
            .WithTrackingName(TrackingNames.TableSource);

        context.RegisterSourceOutput(sources, static (output, source) => output.AddSource(source.HintName, source.Text));
    }
}
