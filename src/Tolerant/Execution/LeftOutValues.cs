namespace Tolerant.Execution;

/// <summary>
/// Warns when a write leaves out a value that the database will not remember: the column is missing and the value
/// differs from its declared default. Once per table, column and capabilities, so a degraded service does not flood
/// its log.
/// </summary>
internal static class LeftOutValues
{
    public static void Report<T>(CommandContext<T> context, T row)
        where T : ISqlTable<T>
    {
        foreach (var column in context.Capabilities.MissingOptional)
        {
            if (!T.IsDeclaredDefault(column.Ordinal, row))
            {
                Warn(context, column);
            }
        }
    }

    public static void Warn<T>(CommandContext<T> context, Column<T> column)
        where T : ISqlTable<T>
    {
        if (context.Capabilities.FirstWarningFor(column))
        {
            Log.ValueLeftOut(
                context.Catalog.Logger, T.Definition.DisplayName, column.Name, column.DefaultSql ?? "NULL", column.Since ?? "(not declared)");
        }
    }
}
