using System;
using System.Globalization;
using System.Text;

namespace Tolerant.TestSupport;

/// <summary>Makes database names that are unique, need no quoting and fit PostgreSQL's 63-byte limit.</summary>
internal static class DatabaseNames
{
    /// <summary>PostgreSQL truncates longer identifiers (NAMEDATALEN - 1).</summary>
    public const int MaxLength = 63;

    /// <summary>The prefix used when the caller gives none.</summary>
    public const string DefaultPrefix = "tolerant";

    private const int SuffixLength = 12;

    /// <summary>
    /// <paramref name="prefix"/> cut down to lower-case letters, digits and underscores, then <c>_</c> and 12 random
    /// hex digits. Several test runs can share one server (<c>TOLERANT_PG</c>), so names must not clash across them.
    /// </summary>
    public static string NewUnique(string? prefix)
    {
        string stem = Clean(string.IsNullOrWhiteSpace(prefix) ? DefaultPrefix : prefix);
        int room = MaxLength - 1 - SuffixLength;
        if (stem.Length > room)
        {
            stem = stem[..room];
        }

        return stem + "_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..SuffixLength];
    }

    private static string Clean(string prefix)
    {
        var name = new StringBuilder(prefix.Length + 3);
        foreach (char c in prefix.ToLowerInvariant())
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        // An identifier must start with a letter or an underscore to need no quoting.
        if (name[0] is >= '0' and <= '9')
        {
            name.Insert(0, "db_");
        }

        return name.ToString();
    }
}
