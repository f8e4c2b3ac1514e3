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
}
