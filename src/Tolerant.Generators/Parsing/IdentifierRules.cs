using System.Text;

namespace Tolerant.Generators.Parsing;

/// <summary>What PostgreSQL accepts as a (quoted) identifier.</summary>
internal static class IdentifierRules
{
    /// <summary>PostgreSQL's NAMEDATALEN is 64: names keep at most 63 bytes and silently lose the rest.</summary>
    public const int MaxBytes = 63;

    /// <summary>Returns why <paramref name="name"/> cannot be an identifier, or <see langword="null"/> when it can.</summary>
    public static string? Check(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return "a name cannot be empty";
        }

        if (name.Trim().Length == 0)
        {
            return "a name cannot be only white space";
        }

        if (name.IndexOf('\0') >= 0)
        {
            return "a name cannot contain a NUL character";
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxBytes)
        {
            return $"it is {bytes} bytes long and PostgreSQL keeps only the first {MaxBytes}";
        }

        return null;
    }
}
