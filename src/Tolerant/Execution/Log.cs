using Microsoft.Extensions.Logging;

namespace Tolerant.Execution;

/// <summary>Everything Tolerant logs, as source-generated <see cref="LoggerMessageAttribute"/> methods.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{Table} is missing {Columns}: reading declared defaults, writes leave them out")]
    public static partial void MissingOptionalColumns(ILogger logger, string table, string columns);

    [LoggerMessage(2, LogLevel.Information, "{Table} has all its mapped columns now")]
    public static partial void ColumnsComplete(ILogger logger, string table);

    [LoggerMessage(3, LogLevel.Information, "{Table} does not exist (optional table): reads are empty, writes are skipped")]
    public static partial void OptionalTableMissing(ILogger logger, string table);

    [LoggerMessage(4, LogLevel.Error, "{Table} lacks required {Columns}: operations on it fail until a migration adds them")]
    public static partial void MissingRequiredColumns(ILogger logger, string table, string columns);

    [LoggerMessage(5, LogLevel.Warning, "A write to {Table} left out {Column}, which the database lacks (added by migration {Since}), and its value differs from the declared default {Default}: the value is not stored while the column is missing")]
    public static partial void ValueLeftOut(ILogger logger, string table, string column, string @default, string since);

    [LoggerMessage(6, LogLevel.Information, "A statement on {Table} failed because the schema changed ({SqlState}); retrying once on the schema as it is now")]
    public static partial void RetryingAfterSchemaChange(ILogger logger, string table, string sqlState);

    [LoggerMessage(7, LogLevel.Error, "{Table} does not exist")]
    public static partial void RequiredTableMissing(ILogger logger, string table);
}
