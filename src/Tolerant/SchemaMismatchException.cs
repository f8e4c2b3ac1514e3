using System;

namespace Tolerant;

/// <summary>
/// The database lacks something the model requires: a required table or column, or a column that code demanded with
/// <see cref="TableCapabilities{T}.Require"/>, or the schema changed under a statement inside a transaction. The
/// message names the table, the column and, where the model declares it, the migration that adds it.
/// </summary>
public sealed class SchemaMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaMismatchException(string message, string table, string? column, string? since, Exception? innerException = null)
        : base(message, innerException)
    {
        Table = table;
        Column = column;
        Since = since;
    }

    /// <summary>The table, as <c>schema.table</c>.</summary>
    public string Table { get; }

    /// <summary>The missing column, or <see langword="null"/> when the table itself is missing.</summary>
    public string? Column { get; }

    /// <summary>The migration that adds the column, when the model declares it.</summary>
    public string? Since { get; }

    internal static SchemaMismatchException MissingColumn<T>(string table, Column<T> column, bool tableExists)
        where T : ISqlTable<T>
    {
        var migration = column.Since is null ? "the migration that adds it" : $"migration {column.Since}";
        var kind = column.IsOptional ? "optional column" : "column";
        var message = tableExists
            ? $"Table {table} has no {kind} \"{column.Name}\" (property {typeof(T).Name}.{column.PropertyName}); run {migration}."
            : $"Table {table} does not exist; run the migration that creates it (the code needs its {kind} \"{column.Name}\", property {typeof(T).Name}.{column.PropertyName}).";
        return new SchemaMismatchException(
            message,
            table,
            column.Name,
            column.Since);
    }

    internal static SchemaMismatchException ChangedUnderStatement<T>(
        TableCapabilities<T> before, TableCapabilities<T> after, Exception error, bool inTransaction)
        where T : ISqlTable<T>
    {
        var table = before.Table.DisplayName;
        Column<T>? vanished = null;
        foreach (var column in after.TableExists ? before.Table.Columns : [])
        {
            if (before.Has(column) && !after.Has(column))
            {
                vanished = column;
                break;
            }
        }

        var what = !after.TableExists
            ? $"table {table} was dropped"
            : vanished is null
                ? $"the schema of {table} changed"
                : $"column \"{vanished.Name}\" of {table} was dropped{(vanished.Since is null ? string.Empty : $" (it comes from migration {vanished.Since})")}";
        var consequence = inTransaction
            ? "the statement ran inside a transaction, so it was not retried and the transaction must be rolled back"
            : "the statement failed again after the catalog was probed anew";
        return new SchemaMismatchException(
            $"A statement on {table} failed because {what} while it was prepared ({error.Message.Trim()}); {consequence}.",
            table,
            vanished?.Name,
            vanished?.Since,
            error);
    }

    internal static SchemaMismatchException MissingTable(string table, bool optional) =>
        new(
            $"Table {table} does not exist; run the migration that creates it{(optional ? string.Empty : ", or mark the type [SqlTable(..., Optional = true)]")}.",
            table,
            column: null,
            since: null);
}
