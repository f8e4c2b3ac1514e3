using System;
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Benchmarks.HandWritten;

/// <summary>
/// The code Tolerant replaces, as the session service had it: before every statement it asks
/// <c>information_schema</c> which columns exist, then concatenates SQL that fits, with untyped
/// <c>AddWithValue</c> parameters. Two round trips per operation, on one pooled connection, nothing prepared.
/// </summary>
internal static class PerCallCatalogCheck
{
    private const string ColumnsQuery =
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'shared' AND table_name = 'user_sessions'";

    public static async Task<UserSession?> SelectByKeyAsync(NpgsqlDataSource dataSource, Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var columns = await ColumnsAsync(connection);
        var sql = "SELECT id, user_id, ip, created_at, expires_at, "
            + (columns.Contains("is_active") ? "is_active" : "true AS is_active") + ", "
            + (columns.Contains("updated_at") ? "updated_at" : "NULL::timestamptz AS updated_at") + ", "
            + (columns.Contains("logout_at") ? "logout_at" : "NULL::timestamptz AS logout_at")
            + " FROM shared.user_sessions WHERE id = @id";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow);
        return await reader.ReadAsync() ? HandWrittenSessions.Read(reader) : null;
    }

    public static async Task<int> InsertAsync(NpgsqlDataSource dataSource, UserSession row)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var columns = await ColumnsAsync(connection);
        var names = "id, user_id, ip, created_at, expires_at";
        var values = "@id, @user_id, @ip, @created_at, @expires_at";
        await using var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.AddWithValue("id", row.Id);
        command.Parameters.AddWithValue("user_id", row.UserId);
        command.Parameters.AddWithValue("ip", (object?)row.IpAddress ?? DBNull.Value);
        command.Parameters.AddWithValue("created_at", row.CreatedAt);
        command.Parameters.AddWithValue("expires_at", (object?)row.ExpiresAt ?? DBNull.Value);
        if (columns.Contains("is_active"))
        {
            names += ", is_active";
            values += ", @is_active";
            command.Parameters.AddWithValue("is_active", row.IsActive);
        }

        if (columns.Contains("updated_at"))
        {
            names += ", updated_at";
            values += ", @updated_at";
            command.Parameters.AddWithValue("updated_at", (object?)row.UpdatedAt ?? DBNull.Value);
        }

        if (columns.Contains("logout_at"))
        {
            names += ", logout_at";
            values += ", @logout_at";
            command.Parameters.AddWithValue("logout_at", (object?)row.LogoutAt ?? DBNull.Value);
        }

        command.CommandText = "INSERT INTO shared.user_sessions (" + names + ") VALUES (" + values + ")";
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<int> UpdateByKeyAsync(NpgsqlDataSource dataSource, Guid id, DateTimeOffset updatedAt, DateTimeOffset expiresAt)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var columns = await ColumnsAsync(connection);
        await using var command = new NpgsqlCommand { Connection = connection };
        var sets = "expires_at = @expires_at";
        command.Parameters.AddWithValue("expires_at", expiresAt);
        if (columns.Contains("updated_at"))
        {
            sets = "updated_at = @updated_at, " + sets;
            command.Parameters.AddWithValue("updated_at", updatedAt);
        }

        command.Parameters.AddWithValue("id", id);
        command.CommandText = "UPDATE shared.user_sessions SET " + sets + " WHERE id = @id";
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<HashSet<string>> ColumnsAsync(NpgsqlConnection connection)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(ColumnsQuery, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
