using System.Text;

namespace Tolerant;

/// <summary>Reads PostgreSQL type names as the model declares them.</summary>
internal static class SqlTypeNames
{
    /// <summary>
    /// The type without its modifiers: <c>varchar(20)</c> → <c>varchar</c>, <c>numeric(10,2)[]</c> → <c>numeric[]</c>.
    /// Types whose bare name means length one (<c>char</c>, <c>bit</c>) become their unbounded forms
    /// (<c>bpchar</c>, <c>varbit</c>), so no value is cut to one character.
    /// </summary>
    public static string WithoutModifiers(string typeName)
    {
        var text = new StringBuilder(typeName.Length);
        var depth = 0;
        var quoted = false;
        foreach (var c in typeName)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (!quoted && c == '(')
            {
                depth++;
                continue;
            }

            if (!quoted && c == ')' && depth > 0)
            {
                depth--;
                continue;
            }

            if (depth == 0)
            {
                text.Append(c);
            }
        }

        var bare = text.ToString().Trim();
        var arraySuffix = string.Empty;
        while (bare.EndsWith("[]", System.StringComparison.Ordinal))
        {
            arraySuffix += "[]";
            bare = bare.Substring(0, bare.Length - 2).TrimEnd();
        }

        bare = bare.ToLowerInvariant() switch
        {
            "char" or "character" => "bpchar",
            "bit" => "varbit",
            _ => bare,
        };
        return bare + arraySuffix;
    }
}
