using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Tolerant;

namespace SessionService;

/// <summary>
/// The session service, on Tolerant's generated builders only: no hand-written SQL but the guarded raw query in
/// <see cref="RawQueries"/>. Not one line branches on the migration level: a column the database lacks reads as its
/// declared default, writes leave it out and say so, and the audit table reads as empty until it exists.
/// </summary>
public sealed partial class UserSessionService
{
    /// <summary>The most sessions one history page holds.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The last history page that can be asked for; deep OFFSETs cost the server a scan of the rows they skip.</summary>
    public const int MaxPage = 1000;

    private readonly SchemaCatalog _catalog;
    private readonly Table<UserSession> _sessions;
    private readonly Table<SessionEvent> _events;
    private readonly TimeProvider _time;
    private readonly SessionServiceOptions _options;
    private readonly ILogger<UserSessionService> _logger;

    /// <summary>Creates the service on <paramref name="catalog"/>, the one catalog of the service's data source.</summary>
    public UserSessionService(SchemaCatalog catalog, TimeProvider time, IOptions<SessionServiceOptions> options, ILogger<UserSessionService> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _sessions = catalog.Table<UserSession>();
        _events = catalog.Table<SessionEvent>();
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The session table.</summary>
    public Table<UserSession> Sessions => _sessions;

    /// <summary>The audit table (optional: it exists from migration 015 on).</summary>
    public Table<SessionEvent> Events => _events;

    /// <summary>A user logs in: stores the session and its login event together, and reads the session back as stored.</summary>
    public async Task<LoginResponse> CreateSessionAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = request.UserId,
            IpAddress = request.Ip,
            UserAgent = request.UserAgent,
            TenantId = request.TenantId,
            CreatedAt = now,
            ExpiresAt = now + _options.SessionLifetime,
        };
        var (inserted, audit) = await InTransactionAsync(
            async (sessions, events, ct) => (
                await sessions.InsertAsync(session, ct).ConfigureAwait(false),
                await events.InsertAsync(SessionEvent.Of(session, SessionEventKind.Login, now), ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);

        // Read back, so the answer shows what the database keeps: at 003 the tenant is not among it.
        var stored = await SessionQueries.ById.FirstOrDefaultAsync(_sessions, session.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Session {session.Id} was inserted but cannot be read back.");
        return new LoginResponse(SessionView.Of(stored), Names(inserted.Skipped), Audited: !audit.TableMissing);
    }

    /// <summary>A user logs out of <paramref name="sessionId"/>; null when it is not an active session.</summary>
    public Task<LogoutResponse?> EndSessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var condition = UserSession.Columns.Id.Eq(sessionId) & ActiveAt(now);
        return InTransactionAsync<LogoutResponse?>(
            async (sessions, events, ct) =>
            {
                var session = await sessions.Select().Where(condition).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                if (session is null)
                {
                    return null;
                }

                // At 003 only expires_at is stored, and it alone ends the session; is_active, logout_at and updated_at
                // are left out (and logged once at Warning, since their values differ from the defaults).
                var ended = await sessions.Update()
                    .Set(UserSession.Columns.IsActive, false)
                    .Set(UserSession.Columns.LogoutAt, now)
                    .Set(UserSession.Columns.UpdatedAt, now)
                    .Set(UserSession.Columns.ExpiresAt, now)
                    .Where(condition)
                    .ExecuteAsync(ct).ConfigureAwait(false);
                if (ended.Rows == 0)
                {
                    return null;
                }

                var audit = await events.InsertAsync(SessionEvent.Of(session, SessionEventKind.Logout, now), ct).ConfigureAwait(false);
                return new LogoutResponse(sessionId, now, Names(ended.Skipped), Audited: !audit.TableMissing);
            },
            cancellationToken);
    }

    /// <summary>Ends every active session of <paramref name="userId"/>, each with a revocation event.</summary>
    public async Task<RevokeResponse> RevokeAllUserSessionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var response = await InTransactionAsync<RevokeResponse?>(
            async (sessions, events, ct) =>
            {
                var active = await sessions.Select().Where(UserSession.Columns.UserId.Eq(userId) & ActiveAt(now)).ToListAsync(ct).ConfigureAwait(false);
                if (active.Count == 0)
                {
                    return null;
                }

                var revoked = await sessions.Update()
                    .Set(UserSession.Columns.IsActive, false)
                    .Set(UserSession.Columns.UpdatedAt, now)
                    .Set(UserSession.Columns.ExpiresAt, now)
                    .Where(UserSession.Columns.Id.In(active.Select(s => s.Id)) & ActiveAt(now))
                    .ExecuteAsync(ct).ConfigureAwait(false);
                var audit = await events.InsertManyAsync(active.Select(s => SessionEvent.Of(s, SessionEventKind.Revoked, now)), ct).ConfigureAwait(false);
                return new RevokeResponse(userId, revoked.Rows, Names(revoked.Skipped), Audited: !audit.TableMissing);
            },
            cancellationToken).ConfigureAwait(false);
        if (response is not null)
        {
            return response;
        }

        var eventsCaps = await _events.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        return new RevokeResponse(userId, 0, [], Audited: eventsCaps.TableExists);
    }

    /// <summary>The active sessions of <paramref name="userId"/>, newest first.</summary>
    public async Task<IReadOnlyList<SessionView>> GetActiveSessionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var sessions = await SessionQueries.ActiveOfUser.ToListAsync(_sessions, (userId, now), cancellationToken).ConfigureAwait(false);
        return sessions.Select(SessionView.Of).ToList();
    }

    /// <summary>
    /// Active sessions per tenant. Grouped here, over a stream of the active sessions, rather than with a raw
    /// <c>GROUP BY</c>: "active" keeps its one definition (<see cref="ActiveAt(DateTimeOffset)"/>), the code does not branch on the
    /// migration level (before 015 every tenant reads NULL, which is exactly the "unknown" group), and there is no second
    /// raw query to guard. The price is one row per active session on the wire, held one at a time.
    /// </summary>
    public async Task<PlatformStats> GetPlatformActiveSessionsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var perTenant = new Dictionary<string, long>(StringComparer.Ordinal);
        long unknown = 0;
        long active = 0;
        await foreach (var session in _sessions.Select().Where(ActiveAt(now)).AsAsyncEnumerable(cancellationToken).ConfigureAwait(false))
        {
            active++;
            if (session.TenantId is null)
            {
                unknown++;
            }
            else
            {
                perTenant[session.TenantId] = perTenant.GetValueOrDefault(session.TenantId) + 1;
            }
        }

        var byTenant = perTenant
            .Select(pair => new TenantCount(pair.Key, pair.Value))
            .OrderByDescending(t => t.Active)
            .ThenBy(t => t.Tenant, StringComparer.Ordinal)
            .ToList();
        if (unknown > 0)
        {
            byTenant.Add(new TenantCount(null, unknown));
        }

        var caps = await _sessions.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var logouts = await CountRecordedLogoutsAsync(cancellationToken).ConfigureAwait(false);
        return new PlatformStats(active, byTenant, TenantKnown: caps.Has(UserSession.Columns.TenantId), logouts);
    }

    /// <summary>
    /// Marks the active sessions whose time is up inactive, in one UPDATE. Before 015 both its assignments are to
    /// missing columns, so Tolerant sends nothing and reports them: such a session is already over by its expires_at.
    /// </summary>
    public async Task<ExpireResponse> AutoExpireStaleSessionsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var expired = await _sessions.Update()
            .Set(UserSession.Columns.IsActive, false)
            .Set(UserSession.Columns.UpdatedAt, now)
            .Where(UserSession.Columns.IsActive.Eq(true) & UserSession.Columns.ExpiresAt.Le(now))
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new ExpireResponse(expired.Rows, Names(expired.Skipped));
    }

    /// <summary>Deletes sessions that ended, and audit events that happened, longer ago than the retention.</summary>
    public async Task<(int Sessions, int Events, DateTimeOffset Before)> PurgeEndedAsync(CancellationToken cancellationToken)
    {
        var before = _time.GetUtcNow() - _options.Retention;
        var sessions = await _sessions.Delete().Where(UserSession.Columns.ExpiresAt.Lt(before)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        var events = await _events.Delete().Where(SessionEvent.Columns.OccurredAt.Lt(before)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return (sessions.Rows, events.Rows, before);
    }

    /// <summary>
    /// One page of <paramref name="userId"/>'s sessions, newest first, with logout times where known (the session's
    /// logout_at, else its logout event) and, where the audit table exists, the session's events.
    /// </summary>
    public async Task<LoginHistory> GetLoginHistoryAsync(Guid userId, int page, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, MaxPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize);
        var now = _time.GetUtcNow();

        // One row more than the page, to tell whether another page follows. Fine for a person's history; a feed would
        // page by key instead of by offset.
        var rows = await SessionQueries.HistoryPage.ToListAsync(_sessions, (userId, size + 1, (page - 1) * size), cancellationToken).ConfigureAwait(false);
        var pageRows = rows.Take(size).ToList();

        var events = pageRows.Count == 0
            ? []
            : await SessionQueries.EventsOfSessions.ToListAsync(_events, pageRows.Select(s => s.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        var eventsBySession = events.ToLookup(e => e.SessionId);
        var auditTrail = (await _events.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false)).TableExists;

        var entries = pageRows.Select(session =>
        {
            var sessionEvents = eventsBySession[session.Id].ToList();
            var loggedOut = sessionEvents.LastOrDefault(e => e.Kind == SessionEventKind.Logout);
            var (logoutAt, logoutFrom) = session.LogoutAt is { } at ? (at, "logout_at")
                : loggedOut is not null ? (loggedOut.OccurredAt, "session_events")
                : ((DateTimeOffset?)null, (string?)null);
            return new HistoryEntry(
                session.Id,
                session.CreatedAt,
                session.ExpiresAt,
                Active: IsActiveAt(session, now),
                logoutAt,
                logoutFrom,
                session.IpAddress,
                session.UserAgent,
                session.TenantId,
                sessionEvents.Select(e => new AuditEntry(e.Kind, e.OccurredAt)).ToList());
        }).ToList();
        return new LoginHistory(userId, page, size, HasMore: rows.Count > size, auditTrail, entries);
    }

    /// <summary>Probes the catalog now: at startup (so degraded mode is logged once, before the first request) and after a migration.</summary>
    public async Task<SchemaView> RefreshSchemaAsync(CancellationToken cancellationToken)
    {
        await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await _sessions.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var events = await _events.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        return new SchemaView(sessions.ToString(), events.ToString(), _catalog.ProbeCount);
    }

    /// <summary>A session is active while is_active holds (true for every session before 015) and its time is not up.</summary>
    internal static Condition<UserSession> ActiveAt(DateTimeOffset now) =>
        UserSession.Columns.IsActive.Eq(true) & (UserSession.Columns.ExpiresAt.IsNull() | UserSession.Columns.ExpiresAt.Gt(now));

    /// <summary>The same condition for a compiled query, with the moment as its argument (keep the two alike).</summary>
    internal static Condition<UserSession> ActiveAt(Arg<DateTimeOffset> now) =>
        UserSession.Columns.IsActive.Eq(true) & (UserSession.Columns.ExpiresAt.IsNull() | UserSession.Columns.ExpiresAt.Gt(now));

    private static bool IsActiveAt(UserSession session, DateTimeOffset now) => session.IsActive && (session.ExpiresAt is null || session.ExpiresAt > now);

    private static List<string> Names<T>(IReadOnlyList<Column<T>> columns)
        where T : ISqlTable<T> => columns.Select(c => c.Name).ToList();

    /// <summary>
    /// The guarded raw query, with the one thing Tolerant cannot do for raw SQL: when the column vanished after the
    /// check (a contract migration), PostgreSQL answers 42703; the catalog is told and the check runs again.
    /// </summary>
    private async Task<long> CountRecordedLogoutsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RawQueries.CountLoggedOutAsync(_catalog.DataSource, _sessions, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedColumn)
        {
            Log.RawQueryAfterSchemaChange(_logger, e.MessageText);
            _catalog.Invalidate();
            return await RawQueries.CountLoggedOutAsync(_catalog.DataSource, _sessions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on both tables inside one transaction and commits it. When the schema changed under
    /// a statement (a column dropped while its statement was prepared), Tolerant does not retry inside a transaction:
    /// it throws after probing the catalog anew. The transaction has rolled back, so the whole unit runs once more, on
    /// the schema as it is now.
    /// </summary>
    private async Task<TResult> InTransactionAsync<TResult>(
        Func<Table<UserSession>, Table<SessionEvent>, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _catalog.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var result = await work(_sessions.On(connection, transaction), _events.On(connection, transaction), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (SchemaMismatchException e) when (attempt == 1 && e.InnerException is PostgresException)
            {
                Log.TransactionRetried(_logger, e.Table, e.Column is null ? "its schema changed" : $"{e.Column} is gone");
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "The schema of {Table} changed under a transaction ({Change}); it rolled back and runs again on the schema as it is now")]
        public static partial void TransactionRetried(ILogger logger, string table, string change);

        [LoggerMessage(2, LogLevel.Information, "A guarded raw query met a column dropped since the last probe ({Error}); probing again")]
        public static partial void RawQueryAfterSchemaChange(ILogger logger, string error);
    }
}
