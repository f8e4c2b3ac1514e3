namespace Tolerant.Tests.RoundTrip.Models;

/// <summary>
/// <c>errors.gadgets</c> as the code expects it: a varchar(20) code, and three optional columns, two with a known
/// migration and one without.
/// </summary>
[SqlTable("errors.gadgets")]
public sealed partial record Gadget
{
    [SqlKey] public int Id { get; init; }

    public string Name { get; init; } = "";

    [SqlColumn(TypeName = "varchar(20)")] public string Code { get; init; } = "";

    [OptionalColumn(Since = "042")] public int? Weight { get; init; }

    [SqlColumn("Colour Name"), OptionalColumn(Since = "043", Default = "'grey'")] public string Colour { get; init; } = "grey";

    [OptionalColumn] public string? Remark { get; init; }
}

/// <summary>The same table as code from a later release sees it: it requires a column no migration has added yet.</summary>
[SqlTable("errors.gadgets")]
public sealed partial record GadgetWithSerial
{
    [SqlKey] public int Id { get; init; }

    public string Name { get; init; } = "";

    public string Serial { get; init; } = "";

    [OptionalColumn(Since = "042")] public int? Weight { get; init; }
}

/// <summary>A required table no migration has created.</summary>
[SqlTable("errors.nowhere")]
public sealed partial record Nowhere
{
    [SqlKey] public int Id { get; init; }
}

/// <summary>An optional table a later migration creates.</summary>
[SqlTable("errors.someday", Optional = true)]
public sealed partial record Someday
{
    [SqlKey] public int Id { get; init; }

    [OptionalColumn(Since = "050")] public string? Note { get; init; }
}
