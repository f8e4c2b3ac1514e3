using Tolerant.Generators.Model;

namespace Tolerant.Generators.Sql;

/// <summary>A column named in a statement, with the sources it may belong to.</summary>
/// <param name="Name">The column name, normalized (unquoted folded to lower case, quoted as written).</param>
/// <param name="Qualifier">The table or alias qualifying it (<c>s</c> in <c>s.ip</c>); null when unqualified.</param>
/// <param name="QualifierSchema">The schema in <c>shared.user_sessions.ip</c>; null otherwise.</param>
/// <param name="Clause">Where in the statement the column is named.</param>
/// <param name="Start">Offset of the column name itself (not its qualifier) in the SQL text.</param>
/// <param name="Length">Characters of the column name, quotes included.</param>
/// <param name="Candidates">
/// The sources it may belong to, nearest first. One candidate when the text decides; several when an unqualified
/// name has several sources in scope (the analyzer decides with the mapped schema); none when the qualifier names no
/// source in scope.
/// </param>
internal sealed record SqlColumnReference(
    string Name,
    string? Qualifier,
    string? QualifierSchema,
    SqlClause Clause,
    int Start,
    int Length,
    EquatableArray<SqlColumnCandidate> Candidates)
{
    /// <summary>
    /// For an unqualified name that is also the name of a source in scope (<c>row_to_json(s)</c> in
    /// <c>... FROM t s</c>), that source: PostgreSQL reads the name as the source's whole row when none of the
    /// candidates has a column of that name. Null otherwise.
    /// </summary>
    public SqlTableReference? WholeRowTable { get; init; }

    /// <summary>The one source the text alone resolves the column to; null when ambiguous or unresolved.</summary>
    public SqlTableReference? Table => Candidates.Count == 1 ? Candidates[0].Table : null;

    public bool IsAmbiguous => Candidates.Count > 1;
}
