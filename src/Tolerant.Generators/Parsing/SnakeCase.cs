using System.Text;

namespace Tolerant.Generators.Parsing;

/// <summary>Turns property names into PostgreSQL's conventional column names: <c>IpAddress</c> → <c>ip_address</c>.</summary>
internal static class SnakeCase
{
    public static string FromPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                // A word starts at an upper-case letter after a lower-case letter or digit, or at the last capital
                // of an acronym that runs into a word: "IPAddress" → "ip_address", "UserID" → "user_id".
                if (i > 0 && name[i - 1] != '_' &&
                    (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) ||
                     (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
