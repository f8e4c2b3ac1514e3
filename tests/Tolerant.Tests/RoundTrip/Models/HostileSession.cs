using System;

namespace Tolerant.Tests.RoundTrip.Models;

/// <summary>
/// A table whose schema, table and column names need quoting for every reason PostgreSQL has: a dot, a space,
/// double quotes, upper case, non-ASCII letters, reserved words and SQL punctuation. Migration 042 adds two
/// optional columns with names just as awkward.
/// </summary>
[SqlTable("\"Odd.Schema\".\"User \"\"Sessions\"\"\"")]
public sealed partial record HostileSession
{
    [SqlKey, SqlColumn("ID")] public Guid Id { get; init; }

    [SqlColumn("select")] public string? Select { get; init; }

    [SqlColumn("naïve café")] public string? Cafe { get; init; }

    [SqlColumn("with \"quotes\"")] public int Quoted { get; init; }

    [SqlColumn("dotted.name")] public long Dotted { get; init; }

    [SqlColumn("Mixed Case")] public string MixedCase { get; init; } = "";

    [SqlColumn("drop; -- \\ $1")] public string? Punctuation { get; init; }

    [SqlColumn("Is \"Active\"?"), OptionalColumn(Since = "042", Default = "true")] public bool IsActive { get; init; } = true;

    [SqlColumn("last.seen at"), OptionalColumn(Since = "042")] public DateTimeOffset? LastSeen { get; init; }
}
