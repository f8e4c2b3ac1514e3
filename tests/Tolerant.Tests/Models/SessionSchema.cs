using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Tests.Models;

/// <summary>The migrations of the session table, as SQL, for tests to put a database at either level.</summary>
public static class SessionSchema
{
    public const string Migration003 = """
        CREATE SCHEMA IF NOT EXISTS shared;
        CREATE TABLE shared.user_sessions (
            id uuid PRIMARY KEY,
            user_id uuid NOT NULL,
            ip text,
            created_at timestamptz NOT NULL,
            expires_at timestamptz
        );
        """;

    public const string AddIsActive = "ALTER TABLE shared.user_sessions ADD COLUMN is_active boolean NOT NULL DEFAULT true;";
    public const string AddUpdatedAt = "ALTER TABLE shared.user_sessions ADD COLUMN updated_at timestamptz;";
    public const string AddLogoutAt = "ALTER TABLE shared.user_sessions ADD COLUMN logout_at timestamptz;";

    public const string Migration015 = AddIsActive + AddUpdatedAt + AddLogoutAt;

    public const string Drop = "DROP SCHEMA IF EXISTS shared CASCADE;";

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
