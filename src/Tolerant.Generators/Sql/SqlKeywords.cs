using System.Collections.Generic;

namespace Tolerant.Generators.Sql;

/// <summary>
/// The words PostgreSQL reserves: its "reserved" and "reserved (can be function or type)" categories. No table or
/// column may carry one of these names unquoted, so the lexer marks them as keywords; every other keyword
/// (<c>set</c>, <c>values</c>, <c>position</c>) can name a column and stays an identifier for the resolver to judge
/// in context.
/// </summary>
internal static class SqlKeywords
{
    private static readonly HashSet<string> Reserved = new()
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
        "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
        "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
        "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
        "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
        "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
        "unique", "user", "using", "variadic", "when", "where", "window", "with",

        // Reserved, but usable as a function or type name.
        "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
        "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
        "right", "similar", "tablesample", "verbose",
    };

    /// <summary>Whether PostgreSQL reserves <paramref name="lowerCaseWord"/>.</summary>
    public static bool IsReserved(string lowerCaseWord) => Reserved.Contains(lowerCaseWord);
}
