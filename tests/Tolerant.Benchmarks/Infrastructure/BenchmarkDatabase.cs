using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark databases. <see cref="Program"/> starts the server once, creates a read database and a write
/// database, seeds both, and puts their connection strings in environment variables that BenchmarkDotNet's child
/// processes inherit; each benchmark's global setup reads them from there.
/// </summary>
internal static class BenchmarkDatabase
{
    /// <summary>The database read benchmarks use: seeded once, never written.</summary>
    public const string ReadVariable = "TOLERANT_BENCH_READ_DB";

    /// <summary>The database insert and update benchmarks use: reseeded in each benchmark's setup.</summary>
    public const string WriteVariable = "TOLERANT_BENCH_WRITE_DB";

    /// <summary>How many rows both databases hold after seeding.</summary>
    public const int SeededRows = 10_000;

    /// <summary>A fixed moment, so seeded and written values do not depend on the clock.</summary>
    public static readonly DateTimeOffset BaseTime = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    // The schema after migrations 003 and 015: every optional column of the model exists.
    private const string CreateSchema = """
        CREATE SCHEMA IF NOT EXISTS shared;
        CREATE TABLE IF NOT EXISTS shared.user_sessions (
            id uuid PRIMARY KEY,
            user_id uuid NOT NULL,
            ip text,
            created_at timestamptz NOT NULL,
            expires_at timestamptz,
            is_active boolean NOT NULL DEFAULT true,
            updated_at timestamptz,
            logout_at timestamptz);
        TRUNCATE shared.user_sessions;
        """;

    private const string Copy =
        "COPY shared.user_sessions (id, user_id, ip, created_at, expires_at, is_active, updated_at, logout_at) FROM STDIN (FORMAT BINARY)";

    public static string ReadConnectionString => Require(ReadVariable);

    public static string WriteConnectionString => Require(WriteVariable);

    /// <summary>Creates the table if needed, empties it, loads the seed rows and refreshes the planner's statistics.</summary>
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(CreateSchema, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync(Copy))
        {
            foreach (var row in SeedRows())
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(row.UserId, NpgsqlDbType.Uuid);
                await WriteNullableAsync(importer, row.IpAddress, NpgsqlDbType.Text);
                await importer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(importer, row.ExpiresAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(row.IsActive, NpgsqlDbType.Boolean);
                await WriteNullableAsync(importer, row.UpdatedAt, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(importer, row.LogoutAt, NpgsqlDbType.TimestampTz);
            }

            await importer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE shared.user_sessions", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>The keys of the seeded rows, in key order: single-row benchmarks cycle through them.</summary>
    public static async Task<Guid[]> LoadKeysAsync(NpgsqlDataSource dataSource)
    {
        var keys = new List<Guid>(SeededRows);
        await using var command = dataSource.CreateCommand("SELECT id FROM shared.user_sessions ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetGuid(0));
        }

        return keys.ToArray();
    }

    /// <summary>The version string of the server behind <paramref name="connectionString"/>.</summary>
    public static async Task<string> ServerVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Deterministic rows, a realistic mix: most sessions active and expiring, some logged out.</summary>
    public static IEnumerable<UserSession> SeedRows()
    {
        var random = new Random(20261128);
        Span<byte> bytes = stackalloc byte[16];
        var users = new Guid[500];
        for (var i = 0; i < users.Length; i++)
        {
            random.NextBytes(bytes);
            users[i] = new Guid(bytes);
        }

        var rows = new List<UserSession>(SeededRows);
        for (var i = 0; i < SeededRows; i++)
        {
            random.NextBytes(bytes);
            var created = BaseTime.AddSeconds(i * 37);
            var loggedOut = i % 7 == 0;
            rows.Add(new UserSession
            {
                Id = new Guid(bytes),
                UserId = users[random.Next(users.Length)],
                IpAddress = i % 11 == 0 ? null : $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
                CreatedAt = created,
                ExpiresAt = i % 13 == 0 ? null : created.AddDays(1),
                IsActive = !loggedOut,
                UpdatedAt = i % 3 == 0 ? created.AddMinutes(5) : null,
                LogoutAt = loggedOut ? created.AddHours(2) : null,
            });
        }

        return rows;
    }

    private static Task WriteNullableAsync<TValue>(NpgsqlBinaryImporter importer, TValue? value, NpgsqlDbType type)
        where TValue : class =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, type);

    private static Task WriteNullableAsync<TValue>(NpgsqlBinaryImporter importer, TValue? value, NpgsqlDbType type)
        where TValue : struct =>
        value is { } present ? importer.WriteAsync(present, type) : importer.WriteNullAsync();

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run the benchmarks through their Program (./build.sh bench -- --filter '*'), which starts PostgreSQL and seeds it.");
}
