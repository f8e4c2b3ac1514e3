using System;
using Tolerant;

namespace SessionService;

/// <summary>
/// One entry of the audit trail of logins, logouts and revocations. Migration 015 creates the table, so it is optional:
/// before 015 it reads as empty and writes to it are skipped (and reported as such).
/// </summary>
[SqlTable("shared.session_events", Optional = true)]
public sealed partial record SessionEvent
{
    /// <summary>The migration that creates the table (a table has no <c>Since</c> of its own in the model).</summary>
    public const string CreatedBy = "015";

    [SqlKey] public Guid Id { get; init; }

    public Guid SessionId { get; init; }

    public Guid UserId { get; init; }

    public SessionEventKind Kind { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    [SqlColumn("ip")] public string? IpAddress { get; init; }

    /// <summary>The event <paramref name="kind"/> of <paramref name="session"/> at <paramref name="at"/>.</summary>
    public static SessionEvent Of(UserSession session, SessionEventKind kind, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        SessionId = session.Id,
        UserId = session.UserId,
        Kind = kind,
        OccurredAt = at,
        IpAddress = session.IpAddress,
    };
}
