namespace Tolerant.Tests.RoundTrip.Models;

/// <summary>An unqualified table: PostgreSQL finds it through the connection's search_path.</summary>
[SqlTable("Path Found")]
public sealed partial record PathFound
{
    [SqlKey, SqlColumn("Key")] public int Key { get; init; }

    [SqlColumn("value")] public string? Value { get; init; }

    [SqlColumn("Extra \"x\""), OptionalColumn(Since = "009")] public int? Extra { get; init; }
}
