using Npgsql;

namespace Tolerant.Execution;

/// <summary>The PostgreSQL errors that mean the schema is not what the cached capabilities say.</summary>
internal static class SchemaErrors
{
    public const string UndefinedColumn = "42703";
    public const string UndefinedTable = "42P01";
    public const string CachedPlanChangedResultType = "0A000";

    public static bool IsSchemaChange(PostgresException exception) =>
        exception.SqlState is UndefinedColumn or UndefinedTable ||
        (exception.SqlState == CachedPlanChangedResultType && exception.MessageText.Contains("cached plan", System.StringComparison.Ordinal));
}
