using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Parsing;

/// <summary>The generator's transform: from the attributed syntax to a model, or nothing when the analyzer will report errors.</summary>
internal static class TableModelReader
{
    public static TableModel? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return null;
        }

        // [SqlTable] on two partial declarations (already CS0579) would otherwise emit the same file twice,
        // which fails the whole generator; only the declaration holding the type's first [SqlTable] emits.
        var first = type.GetAttributes().FirstOrDefault(a => KnownAttributes.Is(a, KnownAttributes.SqlTable));
        var here = context.Attributes[0];
        if (first is null || first.ApplicationSyntaxReference?.Span != here.ApplicationSyntaxReference?.Span ||
            first.ApplicationSyntaxReference?.SyntaxTree != here.ApplicationSyntaxReference?.SyntaxTree)
        {
            return null;
        }

        try
        {
            return TableParser.Parse(type, here, cancellationToken).Model;
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // A bug here must not fail the user's build (CS8785); the analyzer reports it as TOL0000.
            return null;
        }
    }
}
