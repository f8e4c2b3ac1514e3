using System;

namespace Tolerant;

/// <summary>
/// A mapped column of the table behind <typeparamref name="T"/>. Instances are created once, by generated
/// code, as the static fields of <c>T.Columns</c>; compare them by reference.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public abstract class Column<T>
    where T : ISqlTable<T>
{
    private protected Column(
        int ordinal, string name, string propertyName, string typeName, ColumnFlags flags, string? since, string? defaultSql)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        Ordinal = ordinal;
        Name = name;
        PropertyName = propertyName;
        TypeName = typeName;
        Flags = flags;
        Since = since;
        DefaultSql = defaultSql;
        QuotedName = SqlIdentifier.Quote(name);
        ParameterTypeName = SqlTypeNames.WithoutModifiers(typeName);
    }

    /// <summary>The column's position among the mapped columns, in declaration order, from zero.</summary>
    public int Ordinal { get; }

    /// <summary>The column's SQL name, unquoted and exactly as in the catalog.</summary>
    public string Name { get; }

    /// <summary>The column's name as a quoted SQL identifier, ready to be put into a statement.</summary>
    public string QuotedName { get; }

    /// <summary>The name of the mapped property.</summary>
    public string PropertyName { get; }

    /// <summary>The column's PostgreSQL type, as PostgreSQL spells it (<c>uuid</c>, <c>timestamp with time zone</c>).</summary>
    public string TypeName { get; }

    /// <summary>What the model declares about the column.</summary>
    public ColumnFlags Flags { get; }

    /// <summary>
    /// The type parameters of an explicitly typed column are cast to: <see cref="TypeName"/> without its length or
    /// precision, since an explicit cast to <c>varchar(20)</c> would silently cut a longer value where the column's
    /// own assignment rejects it.
    /// </summary>
    internal string ParameterTypeName { get; }

    /// <summary>Whether the column is part of the key.</summary>
    public bool IsKey => (Flags & ColumnFlags.Key) != 0;

    /// <summary>Whether a later migration adds the column, so that it may be missing.</summary>
    public bool IsOptional => (Flags & ColumnFlags.Optional) != 0;

    /// <summary>Whether the property accepts NULL.</summary>
    public bool IsNullable => (Flags & ColumnFlags.Nullable) != 0;

    /// <summary>The migration that adds an optional column, when declared.</summary>
    public string? Since { get; }

    /// <summary>
    /// The declared default of an optional column as a SQL literal, or <see langword="null"/> when rows read
    /// NULL while the column is missing.
    /// </summary>
    public string? DefaultSql { get; }

    /// <summary>The CLR type of the mapped property.</summary>
    public abstract Type ValueType { get; }

    /// <inheritdoc />
    public override string ToString() => Since is null ? Name : $"{Name} (migration {Since})";
}
