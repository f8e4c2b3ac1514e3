using Microsoft.CodeAnalysis;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Parsing;

/// <summary>The default PostgreSQL type of each CLR type Tolerant maps.</summary>
internal static class TypeMapping
{
    /// <summary>
    /// Maps a property type (already stripped of <c>Nullable&lt;T&gt;</c>) to its storage kind and default
    /// PostgreSQL type. Enums are stored as their underlying integer. Returns <see langword="false"/> for a type
    /// with no default mapping.
    /// </summary>
    public static bool TryMap(ITypeSymbol type, out ValueKind kind, out string pgType, out bool isEnum)
    {
        isEnum = false;
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            isEnum = true;
            return TryMapEnumUnderlying(underlying.SpecialType, out kind, out pgType);
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return Set(ValueKind.ByteArray, "bytea", out kind, out pgType);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return Set(ValueKind.Boolean, "boolean", out kind, out pgType);
            case SpecialType.System_Int16: return Set(ValueKind.Int16, "smallint", out kind, out pgType);
            case SpecialType.System_Int32: return Set(ValueKind.Int32, "integer", out kind, out pgType);
            case SpecialType.System_Int64: return Set(ValueKind.Int64, "bigint", out kind, out pgType);
            case SpecialType.System_Single: return Set(ValueKind.Single, "real", out kind, out pgType);
            case SpecialType.System_Double: return Set(ValueKind.Double, "double precision", out kind, out pgType);
            case SpecialType.System_Decimal: return Set(ValueKind.Decimal, "numeric", out kind, out pgType);
            case SpecialType.System_String: return Set(ValueKind.String, "text", out kind, out pgType);
            case SpecialType.System_DateTime: return Set(ValueKind.DateTime, "timestamp without time zone", out kind, out pgType);
        }

        if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } &&
            type is INamedTypeSymbol { Arity: 0, ContainingType: null })
        {
            switch (type.Name)
            {
                case "Guid": return Set(ValueKind.Guid, "uuid", out kind, out pgType);
                case "DateTimeOffset": return Set(ValueKind.DateTimeOffset, "timestamp with time zone", out kind, out pgType);
                case "DateOnly": return Set(ValueKind.DateOnly, "date", out kind, out pgType);
                case "TimeOnly": return Set(ValueKind.TimeOnly, "time without time zone", out kind, out pgType);
                case "TimeSpan": return Set(ValueKind.TimeSpan, "interval", out kind, out pgType);
            }
        }

        kind = ValueKind.Custom;
        pgType = string.Empty;
        return false;
    }

    private static bool TryMapEnumUnderlying(SpecialType underlying, out ValueKind kind, out string pgType)
    {
        switch (underlying)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
                return Set(ValueKind.Int16, "smallint", out kind, out pgType);
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
                return Set(ValueKind.Int32, "integer", out kind, out pgType);
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
                return Set(ValueKind.Int64, "bigint", out kind, out pgType);
            default:
                // ulong has no PostgreSQL integer wide enough.
                kind = ValueKind.Custom;
                pgType = string.Empty;
                return false;
        }
    }

    private static bool Set(ValueKind value, string type, out ValueKind kind, out string pgType)
    {
        kind = value;
        pgType = type;
        return true;
    }
}
