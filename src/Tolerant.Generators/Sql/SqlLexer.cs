using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace Tolerant.Generators.Sql;

/// <summary>
/// Splits PostgreSQL text into tokens the way PostgreSQL's scanner does. It never throws and reads each character a
/// bounded number of times: a string, quoted identifier or comment left open runs to the end of the text and is
/// flagged <see cref="SqlToken.IsUnterminated"/>; a character PostgreSQL would reject becomes an
/// <see cref="SqlTokenKind.Unknown"/> token. Whitespace is dropped; comments are kept as tokens.
/// </summary>
internal sealed class SqlLexer
{
    private const string OperatorCharacters = "+-*/<>=~!@#%^&|`?";

    // An operator holding one of these keeps a trailing + or -, as in PostgreSQL ("@-" stays one operator).
    private const string OperatorCharactersKeepingTrailingSign = "~!@#%^&|`?";

    private readonly string _text;

    // A plain array rather than a builder or list: generic code over this value type is not precompiled in the
    // framework and runs unoptimized inside the compiler, while array indexing is compiled inline.
    private SqlToken[] _tokens;
    private int _count;
    private int _position;

    private SqlLexer(string text)
    {
        _text = text;
        _tokens = new SqlToken[Math.Max(4, text.Length / 4)];
    }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    public static SqlToken[] Tokenize(string? sql)
    {
        var tokens = Tokenize(sql, out var count);
        if (count == tokens.Length)
        {
            return tokens;
        }

        var trimmed = new SqlToken[count];
        Array.Copy(tokens, trimmed, count);
        return trimmed;
    }

    /// <summary>The tokens of <paramref name="sql"/>, in the first <paramref name="count"/> elements of the array returned.</summary>
    [MethodImpl((MethodImplOptions)512)]
    public static SqlToken[] Tokenize(string? sql, out int count)
    {
        var lexer = new SqlLexer(sql ?? string.Empty);
        lexer.ReadAll();
        count = lexer._count;
        return lexer._tokens;
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadAll()
    {
        while (_position < _text.Length)
        {
            if (IsWhitespace(_text[_position]))
            {
                _position++;
                continue;
            }

            ReadToken();
        }
    }

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    [MethodImpl((MethodImplOptions)512)]
    private void ReadToken()
    {
        var start = _position;
        var c = _text[start];
        var next = At(start + 1);
        switch (c)
        {
            case '-' when next == '-':
                ReadLineComment(start);
                return;
            case '/' when next == '*':
                ReadBlockComment(start);
                return;
            case '\'':
                ReadString(start, start + 1, backslashEscapes: false, SqlTokenKind.String);
                return;
            case '"':
                ReadQuotedIdentifier(start);
                return;
            case 'e' or 'E' when next == '\'':
                ReadString(start, start + 2, backslashEscapes: true, SqlTokenKind.String);
                return;
            case 'n' or 'N' when next == '\'':
                ReadString(start, start + 2, backslashEscapes: false, SqlTokenKind.String);
                return;
            case 'b' or 'B' or 'x' or 'X' when next == '\'':
                ReadString(start, start + 2, backslashEscapes: false, SqlTokenKind.BitString);
                return;
            case 'u' or 'U' when next == '&' && At(start + 2) is '\'' or '"':
                ReadUnicodeQuoted(start);
                return;
            case '$':
                ReadDollar(start);
                return;
            case '@' when IsIdentifierStart(next):
                ReadNamedParameter(start, start + 1);
                return;
            case ':':
                ReadColon(start, next);
                return;
            case '.' when IsDigit(next):
                ReadNumber(start);
                return;
            case '(':
                Add(SqlTokenKind.LeftParen, start, 1);
                return;
            case ')':
                Add(SqlTokenKind.RightParen, start, 1);
                return;
            case '[':
                Add(SqlTokenKind.LeftBracket, start, 1);
                return;
            case ']':
                Add(SqlTokenKind.RightBracket, start, 1);
                return;
            case ',':
                Add(SqlTokenKind.Comma, start, 1);
                return;
            case ';':
                Add(SqlTokenKind.Semicolon, start, 1);
                return;
            case '.':
                Add(SqlTokenKind.Dot, start, 1);
                return;
        }

        if (IsIdentifierStart(c))
        {
            ReadWord(start);
        }
        else if (IsDigit(c))
        {
            ReadNumber(start);
        }
        else if (OperatorCharacters.IndexOf(c) >= 0)
        {
            ReadOperator(start);
        }
        else
        {
            Add(SqlTokenKind.Unknown, start, 1);
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private void Add(SqlTokenKind kind, int start, int length, string? value = null, bool unterminated = false)
    {
        if (_count == _tokens.Length)
        {
            var grown = new SqlToken[_tokens.Length * 2];
            Array.Copy(_tokens, grown, _count);
            _tokens = grown;
        }

        _tokens[_count++] = new SqlToken(kind, start, length, value, unterminated);
        _position = start + length;
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadLineComment(int start)
    {
        var end = start + 2;
        while (end < _text.Length && _text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        Add(SqlTokenKind.LineComment, start, end - start);
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadBlockComment(int start)
    {
        var index = start + 2;
        var depth = 1;
        while (index < _text.Length && depth > 0)
        {
            if (_text[index] == '/' && At(index + 1) == '*')
            {
                depth++;
                index += 2;
            }
            else if (_text[index] == '*' && At(index + 1) == '/')
            {
                depth--;
                index += 2;
            }
            else
            {
                index++;
            }
        }

        Add(SqlTokenKind.BlockComment, start, Math.Min(index, _text.Length) - start, unterminated: depth > 0);
    }

    /// <summary>Reads a single-quoted body from <paramref name="contentStart"/>; returns the offset past the closing quote.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private int ScanQuotedBody(int contentStart, char quote, bool backslashEscapes, out bool terminated)
    {
        var index = contentStart;
        while (index < _text.Length)
        {
            var c = _text[index];
            if (backslashEscapes && c == '\\')
            {
                index += 2;
            }
            else if (c == quote)
            {
                if (At(index + 1) == quote)
                {
                    index += 2;
                    continue;
                }

                terminated = true;
                return index + 1;
            }
            else
            {
                index++;
            }
        }

        terminated = false;
        return _text.Length;
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadString(int start, int contentStart, bool backslashEscapes, SqlTokenKind kind)
    {
        var end = ScanQuotedBody(contentStart, '\'', backslashEscapes, out var terminated);
        Add(kind, start, end - start, unterminated: !terminated);
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadQuotedIdentifier(int start)
    {
        var end = ScanQuotedBody(start + 1, '"', backslashEscapes: false, out var terminated);
        var value = UnquoteIdentifier(start + 1, terminated ? end - 1 : end);
        Add(SqlTokenKind.QuotedIdentifier, start, end - start, value, !terminated);
    }

    private string UnquoteIdentifier(int contentStart, int contentEnd)
    {
        var content = _text.Substring(contentStart, contentEnd - contentStart);
        return content.IndexOf('"') < 0 ? content : content.Replace("\"\"", "\"");
    }

    private void ReadUnicodeQuoted(int start)
    {
        var quote = _text[start + 2];
        var end = ScanQuotedBody(start + 3, quote, backslashEscapes: false, out var terminated);
        var contentEnd = terminated ? end - 1 : end;
        var escape = '\\';
        if (terminated)
        {
            end = ReadUnicodeEscapeClause(end, ref escape);
        }

        if (quote == '\'')
        {
            Add(SqlTokenKind.String, start, end - start, unterminated: !terminated);
            return;
        }

        var value = SqlUnicodeEscapes.Decode(UnquoteIdentifier(start + 3, contentEnd), escape);
        Add(SqlTokenKind.QuotedIdentifier, start, end - start, value, !terminated);
    }

    /// <summary>Takes a trailing <c>UESCAPE 'c'</c> into the token it modifies; returns the new end.</summary>
    private int ReadUnicodeEscapeClause(int end, ref char escape)
    {
        var index = SkipWhitespace(end);
        const string Keyword = "uescape";
        if (index + Keyword.Length > _text.Length ||
            string.Compare(_text, index, Keyword, 0, Keyword.Length, StringComparison.OrdinalIgnoreCase) != 0 ||
            IsIdentifierPart(At(index + Keyword.Length)))
        {
            return end;
        }

        index = SkipWhitespace(index + Keyword.Length);
        if (At(index) != '\'' || At(index + 2) != '\'' || index + 2 >= _text.Length)
        {
            return end;
        }

        if (SqlUnicodeEscapes.IsValidEscapeCharacter(_text[index + 1]))
        {
            escape = _text[index + 1];
        }

        return index + 3;
    }

    [MethodImpl((MethodImplOptions)512)]
    private int SkipWhitespace(int index)
    {
        while (index < _text.Length && IsWhitespace(_text[index]))
        {
            index++;
        }

        return index;
    }

    private void ReadDollar(int start)
    {
        var index = start + 1;
        if (IsDigit(At(index)))
        {
            while (IsDigit(At(index)))
            {
                index++;
            }

            Add(SqlTokenKind.PositionalParameter, start, index - start, _text.Substring(start, index - start));
            return;
        }

        if (IsIdentifierStart(At(index)))
        {
            index++;
            while (IsIdentifierStart(At(index)) || IsDigit(At(index)))
            {
                index++;
            }
        }

        if (At(index) != '$' || index >= _text.Length)
        {
            Add(SqlTokenKind.Unknown, start, 1);
            return;
        }

        var tag = _text.Substring(start, index + 1 - start);
        var close = _text.IndexOf(tag, index + 1, StringComparison.Ordinal);
        var end = close < 0 ? _text.Length : close + tag.Length;
        Add(SqlTokenKind.DollarString, start, end - start, unterminated: close < 0);
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadNamedParameter(int start, int nameStart)
    {
        var index = nameStart;
        while (index < _text.Length && (IsIdentifierStart(_text[index]) || IsDigit(_text[index])))
        {
            index++;
        }

        Add(SqlTokenKind.NamedParameter, start, index - start, _text.Substring(start, index - start));
    }

    private void ReadColon(int start, char next)
    {
        if (next == ':')
        {
            Add(SqlTokenKind.Cast, start, 2);
        }
        else if (next == '=')
        {
            Add(SqlTokenKind.Operator, start, 2, ":=");
        }
        else if (IsIdentifierStart(next))
        {
            ReadNamedParameter(start, start + 1);
        }
        else
        {
            Add(SqlTokenKind.Colon, start, 1);
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadWord(int start)
    {
        var index = start + 1;
        while (index < _text.Length && IsIdentifierPart(_text[index]))
        {
            index++;
        }

        var value = FoldAscii(_text.Substring(start, index - start));
        var kind = SqlKeywords.IsReserved(value) ? SqlTokenKind.Keyword : SqlTokenKind.Identifier;
        Add(kind, start, index - start, value);
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadNumber(int start)
    {
        var index = start;
        if (_text[index] == '0' && At(index + 1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B' && IsAlphanumeric(At(index + 2)))
        {
            index += 2;
            while (IsAlphanumeric(At(index)) || At(index) == '_')
            {
                index++;
            }

            Add(SqlTokenKind.Number, start, index - start);
            return;
        }

        index = SkipDigits(index);
        if (At(index) == '.' && At(index + 1) != '.')
        {
            index = SkipDigits(index + 1);
        }

        if (At(index) is 'e' or 'E' && (IsDigit(At(index + 1)) || (At(index + 1) is '+' or '-' && IsDigit(At(index + 2)))))
        {
            index = SkipDigits(index + 2);
        }

        Add(SqlTokenKind.Number, start, index - start);
    }

    [MethodImpl((MethodImplOptions)512)]
    private int SkipDigits(int index)
    {
        while (IsDigit(At(index)) || (At(index) == '_' && IsDigit(At(index + 1))))
        {
            index++;
        }

        return index;
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadOperator(int start)
    {
        var index = start + 1;
        while (index < _text.Length && OperatorCharacters.IndexOf(_text[index]) >= 0)
        {
            var c = _text[index];
            var next = At(index + 1);
            if ((c == '-' && next == '-') || (c == '/' && next == '*') || (c == '@' && IsIdentifierStart(next)))
            {
                break;
            }

            index++;
        }

        var length = index - start;
        if (length > 1 && !ContainsAny(start, length, OperatorCharactersKeepingTrailingSign))
        {
            while (length > 1 && _text[start + length - 1] is '+' or '-')
            {
                length--;
            }
        }

        Add(SqlTokenKind.Operator, start, length, _text.Substring(start, length));
    }

    [MethodImpl((MethodImplOptions)512)]
    private bool ContainsAny(int start, int length, string characters)
    {
        for (var i = start; i < start + length; i++)
        {
            if (characters.IndexOf(_text[i]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>PostgreSQL folds only ASCII letters; other characters keep their case.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private static string FoldAscii(string word)
    {
        var upper = -1;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] is >= 'A' and <= 'Z')
            {
                upper = i;
                break;
            }
        }

        if (upper < 0)
        {
            return word;
        }

        var builder = new StringBuilder(word);
        for (var i = upper; i < builder.Length; i++)
        {
            if (builder[i] is >= 'A' and <= 'Z')
            {
                builder[i] = (char)(builder[i] + ('a' - 'A'));
            }
        }

        return builder.ToString();
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAlphanumeric(char c) => IsDigit(c) || c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    // PostgreSQL treats every non-ASCII character as a letter.
    private static bool IsIdentifierStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c) || c == '$';
}
