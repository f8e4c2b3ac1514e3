using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>
/// Maps offsets in a string literal's value back to its source text, through escapes (<c>\n</c>, <c>\u0041</c>),
/// verbatim doubled quotes and the indentation a multi-line raw literal strips, so a diagnostic lands on the column
/// name inside the string.
/// </summary>
internal static class LiteralOffsets
{
    public static bool TryMap(SyntaxToken token, int start, int length, out TextSpan span)
    {
        span = default;
        var map = Map(token);
        if (map is null || start < 0 || length <= 0 || start + length > map.Count)
        {
            return false;
        }

        var first = map[start];
        var last = map[start + length - 1];
        span = TextSpan.FromBounds(token.SpanStart + first.Start, token.SpanStart + last.Start + last.Width);
        return true;
    }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary>For each character of the value, where it is written in the token's text (an escape spans several characters); null when the text is not understood.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private static List<(int Start, int Width)>? Map(SyntaxToken token)
    {
        var text = token.Text;
        var value = token.ValueText;
        var map = token.Kind() switch
        {
            SyntaxKind.StringLiteralToken when text.StartsWith("@", System.StringComparison.Ordinal) => Verbatim(text),
            SyntaxKind.StringLiteralToken => Regular(text),
            SyntaxKind.SingleLineRawStringLiteralToken => SingleLineRaw(text),
            SyntaxKind.MultiLineRawStringLiteralToken => MultiLineRaw(text, value),
            _ => null,
        };

        // Whatever the form, the map must account for every character of the value, or it is not trusted.
        return map is not null && map.Count == value.Length ? map : null;
    }

    [MethodImpl((MethodImplOptions)512)]
    private static List<(int, int)>? Regular(string text)
    {
        var map = new List<(int, int)>(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '\\')
            {
                map.Add((i, 1));
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var width = next switch
            {
                'u' => 6,
                'U' => 10,
                'x' => HexEscapeWidth(text, i),
                _ => 2,
            };
            map.Add((i, width));
            if (next == 'U' && i + 10 <= text.Length &&
                uint.TryParse(text.Substring(i + 2, 8), System.Globalization.NumberStyles.HexNumber, null, out var codePoint) && codePoint > 0xFFFF)
            {
                map.Add((i, width)); // Above the BMP, one escape is two UTF-16 units.
            }

            i += width - 1;
        }

        return map;
    }

    private static int HexEscapeWidth(string text, int backslash)
    {
        var width = 2;
        while (width < 6 && backslash + width < text.Length - 1 && Uri.IsHexDigit(text[backslash + width]))
        {
            width++;
        }

        return width;
    }

    [MethodImpl((MethodImplOptions)512)]
    private static List<(int, int)> Verbatim(string text)
    {
        var map = new List<(int, int)>(text.Length);
        for (var i = 2; i < text.Length - 1; i++)
        {
            if (text[i] == '"')
            {
                map.Add((i, 2)); // "" stands for one quote.
                i++;
            }
            else
            {
                map.Add((i, 1));
            }
        }

        return map;
    }

    [MethodImpl((MethodImplOptions)512)]
    private static List<(int, int)> SingleLineRaw(string text)
    {
        var quotes = 0;
        while (quotes < text.Length && text[quotes] == '"')
        {
            quotes++;
        }

        var map = new List<(int, int)>(text.Length);
        for (var i = quotes; i < text.Length - quotes; i++)
        {
            map.Add((i, 1));
        }

        return map;
    }

    [MethodImpl((MethodImplOptions)512)]
    private static List<(int, int)>? MultiLineRaw(string text, string value)
    {
        // The value is the lines between the opening and closing quote lines, each without the closing line's indentation.
        var lastNewline = text.LastIndexOf('\n');
        var firstNewline = text.IndexOf('\n');
        if (firstNewline < 0 || lastNewline <= firstNewline)
        {
            return null;
        }

        var indentation = 0;
        while (lastNewline + 1 + indentation < text.Length && (text[lastNewline + 1 + indentation] == ' ' || text[lastNewline + 1 + indentation] == '\t'))
        {
            indentation++;
        }

        var map = new List<(int, int)>(value.Length);
        var lineStart = firstNewline + 1;
        while (lineStart <= lastNewline)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var contentEnd = lineEnd > 0 && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var isLast = lineEnd == lastNewline;
            for (var i = System.Math.Min(lineStart + indentation, contentEnd); i < contentEnd; i++)
            {
                map.Add((i, 1));
            }

            if (!isLast)
            {
                for (var i = contentEnd; i <= lineEnd; i++)
                {
                    map.Add((i, 1)); // The line break, "\r\n" or "\n", is part of the value between lines.
                }
            }

            lineStart = lineEnd + 1;
        }

        return map;
    }

    private static class Uri
    {
        public static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
