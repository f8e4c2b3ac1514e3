namespace Tolerant.Generators.Parsing;

/// <summary>
/// What Tolerant accepts as a PostgreSQL type name in <c>[SqlColumn(TypeName = ...)]</c>. Type names are put
/// into SQL text (casts of default literals), so anything that could end or comment out a statement is refused.
/// </summary>
internal static class TypeNameRules
{
    public static string? Check(string? typeName)
    {
        if (typeName is null || typeName.Trim().Length == 0)
        {
            return "it is empty";
        }

        foreach (var c in typeName)
        {
            if (c == ';' || c == '\'' || c == '\\' || c == '\0' || c == '\r' || c == '\n' || c == '$')
            {
                return $"it contains '{(c == '\0' ? "\\0" : c == '\r' ? "\\r" : c == '\n' ? "\\n" : c.ToString())}'";
            }
        }

        if (typeName.Contains("--") || typeName.Contains("/*"))
        {
            return "it contains a comment";
        }

        var depth = 0;
        var quotes = 0;
        foreach (var c in typeName)
        {
            if (c == '"')
            {
                quotes++;
            }
            else if (quotes % 2 == 0)
            {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0)
                {
                    return "its parentheses do not match";
                }
            }
        }

        if (depth != 0)
        {
            return "its parentheses do not match";
        }

        return quotes % 2 != 0 ? "a quoted part is not closed" : null;
    }
}
