using System;
using Tolerant;

namespace SessionService;

/// <summary>A login session. Migration 003 created the table; migration 015 added the optional columns.</summary>
[SqlTable("shared.user_sessions")]
public sealed partial record UserSession
{
    [SqlKey] public Guid Id { get; init; }

    public Guid UserId { get; init; }

    [SqlColumn("ip")] public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the session ends by itself; set to the moment of a logout or revocation, which also ends it.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;

    [OptionalColumn(Since = "015")] public DateTimeOffset? UpdatedAt { get; init; }

    [OptionalColumn(Since = "015")] public DateTimeOffset? LogoutAt { get; init; }

    /// <summary>The tenant the user logged in to; unknown (NULL) for sessions from before migration 015.</summary>
    [OptionalColumn(Since = "015")] public string? TenantId { get; init; }

    /// <summary>Shown in listings; not stored.</summary>
    [SqlIgnore] public string? Display { get; init; }
}
