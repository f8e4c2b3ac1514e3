using System;

namespace Tolerant.Benchmarks;

/// <summary>
/// The session table of the originating case (a copy of the test model): migration 003 created the table, migration 015
/// added the optional columns. The benchmark database has run both, so every statement reads and writes all eight
/// columns and the comparison with hand-written SQL is like for like.
/// </summary>
[SqlTable("shared.user_sessions")]
public sealed partial record UserSession
{
    [SqlKey] public Guid Id { get; init; }

    public Guid UserId { get; init; }

    [SqlColumn("ip")] public string? IpAddress { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;

    [OptionalColumn(Since = "015")] public DateTimeOffset? UpdatedAt { get; init; }

    [OptionalColumn(Since = "015")] public DateTimeOffset? LogoutAt { get; init; }

    [SqlIgnore] public string? Display { get; init; }
}
