using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// Checks that the generated row reader can build the type: <c>new T(positional columns) { other columns }</c>. What
/// fails here would otherwise surface as a compiler error inside generated code.
/// </summary>
internal static class ConstructionRules
{
    public static void Check(INamedTypeSymbol type, List<ColumnModel> columns, Location? typeLocation, List<ModelProblem> problems)
    {
        var mapped = new HashSet<string>(columns.Select(c => c.PropertyName), System.StringComparer.Ordinal);
        var primary = PrimaryConstructor(type);
        if (primary is not null)
        {
            foreach (var parameter in primary.Parameters.Where(p => !mapped.Contains(p.Name)))
            {
                problems.Add(new ModelProblem(
                    DiagnosticDescriptors.NotConstructible,
                    TableParser.IdentifierLocation(parameter) ?? typeLocation,
                    type.Name,
                    $"positional parameter '{parameter.Name}' is not mapped, so the reader has no value for it; map it or move it out of the parameter list"));
            }
        }
        else if (type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0 && !c.IsImplicitlyDeclared) is { } declared &&
                 ObsoleteRules.IsError(declared))
        {
            problems.Add(new ModelProblem(
                DiagnosticDescriptors.NotConstructible,
                typeLocation,
                type.Name,
                "its parameterless constructor is obsolete as an error, so the reader cannot call it"));
        }
        else if (type.TypeKind == TypeKind.Class && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            problems.Add(new ModelProblem(
                DiagnosticDescriptors.NotConstructible,
                typeLocation,
                type.Name,
                "it has no parameterless constructor; add one (it may be private) or make the type a positional record"));
        }

        foreach (var member in type.GetMembers().Where(m => IsRequired(m) && !mapped.Contains(m.Name)))
        {
            problems.Add(new ModelProblem(
                DiagnosticDescriptors.NotConstructible,
                TableParser.IdentifierLocation(member) ?? typeLocation,
                type.Name,
                $"required member '{member.Name}' is not mapped, so the reader cannot set it; map it or drop 'required'"));
        }
    }

    /// <summary>A record's primary constructor, whose parameters the reader passes positionally.</summary>
    internal static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type) =>
        type.IsRecord
            ? type.InstanceConstructors.FirstOrDefault(c =>
                c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is RecordDeclarationSyntax))
            : null;

    private static bool IsRequired(ISymbol member) => member switch
    {
        IPropertySymbol property => property.IsRequired,
        IFieldSymbol field => field.IsRequired,
        _ => false,
    };
}
