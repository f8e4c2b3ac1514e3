using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Tolerant.Tests.RoundTrip;

/// <summary>
/// One mapped column seen from a test: how to compare its value in an expected and a read row, and how to build
/// <c>Eq</c> and <c>In</c> conditions from rows, so every column can be checked with the same loop.
/// </summary>
internal sealed class ValueCase<T>
    where T : ISqlTable<T>
{
    public required string Property { get; init; }

    /// <summary>Why the value read differs from the value written, or <see langword="null"/> when it does not.</summary>
    public required Func<T, T, string?> Mismatch { get; init; }

    /// <summary><c>column.Eq(value of the row)</c>.</summary>
    public required Func<T, Condition<T>> Eq { get; init; }

    /// <summary><c>column.In(non-null values of the rows)</c>, or <see langword="null"/> when the test leaves <c>In</c> out for the column.</summary>
    public required Func<IEnumerable<T>, Condition<T>>? In { get; init; }

    /// <summary>Whether two rows hold equal values, as PostgreSQL's <c>=</c> (and <c>IS NULL</c> for two NULLs) sees them.</summary>
    public required Func<T, T, bool> Same { get; init; }

    public required Func<T, bool> IsNull { get; init; }

    public required Func<T, string> Show { get; init; }

    public override string ToString() => Property;
}

internal static class ValueCase
{
    public static ValueCase<T> For<T, TValue>(
        Column<T, TValue> column,
        Func<T, TValue> get,
        IEqualityComparer<TValue>? comparer = null,
        Func<TValue, string?>? checkRead = null,
        bool withIn = true)
        where T : ISqlTable<T>
    {
        var equal = comparer ?? EqualityComparer<TValue>.Default;
        return new ValueCase<T>
        {
            Property = column.PropertyName,
            Mismatch = (expected, actual) =>
            {
                var written = get(expected);
                var read = get(actual);
                if (!equal.Equals(written, read))
                {
                    return $"{column.PropertyName}: wrote {ValueText.Show(written)}, read {ValueText.Show(read)}";
                }

                return checkRead?.Invoke(read) is { } problem ? $"{column.PropertyName}: {problem}" : null;
            },
            Eq = row => column.Eq(get(row)),
            In = withIn ? rows => column.In(rows.Select(get).Where(v => v is not null)) : null,
            Same = (x, y) => equal.Equals(get(x), get(y)),
            IsNull = row => get(row) is null,
            Show = row => ValueText.Show(get(row)),
        };
    }

    /// <summary>A <c>timestamptz</c> is read back in UTC: the instant must match and the offset must be zero.</summary>
    public static string? ReadInUtc(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero ? null : $"read with offset {value.Offset}, expected UTC";

    public static string? ReadInUtc(DateTimeOffset? value) => value is { } v ? ReadInUtc(v) : null;

    /// <summary>A <c>timestamp without time zone</c> is read back with <see cref="DateTimeKind.Unspecified"/>.</summary>
    public static string? ReadUnspecified(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? null : $"read with Kind {value.Kind}, expected Unspecified";

    public static string? ReadUnspecified(DateTime? value) => value is { } v ? ReadUnspecified(v) : null;
}

/// <summary>Compares arrays element by element; two nulls are equal.</summary>
internal sealed class SequenceComparer<TElement> : IEqualityComparer<TElement[]?>
{
    public static readonly SequenceComparer<TElement> Instance = new();

    public bool Equals(TElement[]? x, TElement[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y, EqualityComparer<TElement>.Default);

    public int GetHashCode(TElement[]? obj) => obj?.Length ?? -1;
}

/// <summary>Values as text for failure messages: exact floats, round-trip dates with their kind, bytes in hex.</summary>
internal static class ValueText
{
    public static string Show(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes when bytes.Length > 24 => $"{bytes.Length} bytes \\x{Convert.ToHexString(bytes, 0, 24)}…",
        byte[] bytes => $"\\x{Convert.ToHexString(bytes)}",
        string[] texts => "[" + string.Join(", ", texts.Select(t => Show(t))) + "]",
        string text when text.Length > 60 => $"\"{text[..60]}…\" ({text.Length} chars)",
        string text => $"\"{text}\"",
        DateTime stamp => $"{stamp.ToString("O", CultureInfo.InvariantCulture)} ({stamp.Kind})",
        DateTimeOffset stamp => stamp.ToString("O", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture) + "f",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        Enum member => $"{member} ({Convert.ToInt64(member, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)})",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
