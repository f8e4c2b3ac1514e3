using Tolerant.Generators.Model;

namespace Tolerant.Generators.Sql;

/// <summary>A <c>*</c> or <c>t.*</c> that expands to every column of one or more sources.</summary>
/// <param name="Qualifier">The table or alias before <c>.*</c>; null for a bare <c>*</c>.</param>
/// <param name="QualifierSchema">The schema in <c>shared.user_sessions.*</c>; null otherwise.</param>
/// <param name="Start">Offset of the <c>*</c> (of <c>TABLE</c> in a <c>TABLE t</c> statement).</param>
/// <param name="Length">Characters of the <c>*</c>.</param>
/// <param name="Tables">The sources it expands: every source of its query for a bare <c>*</c>.</param>
internal sealed record SqlStarReference(
    string? Qualifier,
    string? QualifierSchema,
    SqlClause Clause,
    int Start,
    int Length,
    EquatableArray<SqlColumnCandidate> Tables);
