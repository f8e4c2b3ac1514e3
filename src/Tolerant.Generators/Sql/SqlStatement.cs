using Tolerant.Generators.Model;

namespace Tolerant.Generators.Sql;

/// <summary>One statement of the SQL text (split at top-level semicolons) and what it names.</summary>
/// <param name="Kind">What kind of statement it is.</param>
/// <param name="Start">Offset of its first token.</param>
/// <param name="Length">Characters from its first token to the end of its last (the semicolon excluded).</param>
/// <param name="Tables">Every source it names, in text order, CTE references and subqueries included.</param>
/// <param name="Columns">Every column reference, in text order.</param>
/// <param name="Stars">Every <c>*</c> and <c>t.*</c>, in text order.</param>
internal sealed record SqlStatement(
    SqlStatementKind Kind,
    int Start,
    int Length,
    EquatableArray<SqlTableReference> Tables,
    EquatableArray<SqlColumnReference> Columns,
    EquatableArray<SqlStarReference> Stars);
