using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Catalog;

/// <summary>
/// Asks PostgreSQL, in one query, which of the given tables exist and which columns each has. Names resolve the way
/// statements resolve them (<c>to_regclass</c>: the search path for unqualified names, exact case because every
/// part is quoted); dropped columns are ignored; reading the catalog needs no privilege beyond connecting.
/// </summary>
internal static class CatalogProbe
{
    private const string Sql = """
        SELECT t.ord::integer, c.oid IS NOT NULL, a.attname::text
        FROM unnest($1::text[]) WITH ORDINALITY AS t(name, ord)
        LEFT JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(t.name)
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY t.ord, a.attnum
        """;

    public static async Task<CatalogSnapshot> RunAsync(NpgsqlDataSource dataSource, IReadOnlyList<TableKey> tables, CancellationToken cancellationToken)
    {
        var answer = new Dictionary<TableKey, HashSet<string>?>(tables.Count);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tables.Select(t => t.RegclassText).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = tables[reader.GetInt32(0) - 1];
            if (!reader.GetBoolean(1))
            {
                answer[table] = null;
                continue;
            }

            if (!answer.TryGetValue(table, out var columns) || columns is null)
            {
                answer[table] = columns = new HashSet<string>(System.StringComparer.Ordinal);
            }

            if (!reader.IsDBNull(2))
            {
                columns.Add(reader.GetString(2));
            }
        }

        return new CatalogSnapshot(answer, Stopwatch.GetTimestamp());
    }
}
