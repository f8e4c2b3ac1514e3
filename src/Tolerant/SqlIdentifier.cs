namespace Tolerant;

/// <summary>Quotes SQL identifiers, so every name reaches PostgreSQL exactly as declared.</summary>
internal static class SqlIdentifier
{
    /// <summary>Wraps <paramref name="name"/> in double quotes, doubling any quote inside it.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"";
}
