using System;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Benchmarks.HandWritten;

/// <summary>
/// What a careful person writes by hand against the complete schema: constant SQL with positional parameters,
/// typed <see cref="NpgsqlParameter{T}"/> values and ordinal reads. This is the baseline of every scenario. It
/// assumes migration 015 has run, which is exactly what Tolerant exists to stop assuming.
/// </summary>
internal static class HandWrittenSessions
{
    public const string Columns = "id, user_id, ip, created_at, expires_at, is_active, updated_at, logout_at";

    public const string SelectByKey = "SELECT " + Columns + " FROM shared.user_sessions WHERE id = $1";

    public const string SelectAll = "SELECT " + Columns + " FROM shared.user_sessions";

    public const string Insert = "INSERT INTO shared.user_sessions (" + Columns + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    public const string UpdateByKey = "UPDATE shared.user_sessions SET updated_at = $1, expires_at = $2 WHERE id = $3";

    /// <summary>Reads the current row by ordinal, as the generated reader does.</summary>
    public static UserSession Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        UserId = reader.GetGuid(1),
        IpAddress = reader.IsDBNull(2) ? null : reader.GetString(2),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
        ExpiresAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        IsActive = reader.GetBoolean(5),
        UpdatedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        LogoutAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
    };

    /// <summary>The eight values of an INSERT, in column order.</summary>
    public static void AddInsertParameters(NpgsqlParameterCollection parameters, UserSession row)
    {
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = row.Id });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = row.UserId });
        parameters.Add(new NpgsqlParameter<string?> { TypedValue = row.IpAddress });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = row.CreatedAt });
        parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = row.ExpiresAt });
        parameters.Add(new NpgsqlParameter<bool> { TypedValue = row.IsActive });
        parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = row.UpdatedAt });
        parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = row.LogoutAt });
    }

    /// <summary>Puts <paramref name="row"/>'s values into the parameters <see cref="AddInsertParameters"/> made.</summary>
    public static void AssignInsertParameters(NpgsqlParameterCollection parameters, UserSession row)
    {
        ((NpgsqlParameter<Guid>)parameters[0]).TypedValue = row.Id;
        ((NpgsqlParameter<Guid>)parameters[1]).TypedValue = row.UserId;
        ((NpgsqlParameter<string?>)parameters[2]).TypedValue = row.IpAddress;
        ((NpgsqlParameter<DateTimeOffset>)parameters[3]).TypedValue = row.CreatedAt;
        ((NpgsqlParameter<DateTimeOffset?>)parameters[4]).TypedValue = row.ExpiresAt;
        ((NpgsqlParameter<bool>)parameters[5]).TypedValue = row.IsActive;
        ((NpgsqlParameter<DateTimeOffset?>)parameters[6]).TypedValue = row.UpdatedAt;
        ((NpgsqlParameter<DateTimeOffset?>)parameters[7]).TypedValue = row.LogoutAt;
    }

    /// <summary>The three values of the update by key: <c>updated_at</c>, <c>expires_at</c>, <c>id</c>.</summary>
    public static void AddUpdateParameters(NpgsqlParameterCollection parameters, DateTimeOffset updatedAt, DateTimeOffset expiresAt, Guid id)
    {
        parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = updatedAt });
        parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = expiresAt });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    }
}

/// <summary>A hand-written INSERT prepared once on an open connection and reused: only the values change per call.</summary>
internal sealed class PreparedInsert : IAsyncDisposable
{
    private readonly NpgsqlParameter<Guid> _id = new();
    private readonly NpgsqlParameter<Guid> _userId = new();
    private readonly NpgsqlParameter<string?> _ip = new();
    private readonly NpgsqlParameter<DateTimeOffset> _createdAt = new();
    private readonly NpgsqlParameter<DateTimeOffset?> _expiresAt = new();
    private readonly NpgsqlParameter<bool> _isActive = new();
    private readonly NpgsqlParameter<DateTimeOffset?> _updatedAt = new();
    private readonly NpgsqlParameter<DateTimeOffset?> _logoutAt = new();

    private PreparedInsert(NpgsqlConnection connection)
    {
        Command = new NpgsqlCommand(HandWrittenSessions.Insert, connection);
        Command.Parameters.Add(_id);
        Command.Parameters.Add(_userId);
        Command.Parameters.Add(_ip);
        Command.Parameters.Add(_createdAt);
        Command.Parameters.Add(_expiresAt);
        Command.Parameters.Add(_isActive);
        Command.Parameters.Add(_updatedAt);
        Command.Parameters.Add(_logoutAt);
    }

    public NpgsqlCommand Command { get; }

    public static async Task<PreparedInsert> CreateAsync(NpgsqlConnection connection)
    {
        var insert = new PreparedInsert(connection);
        await insert.Command.PrepareAsync();
        return insert;
    }

    public Task<int> ExecuteAsync(UserSession row)
    {
        _id.TypedValue = row.Id;
        _userId.TypedValue = row.UserId;
        _ip.TypedValue = row.IpAddress;
        _createdAt.TypedValue = row.CreatedAt;
        _expiresAt.TypedValue = row.ExpiresAt;
        _isActive.TypedValue = row.IsActive;
        _updatedAt.TypedValue = row.UpdatedAt;
        _logoutAt.TypedValue = row.LogoutAt;
        return Command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => Command.DisposeAsync();
}
