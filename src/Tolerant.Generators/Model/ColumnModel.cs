namespace Tolerant.Generators.Model;

/// <summary>One mapped property and the column it maps to.</summary>
/// <param name="Ordinal">The position among the mapped columns, from zero.</param>
/// <param name="PropertyName">The property's name.</param>
/// <param name="ColumnName">The column's SQL name, unquoted.</param>
/// <param name="ClrType">The property's type as generated code writes it, with <c>?</c> where it is nullable.</param>
/// <param name="Kind">How the value is stored: the scalar Npgsql reads and writes (for enums, the underlying integer).</param>
/// <param name="IsEnum">Whether the property is an enum, stored as its underlying integer.</param>
/// <param name="PgType">The PostgreSQL type, as PostgreSQL spells it.</param>
/// <param name="IsNullable">Whether the property accepts NULL.</param>
/// <param name="IsKey">Whether the column is part of the key.</param>
/// <param name="IsOptional">Whether a later migration adds the column.</param>
/// <param name="Since">The migration that adds an optional column, when declared.</param>
/// <param name="DefaultSql">The declared default of an optional column as a normalized SQL literal; <see langword="null"/> for NULL.</param>
/// <param name="IsConstructorParameter">Whether the property is a positional record parameter, so a reader passes it to the constructor.</param>
/// <param name="EnumUnderlyingType">For an enum, its underlying type as C# spells it (<c>int</c>, <c>byte</c>); otherwise <see langword="null"/>.</param>
/// <param name="HasExplicitType">Whether the model names the PostgreSQL type with <c>[SqlColumn(TypeName = ...)]</c>.</param>
internal sealed record ColumnModel(
    int Ordinal,
    string PropertyName,
    string ColumnName,
    string ClrType,
    ValueKind Kind,
    bool IsEnum,
    string PgType,
    bool IsNullable,
    bool IsKey,
    bool IsOptional,
    string? Since,
    string? DefaultSql,
    bool IsConstructorParameter,
    string? EnumUnderlyingType,
    bool HasExplicitType);
