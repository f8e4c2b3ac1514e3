namespace Tolerant.Generators.Sql;

/// <summary>How a statement uses a table it names.</summary>
internal enum SqlTableUsage
{
    /// <summary>Read through FROM, JOIN, <c>UPDATE ... FROM</c>, <c>DELETE ... USING</c>, <c>MERGE ... USING</c> or <c>TABLE t</c>.</summary>
    Read,

    /// <summary>The target of <c>INSERT INTO</c>.</summary>
    Insert,

    /// <summary>The target of <c>UPDATE</c>.</summary>
    Update,

    /// <summary>The target of <c>DELETE FROM</c>.</summary>
    Delete,

    /// <summary>The target of <c>MERGE INTO</c>.</summary>
    Merge,

    /// <summary>The table of <c>COPY t (...) FROM/TO</c>.</summary>
    Copy,
}
