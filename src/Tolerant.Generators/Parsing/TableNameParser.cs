using System.Collections.Generic;
using System.Text;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// Reads the name given to <c>[SqlTable]</c>: <c>table</c> or <c>schema.table</c>, each part taken exactly as
/// written, or in double quotes (with <c>""</c> for a quote) when the part itself contains a dot.
/// </summary>
internal static class TableNameParser
{
    public static bool TryParse(string? text, out string? schema, out string name, out string? error)
    {
        schema = null;
        name = string.Empty;
        error = null;
        if (text is null || text.Trim().Length == 0)
        {
            error = "a table name cannot be empty";
            return false;
        }

        var parts = Split(text, out error);
        if (parts is null)
        {
            return false;
        }

        if (parts.Count > 2)
        {
            error = "write \"table\" or \"schema.table\"; quote a part that contains a dot";
            return false;
        }

        foreach (var part in parts)
        {
            var partError = IdentifierRules.Check(part);
            if (partError is not null)
            {
                error = partError;
                return false;
            }
        }

        if (parts.Count == 2)
        {
            schema = parts[0];
        }

        name = parts[parts.Count - 1];
        return true;
    }

    private static List<string>? Split(string text, out string? error)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var partWasQuoted = false;
        error = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                    if (i + 1 < text.Length && text[i + 1] != '.')
                    {
                        error = "a quoted part must end at a dot or at the end of the name";
                        return null;
                    }
                }
            }
            else if (c == '"' && current.Length == 0 && !partWasQuoted)
            {
                quoted = true;
                partWasQuoted = true;
            }
            else if (c == '"')
            {
                error = "a quote can only open a part; write a quote inside a quoted part as \"\"";
                return null;
            }
            else if (c == '.')
            {
                parts.Add(current.ToString());
                current.Clear();
                partWasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            error = "a quoted part is not closed";
            return null;
        }

        parts.Add(current.ToString());
        return parts;
    }
}
