namespace Tolerant.Execution;

/// <summary>The statements whose text depends on a query's shape.</summary>
internal enum StatementKind
{
    Select,

    /// <summary>A SELECT of at most one row: <c>LIMIT 1</c> as a literal, no parameter needed.</summary>
    SelectFirst,
    Count,
    Update,
    Delete,
}
