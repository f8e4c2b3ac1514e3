using System;

namespace Tolerant.Tests.RoundTrip.Models;

/// <summary>An enum stored as <c>integer</c>, with members at both ends of its range.</summary>
public enum IntStatus
{
    Min = int.MinValue,
    Negative = -7,
    Zero = 0,
    Active = 1,
    Max = int.MaxValue,
}

/// <summary>An enum over <c>byte</c>, stored as <c>smallint</c>.</summary>
public enum ByteStatus : byte
{
    Zero = 0,
    One = 1,
    Mid = 128,
    Max = 255,
}

/// <summary>An enum over <c>long</c>, stored as <c>bigint</c>.</summary>
public enum LongStatus : long
{
    Min = long.MinValue,
    Negative = -1,
    Zero = 0,
    Max = long.MaxValue,
}

/// <summary>Every CLR type Tolerant maps, non-nullable, plus three columns with an explicit PostgreSQL type.</summary>
[SqlTable("round_trip.every_type")]
public sealed partial record EveryTypeRow
{
    [SqlKey] public int Id { get; init; }

    public bool Flag { get; init; }

    public short Small { get; init; }

    public int Number { get; init; }

    public long Big { get; init; }

    public float Single { get; init; }

    public double Double { get; init; }

    public decimal Money { get; init; }

    public string Text { get; init; } = "";

    public Guid Uuid { get; init; }

    public DateTime Stamp { get; init; }

    public DateTimeOffset StampTz { get; init; }

    public DateOnly Day { get; init; }

    public TimeOnly Time { get; init; }

    public TimeSpan Duration { get; init; }

    public byte[] Bytes { get; init; } = [];

    public IntStatus Status { get; init; }

    public ByteStatus Tiny { get; init; }

    public LongStatus Wide { get; init; }

    [SqlColumn(TypeName = "jsonb")] public string Document { get; init; } = "{}";

    [SqlColumn(TypeName = "varchar(20)")] public string Code { get; init; } = "";

    [SqlColumn(TypeName = "text[]")] public string[] Tags { get; init; } = [];
}
