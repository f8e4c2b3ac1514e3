using System;
using System.Threading.Tasks;
using Tolerant.Tests.Models;
using Tolerant.Tests.Postgres;
using Xunit;

namespace Tolerant.Tests.Runtime;

/// <summary>
/// The exact SQL Tolerant sends for the session table before and after migration 015, and that PostgreSQL runs it.
/// docs/semantics.md quotes these texts.
/// </summary>
public sealed class SqlTextTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private const string Columns003 =
        "SELECT \"id\", \"user_id\", \"ip\", \"created_at\", \"expires_at\", true::boolean AS \"is_active\", " +
        "NULL::timestamp with time zone AS \"updated_at\", NULL::timestamp with time zone AS \"logout_at\" FROM \"shared\".\"user_sessions\"";

    private const string Columns015 =
        "SELECT \"id\", \"user_id\", \"ip\", \"created_at\", \"expires_at\", \"is_active\", \"updated_at\", \"logout_at\" FROM \"shared\".\"user_sessions\"";

    public Task InitializeAsync() => SessionSchema.ExecuteAsync(database.DataSource, SessionSchema.Drop + SessionSchema.Migration003);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Statements_stand_in_the_declared_default_for_a_missing_column_and_PostgreSQL_runs_them()
    {
        var catalog = new SchemaCatalog(database.DataSource);
        var sessions = catalog.Table<UserSession>();
        var user = Guid.NewGuid();
        var activeOfUser = sessions.Select()
            .Where(UserSession.Columns.UserId.Eq(user) & UserSession.Columns.IsActive.Eq(true))
            .OrderBy(UserSession.Columns.UpdatedAt, descending: true)
            .Limit(20);
        var logout = sessions.Update()
            .Set(UserSession.Columns.IsActive, false)
            .Set(UserSession.Columns.LogoutAt, DateTimeOffset.UnixEpoch)
            .Set(UserSession.Columns.ExpiresAt, DateTimeOffset.UnixEpoch)
            .Where(UserSession.Columns.Id.Eq(Guid.NewGuid()));
        var logoutOnly = sessions.Update().Set(UserSession.Columns.LogoutAt, DateTimeOffset.UnixEpoch).AllRows();
        var stale = sessions.Delete().Where(UserSession.Columns.IsActive.Eq(false) | UserSession.Columns.ExpiresAt.Lt(DateTimeOffset.UnixEpoch));

        var at003 = await sessions.GetCapabilitiesAsync();
        Assert.Equal(
            "INSERT INTO \"shared\".\"user_sessions\" (\"id\", \"user_id\", \"ip\", \"created_at\", \"expires_at\") VALUES ($1, $2, $3, $4, $5)",
            sessions.ToInsertSql(at003));
        Assert.Equal(
            Columns003 + " WHERE (\"user_id\" = $1 AND true::boolean = $2) ORDER BY NULL::timestamp with time zone DESC LIMIT $3",
            activeOfUser.ToSql(at003));
        Assert.Equal(
            "SELECT count(*) FROM \"shared\".\"user_sessions\" WHERE (\"user_id\" = $1 AND true::boolean = $2)",
            activeOfUser.ToCountSql(at003));
        Assert.Equal(
            Columns003 + " WHERE (\"user_id\" = $1 AND true::boolean = $2) ORDER BY NULL::timestamp with time zone DESC LIMIT $3 OFFSET $4",
            activeOfUser.Offset(40).ToSql(at003));
        Assert.Equal("UPDATE \"shared\".\"user_sessions\" SET \"expires_at\" = $1 WHERE \"id\" = $2", logout.ToSql(at003));
        Assert.Null(logoutOnly.ToSql(at003));
        Assert.Equal(
            "DELETE FROM \"shared\".\"user_sessions\" WHERE (true::boolean = $1 OR \"expires_at\" < $2)",
            stale.ToSql(at003));
        await RunAllAsync();

        await SessionSchema.ExecuteAsync(database.DataSource, SessionSchema.Migration015);
        catalog.Invalidate();
        var at015 = await sessions.GetCapabilitiesAsync();
        Assert.Equal(
            "INSERT INTO \"shared\".\"user_sessions\" (\"id\", \"user_id\", \"ip\", \"created_at\", \"expires_at\", \"is_active\", \"updated_at\", \"logout_at\") " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            sessions.ToInsertSql(at015));
        Assert.Equal(
            Columns015 + " WHERE (\"user_id\" = $1 AND \"is_active\" = $2) ORDER BY \"updated_at\" DESC LIMIT $3",
            activeOfUser.ToSql(at015));
        Assert.Equal(
            "UPDATE \"shared\".\"user_sessions\" SET \"is_active\" = $1, \"logout_at\" = $2, \"expires_at\" = $3 WHERE \"id\" = $4",
            logout.ToSql(at015));
        Assert.Equal("UPDATE \"shared\".\"user_sessions\" SET \"logout_at\" = $1", logoutOnly.ToSql(at015));
        await RunAllAsync();

        async Task RunAllAsync()
        {
            await sessions.InsertAsync(new UserSession { Id = Guid.NewGuid(), UserId = user, CreatedAt = DateTimeOffset.UnixEpoch });
            Assert.Single(await activeOfUser.ToListAsync());
            Assert.Empty(await activeOfUser.Offset(1).ToListAsync());
            Assert.Null(await activeOfUser.Offset(1).FirstOrDefaultAsync());
            Assert.Equal(1, await activeOfUser.CountAsync());
            await logout.ExecuteAsync();
            await logoutOnly.ExecuteAsync();
            await stale.ExecuteAsync();
            Assert.Equal(1, (await sessions.Delete().Where(UserSession.Columns.UserId.Eq(user)).ExecuteAsync()).Rows);
        }
    }
}
