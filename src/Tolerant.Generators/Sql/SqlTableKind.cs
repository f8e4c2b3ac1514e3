namespace Tolerant.Generators.Sql;

/// <summary>What a FROM item (or statement target) stands for.</summary>
internal enum SqlTableKind
{
    /// <summary>A table or view named in the text; its columns are the mapped schema's to judge.</summary>
    Table,

    /// <summary>A name that a <c>WITH</c> clause of the statement defines; it hides any table of that name.</summary>
    Cte,

    /// <summary>A parenthesized query in FROM; its columns are its output columns, not a table's.</summary>
    Subquery,

    /// <summary>A parenthesized <c>VALUES</c> list in FROM.</summary>
    Values,

    /// <summary>A set-returning function in FROM (<c>unnest(...)</c>, <c>generate_series(...)</c>, <c>ROWS FROM (...)</c>).</summary>
    Function,

    /// <summary>A table whose name is a parameter or holds one (<c>@__hole0</c>, <c>sessions_@__hole0</c>): unknown.</summary>
    Parameter,
}
