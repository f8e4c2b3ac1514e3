namespace Tolerant.Generators.Sql;

/// <summary>The kind of a statement, after any <c>WITH</c> clause and <c>EXPLAIN</c>.</summary>
internal enum SqlStatementKind
{
    /// <summary>A statement the resolver does not read (DDL, <c>DO</c>, <c>SET</c>, ...): it reports no references.</summary>
    Other,

    Select,
    Values,
    Insert,
    Update,
    Delete,
    Merge,
    Copy,

    /// <summary><c>TRUNCATE t, ...</c>: its tables are named with <see cref="SqlTableUsage.Delete"/>.</summary>
    Truncate,
}
