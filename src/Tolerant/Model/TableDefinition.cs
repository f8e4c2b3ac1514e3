using System;
using System.Collections.Generic;

namespace Tolerant;

/// <summary>
/// The table behind <typeparamref name="T"/> as the model declares it: its name, whether it is optional and its
/// columns in ordinal order. Created once by generated code.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public sealed class TableDefinition<T>
    where T : ISqlTable<T>
{
    private readonly Column<T>[] _columns;

    /// <summary>Creates the definition. Called by generated code; not meant to be called by hand.</summary>
    /// <param name="schema">The schema, or <see langword="null"/> for the connection's <c>search_path</c>.</param>
    /// <param name="name">The table name, unquoted.</param>
    /// <param name="optional">Whether a later migration creates the table.</param>
    /// <param name="columns">The mapped columns; each one's <see cref="Column{T}.Ordinal"/> is its index.</param>
    public TableDefinition(string? schema, string name, bool optional, params Column<T>[] columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(columns);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is null || columns[i].Ordinal != i)
            {
                throw new ArgumentException($"Column {i} of {name} is missing or out of order.", nameof(columns));
            }
        }

        Schema = schema;
        Name = name;
        IsOptional = optional;
        _columns = columns;
        QualifiedName = schema is null ? SqlIdentifier.Quote(name) : $"{SqlIdentifier.Quote(schema)}.{SqlIdentifier.Quote(name)}";
        DisplayName = schema is null ? name : $"{schema}.{name}";
    }

    /// <summary>The schema, or <see langword="null"/> when the table is found through <c>search_path</c>.</summary>
    public string? Schema { get; }

    /// <summary>The table name, unquoted.</summary>
    public string Name { get; }

    /// <summary>The quoted, schema-qualified name, ready to be put into a statement.</summary>
    public string QualifiedName { get; }

    /// <summary>The name for messages: <c>schema.table</c>, unquoted.</summary>
    public string DisplayName { get; }

    /// <summary>Whether a later migration creates the table.</summary>
    public bool IsOptional { get; }

    /// <summary>The mapped columns in ordinal order.</summary>
    public IReadOnlyList<Column<T>> Columns => _columns;

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
