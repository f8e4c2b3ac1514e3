namespace Tolerant.Tests.RoundTrip.Models;

/// <summary>The table <c>twin</c> of schema <c>Beta Schema</c>, named exactly, whatever the search_path holds.</summary>
[SqlTable("Beta Schema.twin")]
public sealed partial record TwinInBeta
{
    [SqlKey] public int Id { get; init; }

    public string Label { get; init; } = "";

    [OptionalColumn(Since = "007")] public int? Extra { get; init; }
}

/// <summary>The table <c>twin</c> found through the search_path.</summary>
[SqlTable("twin")]
public sealed partial record TwinOnPath
{
    [SqlKey] public int Id { get; init; }

    public string Label { get; init; } = "";

    [OptionalColumn(Since = "007")] public int? Extra { get; init; }
}
