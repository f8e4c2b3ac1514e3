using Tolerant.Generators.Model;

namespace Tolerant.Generators.Sql;

/// <summary>
/// The tables and columns that a PostgreSQL text names, with offsets into that text. Reading never throws and takes
/// time linear in the text's length; what cannot be read is left out rather than guessed.
/// </summary>
/// <example>
/// <code>
/// var analysis = SqlAnalysis.Analyze("UPDATE shared.user_sessions s SET is_active = false WHERE s.user_id = @id");
/// foreach (var column in analysis.Statements[0].Columns)
/// {
///     // is_active -> shared.user_sessions (SetTarget), user_id -> shared.user_sessions (Where)
/// }
/// </code>
/// </example>
internal sealed record SqlAnalysis(string Sql, EquatableArray<SqlStatement> Statements)
{
    public static SqlAnalysis Analyze(string? sql) => SqlResolver.Analyze(sql ?? string.Empty);
}
