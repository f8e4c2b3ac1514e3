using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// Turns a <c>[SqlTable]</c> type into a <see cref="TableModel"/> and the problems found on the way. The generator
/// and the model analyzer share it, so what is reported is exactly what is refused.
/// </summary>
internal static class TableParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static ParseResult Parse(INamedTypeSymbol type, AttributeData tableAttribute, CancellationToken cancellationToken)
    {
        var problems = new List<ModelProblem>();
        var typeLocation = IdentifierLocation(type);

        CheckTypeShape(type, typeLocation, problems);
        var tableNameOk = TryReadTableName(tableAttribute, typeLocation, problems, out var schema, out var tableName);
        var optional = tableAttribute.NamedArguments.Any(a => a.Key == "Optional" && a.Value.Value is true);

        cancellationToken.ThrowIfCancellationRequested();
        var columns = ColumnParser.ParseColumns(type, problems, cancellationToken, out var refusedColumns);
        var columnsRefused = refusedColumns > 0;
        if (!columnsRefused && !problems.Any(p => p.Descriptor.Id == DiagnosticIds.UnsupportedTypeKind))
        {
            ConstructionRules.Check(type, columns, typeLocation, problems);
        }
        CheckColumnSet(type, typeLocation, tableNameOk ? DisplayName(schema, tableName) : type.Name, columns, columnsRefused, problems);

        if (problems.Any(ParseResult.IsError) || !tableNameOk)
        {
            return new ParseResult(null, problems);
        }

        var model = new TableModel(
            Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length) : null,
            TypeName: type.Name,
            FullyQualifiedName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            TypeKeyword: Keyword(type),
            ContainingTypes: ContainingTypes(type).Select(t => new ContainingTypeModel(t.Name, Keyword(t))).ToEquatableArray(),
            Schema: schema,
            Name: tableName,
            Optional: optional,
            Columns: columns.ToEquatableArray(),
            HidesInheritedColumns: HasInheritedMember(type, KnownAttributes.GeneratedColumnsClass));
        return new ParseResult(model, problems);
    }

    internal static string ClrTypeName(ITypeSymbol type, bool nullable)
    {
        var display = type.ToDisplayString(TypeFormat);
        // Oblivious reference types are read as nullable, so the generated code says so.
        return nullable && !display.EndsWith("?", System.StringComparison.Ordinal) ? display + "?" : display;
    }

    internal static Location? IdentifierLocation(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            return syntax switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier.GetLocation(),
                PropertyDeclarationSyntax p => p.Identifier.GetLocation(),
                ParameterSyntax p => p.Identifier.GetLocation(),
                MethodDeclarationSyntax m => m.Identifier.GetLocation(),
                VariableDeclaratorSyntax v => v.Identifier.GetLocation(),
                EventDeclarationSyntax e => e.Identifier.GetLocation(),
                DelegateDeclarationSyntax d => d.Identifier.GetLocation(),
                _ => syntax.GetLocation(),
            };
        }

        return symbol.Locations.FirstOrDefault();
    }

    private static void CheckTypeShape(INamedTypeSymbol type, Location? typeLocation, List<ModelProblem> problems)
    {
        if (type.IsGenericType || ContainingTypes(type).Any(t => t.IsGenericType))
        {
            problems.Add(new ModelProblem(DiagnosticDescriptors.GenericType, typeLocation, type.Name));
        }

        var kind = type.IsStatic ? "a static class"
            : type.IsAbstract ? "abstract"
            : type.IsRefLikeType ? "a ref struct"
            : type.IsFileLocal || ContainingTypes(type).Any(t => t.IsFileLocal) ? "file-local, so code generated in another file cannot extend it"
            : null;
        if (kind is not null)
        {
            problems.Add(new ModelProblem(DiagnosticDescriptors.UnsupportedTypeKind, typeLocation, type.Name, kind));
        }

        foreach (var declared in new[] { type }.Concat(ContainingTypes(type)))
        {
            if (!IsPartial(declared))
            {
                problems.Add(new ModelProblem(
                    DiagnosticDescriptors.TypeNotPartial, IdentifierLocation(declared), declared.Name));
            }
        }

        if (type.Name == KnownAttributes.GeneratedColumnsClass)
        {
            problems.Add(new ModelProblem(DiagnosticDescriptors.MemberNameConflict, typeLocation, type.Name, type.Name));
        }

        foreach (var member in type.GetMembers(KnownAttributes.GeneratedColumnsClass))
        {
            if (!IsGeneratedByTolerant(member))
            {
                problems.Add(new ModelProblem(
                    DiagnosticDescriptors.MemberNameConflict, IdentifierLocation(member), type.Name, member.Name));
            }
        }
    }

    private static bool TryReadTableName(
        AttributeData attribute, Location? typeLocation, List<ModelProblem> problems, out string? schema, out string name)
    {
        schema = null;
        name = string.Empty;
        // Without its argument the attribute is already a compiler error (CS7036); say nothing more.
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            return false;
        }

        var text = attribute.ConstructorArguments[0].Value as string;
        if (TableNameParser.TryParse(text, out schema, out name, out var error))
        {
            return true;
        }

        var location = AttributeArgumentLocation(attribute, 0) ?? typeLocation;
        problems.Add(new ModelProblem(DiagnosticDescriptors.InvalidTableName, location, text ?? "null", error));
        return false;
    }

    private static void CheckColumnSet(
        INamedTypeSymbol type, Location? typeLocation, string tableName, List<ColumnModel> columns, bool columnsRefused, List<ModelProblem> problems)
    {
        if (columns.Count == 0)
        {
            // Properties refused one by one are already reported; "no columns" would only repeat them.
            if (!columnsRefused)
            {
                problems.Add(new ModelProblem(DiagnosticDescriptors.NoMappedColumns, typeLocation, type.Name, tableName));
            }

            return;
        }

        // A missing key is only worth saying once the model is otherwise sound: the key may be among the refused.
        if (!columns.Any(c => c.IsKey) && !problems.Any(ParseResult.IsError))
        {
            problems.Add(new ModelProblem(DiagnosticDescriptors.TableHasNoKey, typeLocation, type.Name));
        }
    }

    internal static Location? AttributeArgumentLocation(AttributeData attribute, int position, string? name = null)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList: { } list } syntax)
        {
            return null;
        }

        foreach (var argument in list.Arguments)
        {
            if (name is not null && argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument.Expression.GetLocation();
            }
        }

        // Constructor arguments, whether written in order or by name (name: "...").
        var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
        return name is null && position < positional.Count ? positional[position].Expression.GetLocation() : syntax.GetLocation();
    }

    private static bool HasInheritedMember(INamedTypeSymbol type, string name)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            // A [SqlTable] base gets its Columns from the generator, which this compilation does not show yet.
            if (!baseType.GetMembers(name).IsEmpty || baseType.GetAttributes().Any(a => KnownAttributes.Is(a, KnownAttributes.SqlTable)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
    {
        var stack = new Stack<INamedTypeSymbol>();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            stack.Push(containing);
        }

        return stack;
    }

    internal static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax() is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));

    private static bool IsGeneratedByTolerant(ISymbol member) =>
        member is INamedTypeSymbol &&
        member.DeclaringSyntaxReferences.Length > 0 &&
        member.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.Contains(GeneratedPathMarker));

    // Generated trees live under "<generator assembly>/<generator type full name>/<hint name>".
    private static readonly string GeneratedPathMarker = typeof(TolerantGenerator).FullName!;

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Interface } => "interface",
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };

    private static string DisplayName(string? schema, string name) => schema is null ? name : schema + "." + name;
}
