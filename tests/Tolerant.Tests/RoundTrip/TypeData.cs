using System;
using System.Collections.Generic;
using System.Linq;
using Tolerant.Tests.RoundTrip.Models;

namespace Tolerant.Tests.RoundTrip;

/// <summary>
/// Rows with the edge values of every mapped type, and the per-column cases that check them. Values stay within what
/// PostgreSQL can hold: microseconds for times, numeric for every decimal; DateTime/DateOnly/DateTimeOffset
/// MinValue and MaxValue travel as -infinity and infinity, which Npgsql maps back to them.
/// </summary>
internal static class TypeData
{
    public static readonly DateTime FirstMicrosecond = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddTicks(10);
    public static readonly DateTime LastMicrosecond = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Unspecified).AddTicks(9_999_990);
    public static readonly TimeOnly LastTimeMicrosecond = new(TimeOnly.MaxValue.Ticks / 10 * 10);
    public static readonly TimeSpan LongestInterval = TimeSpan.FromTicks(TimeSpan.MaxValue.Ticks / 10 * 10);
    public static readonly TimeSpan MostNegativeInterval = TimeSpan.FromTicks(TimeSpan.MinValue.Ticks / 10 * 10);

    public const string Hostile = "it's a \"quote\", a \\ backslash and a '' doubled quote";
    public const string Unicode = "naïve café — 日本語 — עברית — 🎉👩‍👩‍👧 — \u00A0nbsp";
    public const string Injection = "'); DROP TABLE round_trip.every_type; --";

    private static readonly byte[] AllBytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
    private static readonly byte[] LargeBytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 % 251)).ToArray();

    public static IReadOnlyList<EveryTypeRow> EveryTypeRows() =>
    [
        new EveryTypeRow
        {
            Id = int.MinValue,
            Flag = false,
            Small = short.MinValue,
            Number = int.MinValue,
            Big = long.MinValue,
            Single = float.MinValue,
            Double = double.MinValue,
            Money = decimal.MinValue,
            Text = "",
            Uuid = Guid.Empty,
            Stamp = DateTime.MinValue,
            StampTz = DateTimeOffset.MinValue,
            Day = DateOnly.MinValue,
            Time = TimeOnly.MinValue,
            Duration = MostNegativeInterval,
            Bytes = [],
            Status = IntStatus.Min,
            Tiny = ByteStatus.Zero,
            Wide = LongStatus.Min,
            Document = "{}",
            Code = "",
            Tags = [],
        },
        new EveryTypeRow
        {
            Id = int.MaxValue,
            Flag = true,
            Small = short.MaxValue,
            Number = int.MaxValue,
            Big = long.MaxValue,
            Single = float.MaxValue,
            Double = double.MaxValue,
            Money = decimal.MaxValue,
            Text = Unicode,
            Uuid = Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            Stamp = DateTime.MaxValue,
            StampTz = DateTimeOffset.MaxValue,
            Day = DateOnly.MaxValue,
            Time = LastTimeMicrosecond,
            Duration = LongestInterval,
            Bytes = AllBytes,
            Status = IntStatus.Max,
            Tiny = ByteStatus.Max,
            Wide = LongStatus.Max,
            Document = "{\"ü\": \"🎉\", \"quote\": \"it's \\\"q\\\" \\\\ back\"}",
            Code = "ññññññññññññññññññññ",
            Tags = ["", "with \"quote\"", "back\\slash", "{braces}", "comma,inside", "NULL", "naïve 🎉", "it's"],
        },
        new EveryTypeRow
        {
            Id = 0,
            Flag = false,
            Small = 0,
            Number = 0,
            Big = 0,
            Single = 0f,
            Double = 0d,
            Money = 0m,
            Text = "NULL",
            Uuid = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"),
            Stamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            StampTz = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Day = new DateOnly(2000, 1, 1),
            Time = new TimeOnly(0, 0),
            Duration = TimeSpan.Zero,
            Bytes = [0],
            Status = IntStatus.Zero,
            Tiny = ByteStatus.Zero,
            Wide = LongStatus.Zero,
            Document = "null",
            Code = "0",
            Tags = ["NULL"],
        },
        new EveryTypeRow
        {
            Id = -1,
            Flag = true,
            Small = -1,
            Number = -1,
            Big = -1,
            Single = -float.Epsilon,
            Double = -double.Epsilon,
            Money = -7.9228162514264337593543950335m,
            Text = Hostile,
            Uuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Stamp = FirstMicrosecond,
            StampTz = new DateTimeOffset(FirstMicrosecond, TimeSpan.Zero),
            Day = new DateOnly(1, 1, 2),
            Time = new TimeOnly(10),
            Duration = -(TimeSpan.FromDays(1) + TimeSpan.FromTicks(10)),
            Bytes = [0xFF, 0x00, 0x5C, 0x27, 0x22],
            Status = IntStatus.Negative,
            Tiny = ByteStatus.One,
            Wide = LongStatus.Negative,
            Document = "[1, 2.5, \"x\", true, null]",
            Code = "with 'quote' \\ \"",
            Tags = ["single 'q'"],
        },
        new EveryTypeRow
        {
            Id = 1,
            Flag = false,
            Small = 12345,
            Number = 123456789,
            Big = 1234567890123456789,
            Single = float.Epsilon,
            Double = double.Epsilon,
            Money = 0.0000000000000000000000000001m,
            Text = Injection,
            Uuid = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
            Stamp = LastMicrosecond,
            StampTz = new DateTimeOffset(LastMicrosecond, TimeSpan.Zero),
            Day = new DateOnly(9999, 12, 30),
            Time = new TimeOnly(12, 34, 56, 789, 12),
            Duration = new TimeSpan(1, 2, 3, 4) + TimeSpan.FromTicks(50),
            Bytes = LargeBytes,
            Status = (IntStatus)42,
            Tiny = ByteStatus.Mid,
            Wide = LongStatus.Max,
            Document = "\"just a string\"",
            Code = "12345678901234567890",
            Tags = ["a"],
        },
        new EveryTypeRow
        {
            Id = 2,
            Flag = true,
            Small = 2,
            Number = 2,
            Big = 2,
            Single = float.NaN,
            Double = double.NaN,
            Money = 1m / 3m,
            Text = "line\nbreak\ttab\r\nand a NUL-free end",
            Uuid = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
            Stamp = new DateTime(2026, 11, 28, 12, 34, 56, 123, 456, DateTimeKind.Unspecified),
            StampTz = new DateTimeOffset(2026, 11, 28, 12, 34, 56, 123, 456, TimeSpan.Zero),
            Day = new DateOnly(2024, 2, 29),
            Time = new TimeOnly(23, 59, 59),
            Duration = TimeSpan.FromHours(-1.5),
            Bytes = AllBytes,
            Status = IntStatus.Active,
            Tiny = (ByteStatus)200,
            Wide = LongStatus.Zero,
            Document = "{\"a\": 1}",
            Code = "日本語のコード",
            Tags = ["a", "b"],
        },
        new EveryTypeRow
        {
            Id = 3,
            Flag = true,
            Small = -32767,
            Number = -2147483647,
            Big = -9223372036854775807,
            Single = float.PositiveInfinity,
            Double = double.NegativeInfinity,
            Money = 12.50m,
            Text = new string('x', 10_000),
            Uuid = Guid.Empty,
            Stamp = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            StampTz = DateTimeOffset.UnixEpoch,
            Day = new DateOnly(1970, 1, 1),
            Time = new TimeOnly(12, 0),
            Duration = TimeSpan.FromTicks(10),
            Bytes = [0x00, 0x00],
            Status = IntStatus.Negative,
            Tiny = ByteStatus.Max,
            Wide = (LongStatus)123456789012,
            Document = "[]",
            Code = "ABC-123",
            Tags = ["a"],
        },
        new EveryTypeRow
        {
            Id = 4,
            Flag = false,
            Small = 1,
            Number = 1,
            Big = 1,
            Single = float.NegativeInfinity,
            Double = double.PositiveInfinity,
            Money = -0.5m,
            Text = " leading and trailing spaces ",
            Uuid = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"),
            Stamp = new DateTime(1999, 12, 31, 23, 59, 59, 999, 999, DateTimeKind.Unspecified),
            StampTz = new DateTimeOffset(1999, 12, 31, 23, 59, 59, 999, 999, TimeSpan.Zero),
            Day = new DateOnly(1999, 12, 31),
            Time = new TimeOnly(0, 0, 0, 0, 1),
            Duration = new TimeSpan(10675199, 0, 0, 0),
            Bytes = [],
            Status = IntStatus.Zero,
            Tiny = ByteStatus.One,
            Wide = LongStatus.Min,
            Document = "{}",
            Code = "",
            Tags = [],
        },
    ];

    /// <summary>The non-null rows in nullable form, a row of nothing but NULLs, and a row half NULL.</summary>
    public static IReadOnlyList<NullableTypeRow> NullableRows() =>
    [
        .. EveryTypeRows().Select(ToNullable),
        new NullableTypeRow { Id = 100 },
        new NullableTypeRow
        {
            Id = 101,
            Flag = true,
            Number = 7,
            Single = float.NaN,
            Money = 0m,
            Uuid = Guid.Empty,
            StampTz = DateTimeOffset.UnixEpoch,
            Time = LastTimeMicrosecond,
            Bytes = [],
            Tiny = ByteStatus.Max,
            Document = "null",
            Tags = [],
        },
    ];

    public static NullableTypeRow ToNullable(EveryTypeRow row) => new()
    {
        Id = row.Id,
        Flag = row.Flag,
        Small = row.Small,
        Number = row.Number,
        Big = row.Big,
        Single = row.Single,
        Double = row.Double,
        Money = row.Money,
        Text = row.Text,
        Uuid = row.Uuid,
        Stamp = row.Stamp,
        StampTz = row.StampTz,
        Day = row.Day,
        Time = row.Time,
        Duration = row.Duration,
        Bytes = row.Bytes,
        Status = row.Status,
        Tiny = row.Tiny,
        Wide = row.Wide,
        Document = row.Document,
        Code = row.Code,
        Tags = row.Tags,
    };

    /// <summary>The rows again and again under new keys, to go past the default COPY threshold.</summary>
    public static IReadOnlyList<EveryTypeRow> Repeated(IReadOnlyList<EveryTypeRow> rows, int times) =>
        Enumerable.Range(0, times).SelectMany(k => rows.Select((row, i) => row with { Id = (k * 1000) + i })).ToList();

    public static IReadOnlyList<ValueCase<EveryTypeRow>> EveryTypeCases() =>
    [
        ValueCase.For(EveryTypeRow.Columns.Id, r => r.Id),
        ValueCase.For(EveryTypeRow.Columns.Flag, r => r.Flag),
        ValueCase.For(EveryTypeRow.Columns.Small, r => r.Small),
        ValueCase.For(EveryTypeRow.Columns.Number, r => r.Number),
        ValueCase.For(EveryTypeRow.Columns.Big, r => r.Big),
        ValueCase.For(EveryTypeRow.Columns.Single, r => r.Single),
        ValueCase.For(EveryTypeRow.Columns.Double, r => r.Double),
        ValueCase.For(EveryTypeRow.Columns.Money, r => r.Money),
        ValueCase.For(EveryTypeRow.Columns.Text, r => r.Text, StringComparer.Ordinal),
        ValueCase.For(EveryTypeRow.Columns.Uuid, r => r.Uuid),
        ValueCase.For(EveryTypeRow.Columns.Stamp, r => r.Stamp, checkRead: ValueCase.ReadUnspecified),
        ValueCase.For(EveryTypeRow.Columns.StampTz, r => r.StampTz, checkRead: ValueCase.ReadInUtc),
        ValueCase.For(EveryTypeRow.Columns.Day, r => r.Day),
        ValueCase.For(EveryTypeRow.Columns.Time, r => r.Time),
        ValueCase.For(EveryTypeRow.Columns.Duration, r => r.Duration),
        ValueCase.For(EveryTypeRow.Columns.Bytes, r => r.Bytes, SequenceComparer<byte>.Instance),
        ValueCase.For(EveryTypeRow.Columns.Status, r => r.Status),
        ValueCase.For(EveryTypeRow.Columns.Tiny, r => r.Tiny),
        ValueCase.For(EveryTypeRow.Columns.Wide, r => r.Wide),
        ValueCase.For(EveryTypeRow.Columns.Document, r => r.Document, StringComparer.Ordinal),
        ValueCase.For(EveryTypeRow.Columns.Code, r => r.Code, StringComparer.Ordinal),
        // = ANY($n) over a text[] column compares an array with text elements; In on array columns has its own test.
        ValueCase.For(EveryTypeRow.Columns.Tags, r => r.Tags, SequenceComparer<string>.Instance, withIn: false),
    ];

    public static IReadOnlyList<ValueCase<NullableTypeRow>> NullableCases() =>
    [
        ValueCase.For(NullableTypeRow.Columns.Id, r => r.Id),
        ValueCase.For(NullableTypeRow.Columns.Flag, r => r.Flag),
        ValueCase.For(NullableTypeRow.Columns.Small, r => r.Small),
        ValueCase.For(NullableTypeRow.Columns.Number, r => r.Number),
        ValueCase.For(NullableTypeRow.Columns.Big, r => r.Big),
        ValueCase.For(NullableTypeRow.Columns.Single, r => r.Single),
        ValueCase.For(NullableTypeRow.Columns.Double, r => r.Double),
        ValueCase.For(NullableTypeRow.Columns.Money, r => r.Money),
        ValueCase.For(NullableTypeRow.Columns.Text, r => r.Text, StringComparer.Ordinal),
        ValueCase.For(NullableTypeRow.Columns.Uuid, r => r.Uuid),
        ValueCase.For(NullableTypeRow.Columns.Stamp, r => r.Stamp, checkRead: ValueCase.ReadUnspecified),
        ValueCase.For(NullableTypeRow.Columns.StampTz, r => r.StampTz, checkRead: ValueCase.ReadInUtc),
        ValueCase.For(NullableTypeRow.Columns.Day, r => r.Day),
        ValueCase.For(NullableTypeRow.Columns.Time, r => r.Time),
        ValueCase.For(NullableTypeRow.Columns.Duration, r => r.Duration),
        ValueCase.For(NullableTypeRow.Columns.Bytes, r => r.Bytes, SequenceComparer<byte>.Instance),
        ValueCase.For(NullableTypeRow.Columns.Status, r => r.Status),
        ValueCase.For(NullableTypeRow.Columns.Tiny, r => r.Tiny),
        ValueCase.For(NullableTypeRow.Columns.Wide, r => r.Wide),
        ValueCase.For(NullableTypeRow.Columns.Document, r => r.Document, StringComparer.Ordinal),
        ValueCase.For(NullableTypeRow.Columns.Code, r => r.Code, StringComparer.Ordinal),
        ValueCase.For(NullableTypeRow.Columns.Tags, r => r.Tags, SequenceComparer<string>.Instance, withIn: false),
    ];
}
