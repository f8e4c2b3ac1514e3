namespace Tolerant.Execution;

/// <summary>The statements whose text depends on a query's shape.</summary>
internal enum StatementKind
{
    Select,
    Count,
    Update,
    Delete,
}
