using System.Collections.Generic;
using System.Linq;
using Tolerant.Generators.Model;
using Tolerant.Generators.Sql;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>
/// Renders what the resolver found as short text, so a case reads as SQL plus its findings:
/// tables as <c>[usage ]schema.name[ alias]</c> (<c>cte:x</c>, <c>(query) s</c>, <c>(values) v</c>, <c>fn:f</c>,
/// <c>param:@p</c>); columns as <c>[qualifier.]name=candidates</c> where candidates are exposed names, <c>|</c>
/// between sources of one level, <c>&gt;</c> between levels, <c>?</c> for none. Statements are joined by <c> ; </c>.
/// </summary>
internal static class SqlFindings
{
    public static string Tables(SqlAnalysis analysis) =>
        string.Join(" ; ", analysis.Statements.Select(statement => string.Join(", ", statement.Tables.Select(Describe))));

    public static string Columns(SqlAnalysis analysis) =>
        string.Join(" ; ", analysis.Statements.Select(Columns));

    public static string Columns(SqlStatement statement)
    {
        var columns = statement.Columns.Select(column => (column.Start, Text: Qualified(column.QualifierSchema, column.Qualifier, column.Name) + "=" + Candidates(column.Candidates)));
        var stars = statement.Stars.Select(star => (star.Start, Text: Qualified(star.QualifierSchema, star.Qualifier, "*") + "=" + Candidates(star.Tables)));
        return string.Join(", ", columns.Concat(stars).OrderBy(item => item.Start).Select(item => item.Text));
    }

    public static string Describe(SqlTableReference table)
    {
        var usage = table.Usage == SqlTableUsage.Read ? string.Empty : table.Usage.ToString().ToLowerInvariant() + " ";
        var name = table.Kind switch
        {
            SqlTableKind.Table => Qualified(null, table.Schema, table.Name!),
            SqlTableKind.Cte => "cte:" + table.Name,
            SqlTableKind.Subquery => "(query)",
            SqlTableKind.Values => "(values)",
            SqlTableKind.Function => "fn:" + table.Name,
            _ => "param:" + Qualified(null, table.Schema, table.Name!),
        };
        return usage + name + (table.Alias is null ? string.Empty : " " + table.Alias);
    }

    public static string Exposed(SqlTableReference table) => table.Alias ?? table.Kind switch
    {
        SqlTableKind.Table or SqlTableKind.Parameter => Qualified(null, table.Schema, table.Name!),
        SqlTableKind.Subquery => "(query)",
        SqlTableKind.Values => "(values)",
        _ => table.Name!,
    };

    private static string Candidates(EquatableArray<SqlColumnCandidate> candidates) =>
        candidates.Count == 0
            ? "?"
            : string.Join(">", candidates.GroupBy(candidate => candidate.Level).OrderBy(level => level.Key)
                .Select(level => string.Join("|", level.Select(candidate => Exposed(candidate.Table)))));

    private static string Qualified(string? schema, string? qualifier, string name) =>
        string.Join(".", new[] { schema, qualifier, name }.Where(part => part is not null));
}
