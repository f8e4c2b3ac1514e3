using System;

namespace Tolerant.Tests.Semantics;

/// <summary>A table a later migration creates: while it is missing, reads are empty and writes are skipped.</summary>
[SqlTable("shared.session_events", Optional = true)]
public sealed partial record SessionEvent
{
    public const string Create = """
        CREATE TABLE shared.session_events (
            id uuid PRIMARY KEY,
            session_id uuid NOT NULL,
            kind text NOT NULL,
            at timestamptz NOT NULL
        );
        """;

    public const string Drop = "DROP TABLE IF EXISTS shared.session_events;";

    [SqlKey] public Guid Id { get; init; }

    public Guid SessionId { get; init; }

    public string Kind { get; init; } = string.Empty;

    public DateTimeOffset At { get; init; }
}
