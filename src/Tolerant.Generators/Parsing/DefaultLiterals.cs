using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// Checks that an <c>[OptionalColumn(Default = ...)]</c> is a SQL literal of the column's type and writes it in
/// one normal form. The literal is put into SQL text (it stands in for a missing column), so only literals are
/// accepted: no expressions, casts or function calls.
/// </summary>
internal static class DefaultLiterals
{
    private static readonly Regex Integer = new(@"^[+-]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Number = new(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex IntervalWords = new(
        @"^\s*([+-]?[0-9]+(\.[0-9]+)?\s*(microseconds?|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|mons?|years?)\s*)+(ago)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex IsoDateStart = new(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}", RegexOptions.CultureInvariant);
    private static readonly Regex IntervalClock = new(@"^[+-]?[0-9]+:[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$", RegexOptions.CultureInvariant);
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];
    private static readonly Regex HexBytes = new(@"^\\x([0-9a-fA-F]{2})*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Returns <see langword="true"/> and the literal in normal form (<see langword="null"/> for NULL), or
    /// <see langword="false"/> and why it does not fit.
    /// </summary>
    public static bool TryNormalize(
        string? literal, ValueKind kind, bool isNullable, (long Min, long Max)? integerRange, out string? normalized, out string? error)
    {
        normalized = null;
        error = null;
        var text = literal?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = isNullable ? "it is empty; leave Default out for NULL" : "it is empty";
            return false;
        }

        if (string.Equals(text, "null", StringComparison.OrdinalIgnoreCase))
        {
            if (isNullable)
            {
                return true;
            }

            error = "NULL does not fit a non-nullable property";
            return false;
        }

        error = kind switch
        {
            ValueKind.Boolean => CheckBoolean(text, ref normalized),
            ValueKind.Int16 => CheckInteger(text, integerRange ?? (short.MinValue, short.MaxValue), ref normalized),
            ValueKind.Int32 => CheckInteger(text, integerRange ?? (int.MinValue, int.MaxValue), ref normalized),
            ValueKind.Int64 => CheckInteger(text, integerRange ?? (long.MinValue, long.MaxValue), ref normalized),
            ValueKind.Single => CheckFloat(text, float.MaxValue, ref normalized),
            ValueKind.Double => CheckFloat(text, double.MaxValue, ref normalized),
            ValueKind.Decimal => CheckDecimal(text, ref normalized),
            ValueKind.String => CheckQuoted(text, _ => null, ref normalized),
            ValueKind.Guid => CheckQuoted(text, CheckGuid, ref normalized),
            ValueKind.DateTime or ValueKind.DateTimeOffset => CheckQuoted(text, CheckTimestamp, ref normalized),
            ValueKind.DateOnly => CheckQuoted(text, CheckDate, ref normalized),
            ValueKind.TimeOnly => CheckQuoted(text, CheckTime, ref normalized),
            ValueKind.TimeSpan => CheckQuoted(text, CheckInterval, ref normalized),
            ValueKind.ByteArray => CheckQuoted(text, CheckBytes, ref normalized),
            _ => CheckAnyLiteral(text, ref normalized),
        };
        return error is null;
    }

    private static string? CheckBoolean(string text, ref string? normalized)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            normalized = text.ToLowerInvariant();
            return null;
        }

        return "write true or false";
    }

    private static string? CheckInteger(string text, (long Min, long Max) range, ref string? normalized)
    {
        var (min, max) = range;
        if (!Integer.IsMatch(text))
        {
            return "write a whole number such as 0 or -1";
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ||
            value < min || value > max)
        {
            return $"it is outside {min}..{max}";
        }

        normalized = value.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private static string? CheckFloat(string text, double maxMagnitude, ref string? normalized)
    {
        if (SpecialFloat(Unquote(text)) is not null)
        {
            normalized = text;
            return null;
        }

        if (!Number.IsMatch(text))
        {
            return "write a number such as 0, 1.5 or 2e-3, or 'NaN', 'Infinity', '-Infinity'";
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            double.IsInfinity(value) || Math.Abs(value) > maxMagnitude)
        {
            return "it is out of range for the type";
        }

        // PostgreSQL refuses a nonzero literal that rounds to zero (underflow).
        var roundsToZero = maxMagnitude == float.MaxValue ? (float)value == 0 : value == 0;
        if (roundsToZero && text.TakeWhile(c => c != 'e' && c != 'E').Any(c => c >= '1' && c <= '9'))
        {
            return "it is out of range for the type";
        }

        normalized = text.TrimStart('+');
        return null;
    }

    private static string? CheckDecimal(string text, ref string? normalized)
    {
        if (!Number.IsMatch(text) ||
            !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return "write a number such as 0 or 12.50 that fits a decimal";
        }

        normalized = text.TrimStart('+');
        return null;
    }

    private static string? CheckQuoted(string text, Func<string, string?> checkContent, ref string? normalized)
    {
        var content = Unquote(text);
        if (content is null)
        {
            return "write a string literal in single quotes, with '' for a quote inside it";
        }

        var error = checkContent(content);
        if (error is null)
        {
            normalized = text;
        }

        return error;
    }

    // PostgreSQL's uuid input takes the hyphenated, bare-hex and braced forms; .NET also takes others it refuses.
    private static string? CheckGuid(string content) =>
        Guid.TryParseExact(content, "D", out _) || Guid.TryParseExact(content, "N", out _) || Guid.TryParseExact(content, "B", out _)
            ? null
            : "the quoted text is not a UUID";

    private static string? CheckTimestamp(string content) =>
        IsInfinity(content) ||
        (IsoDateStart.IsMatch(content) &&
         DateTimeOffset.TryParse(content, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            ? null
            : "the quoted text is not a timestamp such as '2000-01-01 00:00:00+00'";

    private static string? CheckDate(string content) =>
        IsInfinity(content) ||
        DateTime.TryParseExact(content, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "the quoted text is not a date such as '2000-01-31'";

    private static string? CheckTime(string content) =>
        DateTime.TryParseExact(content, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "the quoted text is not a time of day such as '08:30:00'";

    // .NET's "d.hh:mm:ss" and bare numbers mean something else to PostgreSQL ('8' is 8 seconds), so only the
    // forms both read alike are taken: "hh:mm[:ss[.fff]]" and PostgreSQL's words ("1 day 2 hours").
    private static string? CheckInterval(string content) =>
        IntervalClock.IsMatch(content) || IntervalWords.IsMatch(content)
            ? null
            : "the quoted text is not an interval such as '1 day' or '01:30:00'";

    private static string? CheckBytes(string content) =>
        HexBytes.IsMatch(content) ? null : "write bytes in hex form such as '\\x0aff'";

    private static string? CheckAnyLiteral(string text, ref string? normalized)
    {
        if (Unquote(text) is not null || Number.IsMatch(text))
        {
            normalized = text;
            return null;
        }

        return CheckBoolean(text, ref normalized) is null
            ? null
            : "write a literal: a number, true, false or a string in single quotes";
    }

    /// <summary>
    /// PostgreSQL's special floating-point inputs, read case-insensitively: <c>NaN</c>, <c>Infinity</c>, <c>inf</c>,
    /// with an optional sign on the infinities. Returns +1, -1 or 0 (NaN), or <see langword="null"/>.
    /// </summary>
    public static int? SpecialFloat(string? content)
    {
        if (content is null)
        {
            return null;
        }

        if (string.Equals(content, "nan", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var sign = content.StartsWith("-", StringComparison.Ordinal) ? -1 : 1;
        var body = content.TrimStart('+', '-');
        return content.Length - body.Length <= 1 &&
               (string.Equals(body, "infinity", StringComparison.OrdinalIgnoreCase) || string.Equals(body, "inf", StringComparison.OrdinalIgnoreCase))
            ? sign
            : null;
    }

    private static bool IsInfinity(string content) =>
        string.Equals(content, "infinity", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(content, "-infinity", StringComparison.OrdinalIgnoreCase);

    /// <summary>The content of a standard SQL string literal, or <see langword="null"/> if the text is not exactly one.</summary>
    private static string? Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '\'' || text[text.Length - 1] != '\'')
        {
            return null;
        }

        var content = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length - 1 && text[i + 1] == '\'')
                {
                    content.Append('\'');
                    i++;
                    continue;
                }

                return null;
            }

            content.Append(text[i]);
        }

        return content.ToString();
    }
}
