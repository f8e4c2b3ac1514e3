using System.Text;

namespace Tolerant.Generators.Sql;

/// <summary>
/// Resolves the escapes of a <c>U&amp;"..."</c> identifier: <c>\XXXX</c>, <c>\+XXXXXX</c> and a doubled escape
/// character. An escape PostgreSQL would reject is kept as written rather than thrown on.
/// </summary>
internal static class SqlUnicodeEscapes
{
    /// <summary>PostgreSQL refuses hexadecimal digits, <c>+</c>, quotes and whitespace as the <c>UESCAPE</c> character.</summary>
    public static bool IsValidEscapeCharacter(char c) =>
        !IsHexDigit(c) && c is not ('+' or '\'' or '"' or ' ' or '\t' or '\n' or '\r' or '\f' or '\v');

    public static string Decode(string text, char escape)
    {
        if (text.IndexOf(escape) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var c = text[index];
            if (c != escape)
            {
                builder.Append(c);
                index++;
            }
            else if (index + 1 < text.Length && text[index + 1] == escape)
            {
                builder.Append(escape);
                index += 2;
            }
            else if (index + 1 < text.Length && text[index + 1] == '+' && TryReadHex(text, index + 2, 6, out var codePoint) && IsScalar(codePoint))
            {
                AppendCodePoint(builder, codePoint);
                index += 8;
            }
            else if (TryReadHex(text, index + 1, 4, out var unit))
            {
                builder.Append((char)unit);
                index += 5;
            }
            else
            {
                builder.Append(c);
                index++;
            }
        }

        return builder.ToString();
    }

    private static bool IsScalar(int codePoint) => codePoint is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);

    private static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
            return;
        }

        codePoint -= 0x10000;
        builder.Append((char)(0xD800 + (codePoint >> 10)));
        builder.Append((char)(0xDC00 + (codePoint & 0x3FF)));
    }

    private static bool TryReadHex(string text, int start, int digits, out int value)
    {
        value = 0;
        if (start + digits > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + digits; i++)
        {
            var c = text[i];
            if (!IsHexDigit(c))
            {
                return false;
            }

            value = (value * 16) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }

        return true;
    }

    private static bool IsHexDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
