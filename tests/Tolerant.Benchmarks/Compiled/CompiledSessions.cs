using System;

namespace Tolerant.Benchmarks.Compiled;

/// <summary>
/// The benchmarks' statements as compiled queries: built once, run with values. The same texts the per-call
/// variants send (and the hand-written code hard-codes).
/// </summary>
internal static class CompiledSessions
{
    /// <summary><c>SELECT … WHERE id = $1 LIMIT 1</c>.</summary>
    public static readonly CompiledSelect<UserSession, Guid> ById =
        CompiledQuery.Select<UserSession, Guid>((query, id) => query.Where(UserSession.Columns.Id.Eq(id)));

    /// <summary><c>UPDATE … SET updated_at = $1, expires_at = $2 WHERE id = $3</c>.</summary>
    public static readonly CompiledUpdate<UserSession, (DateTimeOffset? UpdatedAt, DateTimeOffset? ExpiresAt, Guid Id)> Refresh =
        CompiledQuery.Update<UserSession, (DateTimeOffset? UpdatedAt, DateTimeOffset? ExpiresAt, Guid Id)>((update, args) => update
            .Set(UserSession.Columns.UpdatedAt, args.Get(a => a.UpdatedAt))
            .Set(UserSession.Columns.ExpiresAt, args.Get(a => a.ExpiresAt))
            .Where(UserSession.Columns.Id.Eq(args.Get(a => a.Id))));
}
