using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tolerant.CodeFixes;

/// <summary>Finds a <c>TableCapabilities&lt;T&gt;</c> local or parameter that code at a statement can read.</summary>
internal static class CapabilitiesInScope
{
    private const string TableCapabilitiesMetadataName = "Tolerant.TableCapabilities`1";

    /// <summary>
    /// The nearest local declared before <paramref name="statement"/> and definitely assigned there, else a parameter,
    /// whose type is <c>TableCapabilities&lt;<paramref name="table"/>&gt;</c> and not nullable; <see langword="null"/> when none.
    /// </summary>
    public static ISymbol? Find(StatementSyntax statement, INamedTypeSymbol table, SemanticModel model, CancellationToken cancellationToken)
    {
        var capabilities = model.Compilation.GetTypeByMetadataName(TableCapabilitiesMetadataName);
        if (capabilities is null)
        {
            return null;
        }

        var expected = capabilities.Construct(table);
        var position = statement.SpanStart;
        var candidates = model.LookupSymbols(position)
            .Where(s => s is ILocalSymbol or IParameterSymbol && Fits(s, expected))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var locals = candidates.OfType<ILocalSymbol>()
            .Select(l => (Local: l, Declared: l.DeclaringSyntaxReferences.FirstOrDefault()?.Span.End ?? int.MaxValue))
            .Where(l => l.Declared <= position)
            .OrderByDescending(l => l.Declared)
            .ToList();
        if (locals.Count > 0)
        {
            var assigned = model.AnalyzeDataFlow(statement) is { Succeeded: true } flow ? flow.DefinitelyAssignedOnEntry : default;
            var usable = locals.FirstOrDefault(l => !assigned.IsDefault && assigned.Contains(l.Local, SymbolEqualityComparer.Default)).Local;
            if (usable is not null)
            {
                return usable;
            }
        }

        return candidates.OfType<IParameterSymbol>().FirstOrDefault();
    }

    /// <summary>The symbol as code writes it where it is read: <c>caps</c>, <c>@checked</c>.</summary>
    public static string Name(ISymbol symbol) =>
        SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(symbol.Name) == SyntaxKind.AwaitKeyword
            ? "@" + symbol.Name
            : symbol.Name;

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.RefKind == RefKind.Out ? null : parameter.Type,
        _ => null,
    };

    private static bool Fits(ISymbol symbol, INamedTypeSymbol expected) =>
        TypeOf(symbol) is { } type && SymbolEqualityComparer.Default.Equals(type, expected) && !MayBeNull(symbol, type);

    /// <summary>
    /// Declared <c>TableCapabilities&lt;T&gt;?</c>. A <c>var</c> local is annotated nullable whatever it holds, so for
    /// locals the declaration's syntax decides: <c>var caps = await sessions.GetCapabilitiesAsync(ct);</c> fits.
    /// </summary>
    private static bool MayBeNull(ISymbol symbol, ITypeSymbol type) => symbol switch
    {
        ILocalSymbol local => local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax
        {
            Parent: VariableDeclarationSyntax { Type: NullableTypeSyntax },
        },
        _ => type.NullableAnnotation == NullableAnnotation.Annotated,
    };
}
