using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// Reads the mapped properties of a table type: public instance properties declared on the type itself, positional
/// record parameters first, then the others in source order; <c>[SqlIgnore]</c> leaves one out.
/// </summary>
internal static class ColumnParser
{
    /// <summary>The mapped columns; <paramref name="refused"/> counts properties left out for an error, reported or the compiler's.</summary>
    public static List<ColumnModel> ParseColumns(
        INamedTypeSymbol type, List<ModelProblem> problems, CancellationToken cancellationToken, out int refused)
    {
        refused = 0;
        var positional = PositionalParameters(type);
        var columns = new List<ColumnModel>();
        var byName = new Dictionary<string, ColumnModel>(System.StringComparer.Ordinal);

        foreach (var property in MappedCandidates(type, positional))
        {
            cancellationToken.ThrowIfCancellationRequested();
            positional.TryGetValue(property.Name, out var parameter);
            var attributes = new PropertyAttributes(property, parameter);
            if (attributes.Ignore is not null)
            {
                continue;
            }

            var column = ParseColumn(property, parameter, attributes, columns.Count, problems);
            if (column is null)
            {
                refused++;
                continue;
            }

            if (byName.TryGetValue(column.ColumnName, out var first))
            {
                problems.Add(new ModelProblem(
                    DiagnosticDescriptors.DuplicateColumnName,
                    TableParser.IdentifierLocation(property),
                    first.PropertyName,
                    column.PropertyName,
                    column.ColumnName));
                refused++;
                continue;
            }

            byName.Add(column.ColumnName, column);
            columns.Add(column);
        }

        return columns;
    }

    private static ColumnModel? ParseColumn(
        IPropertySymbol property, IParameterSymbol? parameter, PropertyAttributes attributes, int ordinal, List<ModelProblem> problems)
    {
        var location = TableParser.IdentifierLocation(property);
        var ok = true;

        if (property.SetMethod is null && parameter is null)
        {
            problems.Add(new ModelProblem(DiagnosticDescriptors.PropertyNotWritable, location, property.Name));
            ok = false;
        }

        var columnName = SnakeCase.FromPascalCase(property.Name);
        var explicitName = false;
        string? typeNameOverride = null;
        var typeNameRefused = false;
        if (attributes.Column is { } columnAttribute)
        {
            if (columnAttribute.ConstructorArguments.Length == 1)
            {
                explicitName = true;
                var given = columnAttribute.ConstructorArguments[0].Value as string;
                var nameError = IdentifierRules.Check(given);
                if (nameError is not null)
                {
                    problems.Add(new ModelProblem(
                        DiagnosticDescriptors.InvalidColumnName,
                        TableParser.AttributeArgumentLocation(columnAttribute, 0) ?? location,
                        given ?? "null",
                        property.Name,
                        nameError));
                    ok = false;
                }
                else
                {
                    columnName = given!;
                }
            }

            foreach (var named in columnAttribute.NamedArguments)
            {
                if (named.Key != "TypeName")
                {
                    continue;
                }

                if (named.Value.Kind == TypedConstantKind.Error)
                {
                    // TypeName = 5 and the like are already compiler errors.
                    typeNameRefused = true;
                    ok = false;
                    continue;
                }

                typeNameOverride = named.Value.Value as string;
                var typeError = TypeNameRules.Check(typeNameOverride);
                if (typeError is not null)
                {
                    problems.Add(new ModelProblem(
                        DiagnosticDescriptors.InvalidTypeName,
                        TableParser.AttributeArgumentLocation(columnAttribute, 0, "TypeName") ?? location,
                        typeNameOverride ?? "null",
                        property.Name,
                        typeError));
                    ok = false;
                    typeNameOverride = null;
                    typeNameRefused = true;
                }
                else
                {
                    typeNameOverride = typeNameOverride!.Trim();
                }
            }
        }

        if (!explicitName && IdentifierRules.Check(columnName) is { } defaultNameError)
        {
            problems.Add(new ModelProblem(DiagnosticDescriptors.InvalidColumnName, location, columnName, property.Name, defaultNameError));
            ok = false;
        }

        if (property.Type.IsRefLikeType || property.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            // A ref struct or pointer cannot be a generic argument, a field or a parameter value: nothing can carry it.
            problems.Add(new ModelProblem(
                DiagnosticDescriptors.UnsupportedPropertyType,
                location,
                property.Name,
                property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            return null;
        }

        if (ObsoleteRules.IsError(property))
        {
            problems.Add(new ModelProblem(
                DiagnosticDescriptors.NotConstructible,
                location,
                property.ContainingType.Name,
                $"property '{property.Name}' is obsolete as an error, so generated code cannot touch it; mark it [SqlIgnore]"));
            return null;
        }

        var (valueType, nullable) = Unwrap(property.Type);
        var mapped = TypeMapping.TryMap(valueType, out var kind, out var pgType, out var isEnum);
        var integerRange = isEnum ? EnumRange(valueType) : null;
        if (!mapped)
        {
            // A refused TypeName is reported already; asking for a TypeName again would only confuse.
            if (typeNameOverride is null && !typeNameRefused && property.Type.TypeKind != TypeKind.Error)
            {
                problems.Add(new ModelProblem(
                    DiagnosticDescriptors.UnsupportedPropertyType,
                    location,
                    property.Name,
                    property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }

            // An error type is the compiler's to report; a custom type needs the TypeName that names it.
            ok &= typeNameOverride is not null && property.Type.TypeKind != TypeKind.Error;
            kind = ValueKind.Custom;
        }

        pgType = typeNameOverride ?? pgType;

        var isKey = attributes.Key is not null;
        var optional = attributes.Optional;
        string? since = null;
        string? defaultSql = null;
        if (optional is not null)
        {
            since = NamedString(optional, "Since");
            if (isKey)
            {
                problems.Add(new ModelProblem(DiagnosticDescriptors.KeyColumnIsOptional, location, columnName));
                ok = false;
            }

            var defaultArgument = optional.NamedArguments.FirstOrDefault(a => a.Key == "Default");
            var declaredDefault = NamedString(optional, "Default");
            if (defaultArgument.Key is not null && defaultArgument.Value.Kind == TypedConstantKind.Error)
            {
                // Default = 1 and the like are already compiler errors.
                ok = false;
            }
            else if (declaredDefault is null)
            {
                if (!nullable)
                {
                    problems.Add(new ModelProblem(
                        DiagnosticDescriptors.OptionalColumnNeedsDefault, location, columnName, property.Name));
                    ok = false;
                }
            }
            else if (mapped || typeNameOverride is not null)
            {
                if (!DefaultLiterals.TryNormalize(declaredDefault, kind, nullable, integerRange, out defaultSql, out var defaultError))
                {
                    problems.Add(new ModelProblem(
                        DiagnosticDescriptors.InvalidDefaultLiteral,
                        TableParser.AttributeArgumentLocation(optional, 0, "Default") ?? location,
                        declaredDefault,
                        columnName,
                        pgType,
                        defaultError));
                    ok = false;
                }
            }
        }

        if (!ok)
        {
            return null;
        }

        return new ColumnModel(
            Ordinal: ordinal,
            PropertyName: property.Name,
            ColumnName: columnName,
            ClrType: TableParser.ClrTypeName(property.Type, nullable && property.Type.IsReferenceType),
            Kind: kind,
            IsEnum: isEnum,
            PgType: pgType,
            IsNullable: nullable,
            IsKey: isKey,
            IsOptional: optional is not null,
            Since: since,
            DefaultSql: defaultSql,
            IsConstructorParameter: parameter is not null,
            EnumUnderlyingType: isEnum ? (valueType as INamedTypeSymbol)?.EnumUnderlyingType?.ToDisplayString() : null,
            HasExplicitType: typeNameOverride is not null);
    }

    /// <summary>The values an enum's underlying type holds, which bound its integer Default.</summary>
    private static (long Min, long Max)? EnumRange(ITypeSymbol enumType) =>
        (enumType as INamedTypeSymbol)?.EnumUnderlyingType?.SpecialType switch
        {
            SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
            SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
            SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
            SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
            SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
            SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue),
            _ => null,
        };

    /// <summary>Strips <c>Nullable&lt;T&gt;</c> and says whether the property accepts NULL.</summary>
    private static (ITypeSymbol ValueType, bool Nullable) Unwrap(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            return (nullableValue.TypeArguments[0], true);
        }

        // A reference type is nullable when annotated, or when nullable annotations are off (oblivious).
        return (type, type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated);
    }

    private static IEnumerable<IPropertySymbol> MappedCandidates(INamedTypeSymbol type, Dictionary<string, IParameterSymbol> positional)
    {
        var properties = type.GetMembers()
            .OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null)
            .ToList();
        var order = positional.Keys.ToList();
        return properties
            .Select((property, index) => (property, index))
            .OrderBy(p => order.IndexOf(p.property.Name) is var i && i >= 0 ? i : order.Count + p.index)
            .Select(p => p.property);
    }

    /// <summary>The positional parameters of a record's primary constructor, by name, in declaration order.</summary>
    private static Dictionary<string, IParameterSymbol> PositionalParameters(INamedTypeSymbol type)
    {
        var parameters = new Dictionary<string, IParameterSymbol>(System.StringComparer.Ordinal);
        foreach (var parameter in ConstructionRules.PrimaryConstructor(type)?.Parameters ?? [])
        {
            if (!parameters.ContainsKey(parameter.Name))
            {
                parameters.Add(parameter.Name, parameter);
            }
        }

        return parameters;
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }
}
