using System.Collections.Concurrent;
using System.Linq;
using Tolerant.Querying;

namespace Tolerant.Execution;

/// <summary>
/// The SQL text built for one set of capabilities. Text is built once per statement shape and then reused, so it
/// is stable and can be prepared; a schema change brings new capabilities and so a new cache.
/// </summary>
internal sealed class StatementCache<T>
    where T : ISqlTable<T>
{
    private readonly TableCapabilities<T> _capabilities;
    private readonly ConcurrentDictionary<StatementKey<T>, string> _shaped = new();
    private string? _insert;
    private string? _copy;
    private int[]? _presentOrdinals;

    public StatementCache(TableCapabilities<T> capabilities) => _capabilities = capabilities;

    /// <summary>The ordinals of the columns the table has, in order: what INSERT and COPY write.</summary>
    public int[] PresentOrdinals => _presentOrdinals ??= T.Definition.Columns.Where(_capabilities.Has).Select(c => c.Ordinal).ToArray();

    /// <summary><c>INSERT INTO t (present columns) VALUES ($1, …)</c>.</summary>
    public string Insert => _insert ??= BuildInsert();

    /// <summary><c>COPY t (present columns) FROM STDIN (FORMAT BINARY)</c>.</summary>
    public string Copy => _copy ??= $"COPY {T.Definition.QualifiedName} ({ColumnList()}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// The text for <paramref name="key"/>, built the first time the shape is seen and stored under a key that holds
    /// no values, so the cache never keeps a caller's values alive.
    /// </summary>
    public string Get(in StatementKey<T> key) =>
        _shaped.TryGetValue(key, out var sql) ? sql : _shaped.GetOrAdd(key.WithoutValues(), Build(key));

    private string BuildInsert()
    {
        var sql = new StatementBuilder<T>(_capabilities.Expressions)
            .Append("INSERT INTO ").Append(T.Definition.QualifiedName).Append(" (").Append(ColumnList()).Append(") VALUES (");
        var columns = T.Definition.Columns;
        for (var i = 0; i < PresentOrdinals.Length; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Parameter(columns[PresentOrdinals[i]]);
        }

        return sql.Append(")").ToString();
    }

    /// <summary>
    /// <c>"a" = $1, "b" = $2</c> for the assignments whose columns the table has, in the order they were made (the
    /// chain runs from the last, so the earlier ones are written first, by recursion: a SET list is short).
    /// </summary>
    /// <returns>Whether anything was written, so the caller knows whether a comma is due.</returns>
    private bool AppendPresentAssignments(StatementBuilder<T> sql, Assignment<T> assignment)
    {
        var written = assignment.Previous is not null && AppendPresentAssignments(sql, assignment.Previous);
        var column = assignment.Column;
        if (!_capabilities.Has(column))
        {
            return written;
        }

        sql.Append(written ? ", " : string.Empty).Append(column.QuotedName).Append(" = ").Parameter(column);
        return true;
    }

    private string ColumnList() => string.Join(", ", PresentOrdinals.Select(o => T.Definition.Columns[o].QuotedName));

    private string Build(in StatementKey<T> key)
    {
        var table = T.Definition;
        var sql = new StatementBuilder<T>(_capabilities.Expressions);
        switch (key.Kind)
        {
            case StatementKind.Select:
            case StatementKind.SelectFirst:
                sql.Append("SELECT ");
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    sql.Append(i == 0 ? string.Empty : ", ").Column(column);
                    if (!_capabilities.Has(column))
                    {
                        sql.Append(" AS ").Append(column.QuotedName);
                    }
                }

                sql.Append(" FROM ").Append(table.QualifiedName);
                break;
            case StatementKind.Count:
                sql.Append("SELECT count(*) FROM ").Append(table.QualifiedName);
                break;
            case StatementKind.Update:
                sql.Append("UPDATE ").Append(table.QualifiedName).Append(" SET ");
                AppendPresentAssignments(sql, key.Sets!);
                break;
            case StatementKind.Delete:
                sql.Append("DELETE FROM ").Append(table.QualifiedName);
                break;
        }

        if (key.Where is not null)
        {
            sql.Append(" WHERE ");
            key.Where.Render(sql);
        }

        if (key.Orders is { Length: > 0 } orders)
        {
            sql.Append(" ORDER BY ");
            for (var i = 0; i < orders.Length; i++)
            {
                sql.Append(i == 0 ? string.Empty : ", ").Column(orders[i].Column).Append(orders[i].Descending ? " DESC" : string.Empty);
            }
        }

        if (key.Kind == StatementKind.SelectFirst)
        {
            sql.Append(" LIMIT 1");
        }
        else if (key.HasLimit)
        {
            sql.Append(" LIMIT ").PlainParameter();
        }

        if (key.HasOffset)
        {
            sql.Append(" OFFSET ").PlainParameter();
        }

        return sql.ToString();
    }
}
