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

        // Hint names must be unique without regard to case, which only the whole set can tell; the set is cheap to
        // look at, and each table's text is still emitted only when that table changed.
        var named = tables
            .Collect()
            .SelectMany(static (all, _) => UniqueHintNames.Assign(all))
            .WithTrackingName(TrackingNames.NamedTable);

        var sources = named
            .Select(static (table, _) => new GeneratedSource(table.HintName, TableEmitter.Emit(table.Table)))
            .WithTrackingName(TrackingNames.TableSource);

        context.RegisterSourceOutput(sources, static (output, source) => output.AddSource(source.HintName, source.Text));
    }
}
