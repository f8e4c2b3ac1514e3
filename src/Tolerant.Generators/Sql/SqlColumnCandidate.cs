namespace Tolerant.Generators.Sql;

/// <summary>A source a column reference may belong to.</summary>
/// <param name="Table">The source, one of its statement's <see cref="SqlStatement.Tables"/>.</param>
/// <param name="Level">
/// 0 for the sources of the innermost query that can see the reference, 1 for the next enclosing query with sources,
/// and so on. PostgreSQL takes the column from the lowest level holding it; two sources at that level that both hold
/// it make the reference ambiguous.
/// </param>
internal sealed record SqlColumnCandidate(SqlTableReference Table, int Level);
