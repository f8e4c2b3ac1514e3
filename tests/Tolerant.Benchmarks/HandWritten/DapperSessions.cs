using System;
using System.Data;
using System.Threading;
using Dapper;

namespace Tolerant.Benchmarks.HandWritten;

/// <summary>
/// The same statements through Dapper: named parameters from an object, columns matched to properties by name
/// (snake_case with <see cref="DefaultTypeMap.MatchNamesWithUnderscores"/>, <c>ip</c> aliased), nothing prepared.
/// </summary>
internal static class DapperSessions
{
    public const string Columns =
        "id, user_id, ip AS ip_address, created_at, expires_at, is_active, updated_at, logout_at";

    public const string SelectByKey = "SELECT " + Columns + " FROM shared.user_sessions WHERE id = @id";

    public const string SelectAll = "SELECT " + Columns + " FROM shared.user_sessions";

    public const string Insert =
        "INSERT INTO shared.user_sessions (id, user_id, ip, created_at, expires_at, is_active, updated_at, logout_at) "
        + "VALUES (@Id, @UserId, @IpAddress, @CreatedAt, @ExpiresAt, @IsActive, @UpdatedAt, @LogoutAt)";

    public const string UpdateByKey = "UPDATE shared.user_sessions SET updated_at = @updatedAt, expires_at = @expiresAt WHERE id = @id";

    private static int _configured;

    /// <summary>
    /// Snake_case matching, and a handler for <see cref="DateTimeOffset"/>: Npgsql hands a <c>timestamptz</c> to
    /// <c>GetValue</c> as a UTC <see cref="DateTime"/>, which Dapper cannot convert by itself.
    /// </summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 0)
        {
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        }
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value;

        public override DateTimeOffset Parse(object value) =>
            value is DateTime dateTime ? new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)) : (DateTimeOffset)value;
    }
}
