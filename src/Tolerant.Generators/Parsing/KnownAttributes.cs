namespace Tolerant.Generators.Parsing;

/// <summary>The runtime attributes the parser reads, by metadata name.</summary>
internal static class KnownAttributes
{
    public const string SqlTable = "Tolerant.SqlTableAttribute";
    public const string SqlColumn = "Tolerant.SqlColumnAttribute";
    public const string SqlKey = "Tolerant.SqlKeyAttribute";
    public const string OptionalColumn = "Tolerant.OptionalColumnAttribute";
    public const string SqlIgnore = "Tolerant.SqlIgnoreAttribute";

    /// <summary>The name of the nested class of column descriptors that the generator adds to every table type.</summary>
    public const string GeneratedColumnsClass = "Columns";

    public static bool Is(Microsoft.CodeAnalysis.AttributeData attribute, string metadataName) =>
        attribute.AttributeClass is { } type &&
        type.ContainingNamespace is { Name: "Tolerant", ContainingNamespace.IsGlobalNamespace: true } &&
        type.ContainingType is null &&
        metadataName.Length == "Tolerant.".Length + type.MetadataName.Length &&
        metadataName.EndsWith(type.MetadataName, System.StringComparison.Ordinal);
}
