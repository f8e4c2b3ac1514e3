using System;

namespace Tolerant.Tests.RoundTrip.Models;

/// <summary>The nullable form of every CLR type Tolerant maps, plus the three explicit PostgreSQL types.</summary>
[SqlTable("round_trip.nullable_type")]
public sealed partial record NullableTypeRow
{
    [SqlKey] public int Id { get; init; }

    public bool? Flag { get; init; }

    public short? Small { get; init; }

    public int? Number { get; init; }

    public long? Big { get; init; }

    public float? Single { get; init; }

    public double? Double { get; init; }

    public decimal? Money { get; init; }

    public string? Text { get; init; }

    public Guid? Uuid { get; init; }

    public DateTime? Stamp { get; init; }

    public DateTimeOffset? StampTz { get; init; }

    public DateOnly? Day { get; init; }

    public TimeOnly? Time { get; init; }

    public TimeSpan? Duration { get; init; }

    public byte[]? Bytes { get; init; }

    public IntStatus? Status { get; init; }

    public ByteStatus? Tiny { get; init; }

    public LongStatus? Wide { get; init; }

    [SqlColumn(TypeName = "jsonb")] public string? Document { get; init; }

    [SqlColumn(TypeName = "varchar(20)")] public string? Code { get; init; }

    [SqlColumn(TypeName = "text[]")] public string[]? Tags { get; init; }
}
