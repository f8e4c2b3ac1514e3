using System;

namespace Tolerant;

/// <summary>What the model declares about a column. Generated code passes these to <see cref="Column{T, TValue}"/>.</summary>
[Flags]
public enum ColumnFlags
{
    /// <summary>A required, non-key, non-nullable column.</summary>
    None = 0,

    /// <summary>The column is part of the key (<see cref="SqlKeyAttribute"/>).</summary>
    Key = 1,

    /// <summary>A later migration adds the column (<see cref="OptionalColumnAttribute"/>).</summary>
    Optional = 2,

    /// <summary>The property accepts NULL.</summary>
    Nullable = 4,

    /// <summary>
    /// The model names the PostgreSQL type (<c>[SqlColumn(TypeName = ...)]</c>), so parameters for this column are
    /// cast to it in SQL: a CLR type such as <c>string</c> may stand for <c>jsonb</c>.
    /// </summary>
    ExplicitType = 8,
}
