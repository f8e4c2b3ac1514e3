using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Parsing;

namespace Tolerant.Generators.Analyzers;

/// <summary>
/// Reports the TOL0xxx problems of every <c>[SqlTable]</c> type. It runs the same parser as the generator, so a
/// type is refused by the generator exactly when this reports an error on it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TableModelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AnalyzerFailure,
        DiagnosticDescriptors.TypeNotPartial,
        DiagnosticDescriptors.GenericType,
        DiagnosticDescriptors.UnsupportedPropertyType,
        DiagnosticDescriptors.DuplicateColumnName,
        DiagnosticDescriptors.NoMappedColumns,
        DiagnosticDescriptors.InvalidTableName,
        DiagnosticDescriptors.OptionalColumnNeedsDefault,
        DiagnosticDescriptors.InvalidDefaultLiteral,
        DiagnosticDescriptors.KeyColumnIsOptional,
        DiagnosticDescriptors.TableHasNoKey,
        DiagnosticDescriptors.InvalidColumnName,
        DiagnosticDescriptors.MemberNameConflict,
        DiagnosticDescriptors.PropertyNotWritable,
        DiagnosticDescriptors.UnsupportedTypeKind,
        DiagnosticDescriptors.InvalidTypeName,
        DiagnosticDescriptors.NotConstructible);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // A [SqlTable] type written by another generator deserves the same diagnostics.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownAttributes.SqlTable) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
            start.RegisterSymbolAction(AnalyzeContainer, SymbolKind.NamedType);
        });
    }

    /// <summary>TOL0001 on a type that is not partial but holds a [SqlTable] type, however deeply nested.</summary>
    private static void AnalyzeContainer(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        // A [SqlTable] type that is not partial is reported by AnalyzeType, with the rest of its model.
        if (TableParser.IsPartial(type) ||
            type.GetAttributes().Any(a => KnownAttributes.Is(a, KnownAttributes.SqlTable)) ||
            !type.GetTypeMembers().Any(HoldsTable))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TypeNotPartial, TableParser.IdentifierLocation(type), type.Name));
    }

    private static bool HoldsTable(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => KnownAttributes.Is(a, KnownAttributes.SqlTable)) || type.GetTypeMembers().Any(HoldsTable);

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return; // [SqlTable] on an enum, interface or delegate is the compiler's CS0592.
        }

        var attribute = type.GetAttributes().FirstOrDefault(a => KnownAttributes.Is(a, KnownAttributes.SqlTable));
        if (attribute is null)
        {
            return;
        }

        try
        {
            var result = TableParser.Parse(type, attribute, context.CancellationToken);
            foreach (var problem in result.Problems)
            {
                // A containing type that is not partial is reported by its own symbol action (AnalyzeContainer), once,
                // so that the diagnostic belongs to the symbol it is on and an IDE shows and fixes it in place.
                if (problem.Descriptor.Id == DiagnosticIds.TypeNotPartial && problem.Arguments[0] as string != type.Name)
                {
                    continue;
                }

                context.ReportDiagnostic(problem.ToDiagnostic());
            }
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AnalyzerFailure,
                TableParser.IdentifierLocation(type),
                type.Name,
                exception.GetType().Name + ": " + exception.Message));
        }
    }
}
