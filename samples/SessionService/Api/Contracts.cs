using System;
using System.Collections.Generic;

namespace SessionService;

/// <summary>The body of <c>POST /sessions</c>: a user logs in.</summary>
/// <param name="UserId">Who logs in.</param>
/// <param name="TenantId">The tenant they log in to; stored from migration 015 on.</param>
/// <param name="Ip">The client's address; the connection's remote address when left out.</param>
/// <param name="UserAgent">The client; the request's <c>User-Agent</c> header when left out.</param>
public sealed record LoginRequest(Guid UserId, string? TenantId = null, string? Ip = null, string? UserAgent = null);

/// <summary>A session as the service reads it: a column the database lacks shows its declared default (or null).</summary>
public sealed record SessionView(
    Guid Id,
    Guid UserId,
    string? Ip,
    string? UserAgent,
    string? TenantId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    bool IsActive,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? LogoutAt)
{
    /// <summary>The view of <paramref name="session"/>.</summary>
    public static SessionView Of(UserSession session) => new(
        session.Id,
        session.UserId,
        session.IpAddress,
        session.UserAgent,
        session.TenantId,
        session.CreatedAt,
        session.ExpiresAt,
        session.IsActive,
        session.UpdatedAt,
        session.LogoutAt);
}

/// <summary>The answer to a login: the session as stored, the columns the insert left out, and whether the audit trail has it.</summary>
public sealed record LoginResponse(SessionView Session, IReadOnlyList<string> LeftOut, bool Audited);

/// <summary>The answer to a logout.</summary>
public sealed record LogoutResponse(Guid SessionId, DateTimeOffset LoggedOutAt, IReadOnlyList<string> LeftOut, bool Audited);

/// <summary>The answer to a revocation of all of a user's sessions.</summary>
public sealed record RevokeResponse(Guid UserId, int Revoked, IReadOnlyList<string> LeftOut, bool Audited);

/// <summary>Active sessions of the whole platform, per tenant. <see cref="TenantKnown"/> is false before migration 015.</summary>
/// <param name="Active">Every active session.</param>
/// <param name="ByTenant">Active sessions per tenant, most first; a null tenant counts the sessions whose tenant is unknown.</param>
/// <param name="TenantKnown">Whether the database stores tenants (migration 015).</param>
/// <param name="RecordedLogouts">Sessions whose <c>logout_at</c> is set; 0 while the database lacks the column.</param>
public sealed record PlatformStats(long Active, IReadOnlyList<TenantCount> ByTenant, bool TenantKnown, long RecordedLogouts);

/// <summary>Active sessions of one tenant; <see cref="Tenant"/> is null for sessions whose tenant is unknown.</summary>
public sealed record TenantCount(string? Tenant, long Active);

/// <summary>One page of a user's login history, newest first.</summary>
/// <param name="AuditTrail">Whether the audit trail exists (migration 015); events are listed only when it does.</param>
public sealed record LoginHistory(Guid UserId, int Page, int Size, bool HasMore, bool AuditTrail, IReadOnlyList<HistoryEntry> Sessions);

/// <summary>One session of a login history.</summary>
/// <param name="LogoutAt">When the user logged out, where known.</param>
/// <param name="LogoutFrom">Where <see cref="LogoutAt"/> comes from: <c>logout_at</c>, <c>session_events</c>, or null when unknown.</param>
public sealed record HistoryEntry(
    Guid SessionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    bool Active,
    DateTimeOffset? LogoutAt,
    string? LogoutFrom,
    string? Ip,
    string? UserAgent,
    string? TenantId,
    IReadOnlyList<AuditEntry> Events);

/// <summary>One audit event of a session.</summary>
public sealed record AuditEntry(SessionEventKind Kind, DateTimeOffset At);

/// <summary>What marking expired sessions inactive did; at 003 nothing is sent and <see cref="LeftOut"/> says why.</summary>
public sealed record ExpireResponse(int Expired, IReadOnlyList<string> LeftOut);

/// <summary>What one run of the cleanup job did.</summary>
/// <param name="PurgedBefore">Sessions that ended, and events that happened, before this moment were deleted.</param>
public sealed record CleanupReport(int Expired, int PurgedSessions, int PurgedEvents, DateTimeOffset PurgedBefore);

/// <summary>The schema as the service now sees it, after <c>POST /admin/schema/refresh</c>.</summary>
public sealed record SchemaView(string UserSessions, string SessionEvents, int CatalogProbes);

/// <summary>An error answer.</summary>
public sealed record ErrorResponse(string Error);
