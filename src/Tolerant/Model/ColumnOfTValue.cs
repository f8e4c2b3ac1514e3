using System;

namespace Tolerant;

/// <summary>
/// A mapped column whose property is of type <typeparamref name="TValue"/>. Predicates, ordering and
/// assignments take these descriptors, so a value of the wrong type does not compile.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
/// <typeparam name="TValue">The CLR type of the mapped property.</typeparam>
public sealed class Column<T, TValue> : Column<T>
    where T : ISqlTable<T>
{
    /// <summary>Creates a column descriptor. Called by generated code; not meant to be called by hand.</summary>
    /// <param name="ordinal">The position among the mapped columns, from zero.</param>
    /// <param name="name">The SQL name, unquoted.</param>
    /// <param name="propertyName">The property's name.</param>
    /// <param name="typeName">The PostgreSQL type.</param>
    /// <param name="flags">What the model declares about the column.</param>
    /// <param name="since">The migration that adds an optional column.</param>
    /// <param name="defaultSql">The declared default of an optional column as a SQL literal.</param>
    public Column(
        int ordinal,
        string name,
        string propertyName,
        string typeName,
        ColumnFlags flags = ColumnFlags.None,
        string? since = null,
        string? defaultSql = null)
        : base(ordinal, name, propertyName, typeName, flags, since, defaultSql)
    {
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(TValue);
}
