using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Tolerant.Tests.Models;
using Xunit;

namespace Tolerant.Tests.Semantics;

/// <summary>
/// A round of every kind of operation on rows of its own, each statement naming <c>logout_at</c> (and the other
/// optional columns), with the results asserted. The rows hold the declared defaults, so by the one rule the results
/// are the same whichever optional columns exist; only the columns reported as left out change.
/// </summary>
public static class SessionWork
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A row of <paramref name="user"/> whose optional columns hold their declared defaults.</summary>
    public static UserSession NewRow(Guid user, int index) => new()
    {
        Id = Guid.NewGuid(),
        UserId = user,
        IpAddress = index % 3 == 0 ? null : $"10.1.{index % 250}.{index % 7}",
        CreatedAt = Start.AddSeconds(index),
        ExpiresAt = index % 4 == 0 ? null : Start.AddHours(1).AddSeconds(index),
    };

    /// <param name="sessions">The table, bound or not.</param>
    /// <param name="missing">The optional columns the table lacks, by name, in ordinal order.</param>
    /// <param name="manyRows">How many rows the InsertManyAsync of the round writes (below or above the copy threshold).</param>
    /// <param name="cancellationToken">Cancels the round.</param>
    public static async Task RoundAsync(Table<UserSession> sessions, string[] missing, int manyRows, CancellationToken cancellationToken)
    {
        var c = new { UserSession.Columns.Id, UserSession.Columns.UserId, UserSession.Columns.CreatedAt, UserSession.Columns.ExpiresAt, UserSession.Columns.IsActive, UserSession.Columns.UpdatedAt, UserSession.Columns.LogoutAt };
        var user = Guid.NewGuid();
        var rows = Enumerable.Range(0, manyRows + 1).Select(i => NewRow(user, i)).ToList();

        var inserted = await sessions.InsertAsync(rows[0], cancellationToken);
        Assert.Equal((1, SessionText.List(missing)), (inserted.Rows, SessionText.Names(inserted)));
        inserted = await sessions.InsertManyAsync(rows.Skip(1), cancellationToken);
        Assert.Equal((manyRows, SessionText.List(missing)), (inserted.Rows, SessionText.Names(inserted)));

        var read = await sessions.Select()
            .Where(c.UserId.Eq(user) & c.LogoutAt.IsNull() & c.IsActive.Eq(true))
            .OrderBy(c.UpdatedAt, descending: true)
            .OrderBy(c.CreatedAt)
            .ToListAsync(cancellationToken);
        Assert.Equal(SessionText.Describe(rows), SessionText.Describe(read));
        var first = await sessions.Select().Where(c.Id.Eq(rows[0].Id) & c.UpdatedAt.IsNull()).FirstOrDefaultAsync(cancellationToken);
        Assert.Equal(SessionText.Describe(rows[0]), SessionText.Describe(first));
        Assert.Equal(rows.Count, await sessions.Select().Where(c.UserId.Eq(user) & c.LogoutAt.IsNull()).CountAsync(cancellationToken));

        var expires = Start.AddDays(2);
        var updated = await sessions.Update()
            .Set(c.ExpiresAt, expires)
            .Set(c.LogoutAt, null)
            .Where(c.Id.In(rows[1].Id, Guid.NewGuid()) & c.LogoutAt.IsNull())
            .ExecuteAsync(cancellationToken);
        Assert.Equal((1, SessionText.List(missing.Where(n => n == "logout_at"))), (updated.Rows, SessionText.Names(updated)));
        var afterUpdate = await sessions.Select().Where(c.Id.Eq(rows[1].Id)).FirstOrDefaultAsync(cancellationToken);
        Assert.Equal(SessionText.Describe(rows[1] with { ExpiresAt = expires }), SessionText.Describe(afterUpdate));

        var deleted = await sessions.Delete().Where(c.UserId.Eq(user) & c.LogoutAt.IsNull()).ExecuteAsync(cancellationToken);
        Assert.Equal((rows.Count, "[]"), (deleted.Rows, SessionText.Names(deleted)));
        Assert.Equal(0, await sessions.Select().Where(c.UserId.Eq(user)).CountAsync(cancellationToken));
    }

    /// <summary>Runs <paramref name="rounds"/> rounds at once, so that the pool opens (and prepares on) several connections.</summary>
    public static Task ConcurrentRoundsAsync(Table<UserSession> sessions, string[] missing, int rounds, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, rounds).Select(i => RoundAsync(sessions, missing, manyRows: i % 2 == 0 ? 3 : 12, cancellationToken)));
}
