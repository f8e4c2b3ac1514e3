using System;
using Tolerant;

namespace SessionService;

/// <summary>
/// The service's most frequent reads, compiled once (<see cref="CompiledQuery"/>) and run with values: each call binds
/// its values into the statement's parameters without building a condition, and the text is the one the same query
/// built per call would send at the database's migration level.
/// </summary>
internal static class SessionQueries
{
    /// <summary>One session by id: every login reads its session back.</summary>
    public static readonly CompiledSelect<UserSession, Guid> ById =
        CompiledQuery.Select<UserSession, Guid>((query, id) => query.Where(UserSession.Columns.Id.Eq(id)));

    /// <summary>A user's active sessions at a moment, newest first: what a client lists on every page load.</summary>
    public static readonly CompiledSelect<UserSession, (Guid UserId, DateTimeOffset Now)> ActiveOfUser =
        CompiledQuery.Select<UserSession, (Guid UserId, DateTimeOffset Now)>((query, args) => query
            .Where(UserSession.Columns.UserId.Eq(args.Get(a => a.UserId)) & UserSessionService.ActiveAt(args.Get(a => a.Now)))
            .OrderBy(UserSession.Columns.CreatedAt, descending: true)
            .OrderBy(UserSession.Columns.Id));

    /// <summary>One page of a user's sessions, newest first: the page size and offset are arguments too.</summary>
    public static readonly CompiledSelect<UserSession, (Guid UserId, int Take, int Skip)> HistoryPage =
        CompiledQuery.Select<UserSession, (Guid UserId, int Take, int Skip)>((query, args) => query
            .Where(UserSession.Columns.UserId.Eq(args.Get(a => a.UserId)))
            .OrderBy(UserSession.Columns.CreatedAt, descending: true)
            .OrderBy(UserSession.Columns.Id)
            .Limit(args.Get(a => a.Take))
            .Offset(args.Get(a => a.Skip)));

    /// <summary>The audit events of some sessions, in the order they happened (empty while the audit table does not exist).</summary>
    public static readonly CompiledSelect<SessionEvent, Guid[]> EventsOfSessions =
        CompiledQuery.Select<SessionEvent, Guid[]>((query, sessionIds) => query
            .Where(SessionEvent.Columns.SessionId.In(sessionIds))
            .OrderBy(SessionEvent.Columns.OccurredAt)
            .OrderBy(SessionEvent.Columns.Kind));
}
