using Tolerant.Generators.Model;

namespace Tolerant.Generators.Sql;

/// <summary>A table, CTE, subquery, function or unknown (parameter) source that a statement names.</summary>
/// <param name="Kind">What the source is; only <see cref="SqlTableKind.Table"/> names a table of the schema.</param>
/// <param name="Usage">Whether the statement reads it or writes it.</param>
/// <param name="Schema">
/// The schema as written (<c>shared</c>), normalized like every identifier; null when unqualified, or when the schema
/// is a parameter (<c>@__hole0.user_sessions</c>) and so left open like an unqualified name.
/// </param>
/// <param name="Name">The table, CTE or function name, normalized; for a parameter its text; null for a subquery or VALUES list.</param>
/// <param name="Alias">The alias given with or without <c>AS</c>; null when none.</param>
/// <param name="Start">Offset of the name as written (schema included), or of the opening parenthesis of a subquery.</param>
/// <param name="Length">Characters the name, or the parenthesized subquery, spans.</param>
/// <param name="OutputColumns">
/// The column names the source exposes when the text alone tells them: a CTE's, subquery's or VALUES list's output
/// columns, or an alias column list (<c>AS u(tag)</c>). Null when unknown: a base table, a function without a column
/// list, a parameter, or a query that selects <c>*</c>.
/// </param>
internal sealed record SqlTableReference(
    SqlTableKind Kind,
    SqlTableUsage Usage,
    string? Schema,
    string? Name,
    string? Alias,
    int Start,
    int Length,
    EquatableArray<string>? OutputColumns)
{
    /// <summary>The name that qualifies its columns: the alias, or else the name.</summary>
    public string? ExposedName => Alias ?? Name;

    public bool IsCte => Kind == SqlTableKind.Cte;
}
