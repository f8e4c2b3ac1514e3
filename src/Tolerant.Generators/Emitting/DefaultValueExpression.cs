using System;
using System.Globalization;
using System.Text;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Emitting;

/// <summary>
/// Spells an optional column's declared default as a C# value, so the runtime can tell whether a write that leaves
/// the column out loses anything. Returns <see langword="null"/> where the literal has no exact CLR form (a
/// timestamp read in the session's time zone, an interval in months, a custom type): such values are never
/// claimed to equal the default.
/// </summary>
internal static class DefaultValueExpression
{
    public static string? For(ColumnModel column)
    {
        if (!column.IsOptional)
        {
            return null;
        }

        if (column.DefaultSql is null)
        {
            return "default";
        }

        var literal = column.DefaultSql;
        var expression = column.Kind switch
        {
            ValueKind.Boolean => literal,
            ValueKind.Int16 or ValueKind.Int32 => literal,
            ValueKind.Int64 => literal + "L",
            ValueKind.Single => Floating(literal, "F", "float"),
            ValueKind.Double => Floating(literal, "D", "double"),
            ValueKind.Decimal => WithDigitAfterPoint(literal) + "M",
            ValueKind.String => CSharpText.Literal(Unquote(literal)),
            ValueKind.Guid => $"new global::System.Guid({CSharpText.Literal(Unquote(literal))})",
            ValueKind.DateOnly => DateOnly(Unquote(literal)),
            ValueKind.TimeOnly => $"global::System.TimeOnly.Parse({CSharpText.Literal(Unquote(literal))}, global::System.Globalization.CultureInfo.InvariantCulture)",
            ValueKind.ByteArray => Bytes(Unquote(literal)),
            _ => null,
        };
        // Parenthesized, since "(Tier)-1" would read as a subtraction.
        return expression is not null && column.IsEnum ? $"({ReaderEmitter.NonNullable(column.ClrType)})({expression})" : expression;
    }

    private static string? Floating(string literal, string suffix, string type)
    {
        switch (Parsing.DefaultLiterals.SpecialFloat(Unquote(literal)))
        {
            case 0: return $"{type}.NaN";
            case 1: return $"{type}.PositiveInfinity";
            case -1: return $"{type}.NegativeInfinity";
        }

        return WithDigitAfterPoint(literal) + suffix;
    }

    // "1." is SQL but not C#.
    private static string WithDigitAfterPoint(string number)
    {
        var exponent = number.IndexOfAny(['e', 'E']);
        var mantissa = exponent < 0 ? number : number.Substring(0, exponent);
        var rest = exponent < 0 ? string.Empty : number.Substring(exponent);
        if (mantissa.EndsWith(".", StringComparison.Ordinal))
        {
            mantissa += "0";
        }

        if (mantissa.StartsWith(".", StringComparison.Ordinal) || mantissa.StartsWith("-.", StringComparison.Ordinal))
        {
            mantissa = mantissa.Replace(".", "0.");
        }

        return mantissa + rest;
    }

    private static string? DateOnly(string text)
    {
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null; // 'infinity' has no DateOnly.
        }

        return string.Format(CultureInfo.InvariantCulture, "new global::System.DateOnly({0}, {1}, {2})", date.Year, date.Month, date.Day);
    }

    private static string Bytes(string text)
    {
        var builder = new StringBuilder("new byte[] { ");
        for (var i = 2; i + 1 < text.Length; i += 2)
        {
            builder.Append(i == 2 ? "0x" : ", 0x").Append(text, i, 2);
        }

        return builder.Append(" }").ToString().Replace("{  }", "{ }");
    }

    private static string Unquote(string literal) =>
        literal.Length >= 2 && literal[0] == '\'' ? literal.Substring(1, literal.Length - 2).Replace("''", "'") : literal;
}
