using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Tests.RoundTrip;

/// <summary>Raw SQL for setting tables up and counting what they hold, apart from the code under test.</summary>
internal static class RoundTripSql
{
    /// <summary>The tables of the type round-trip tests, every column of the type Tolerant maps it to.</summary>
    public const string CreateTypeTables = """
        DROP SCHEMA IF EXISTS round_trip CASCADE;
        CREATE SCHEMA round_trip;
        CREATE TABLE round_trip.every_type (
            "id" integer PRIMARY KEY,
            "flag" boolean NOT NULL,
            "small" smallint NOT NULL,
            "number" integer NOT NULL,
            "big" bigint NOT NULL,
            "single" real NOT NULL,
            "double" double precision NOT NULL,
            "money" numeric NOT NULL,
            "text" text NOT NULL,
            "uuid" uuid NOT NULL,
            "stamp" timestamp without time zone NOT NULL,
            "stamp_tz" timestamp with time zone NOT NULL,
            "day" date NOT NULL,
            "time" time without time zone NOT NULL,
            "duration" interval NOT NULL,
            "bytes" bytea NOT NULL,
            "status" integer NOT NULL,
            "tiny" smallint NOT NULL,
            "wide" bigint NOT NULL,
            "document" jsonb NOT NULL,
            "code" varchar(20) NOT NULL,
            "tags" text[] NOT NULL
        );
        CREATE TABLE round_trip.nullable_type (
            "id" integer PRIMARY KEY,
            "flag" boolean,
            "small" smallint,
            "number" integer,
            "big" bigint,
            "single" real,
            "double" double precision,
            "money" numeric,
            "text" text,
            "uuid" uuid,
            "stamp" timestamp without time zone,
            "stamp_tz" timestamp with time zone,
            "day" date,
            "time" time without time zone,
            "duration" interval,
            "bytes" bytea,
            "status" integer,
            "tiny" smallint,
            "wide" bigint,
            "document" jsonb,
            "code" varchar(20),
            "tags" text[]
        );
        """;

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A data source of its own for one test, so prepared statements and pooled sessions never leak between tests.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, int? maxPoolSize = null, string? searchPath = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (maxPoolSize is { } size)
        {
            builder.MaxPoolSize = size;
        }

        if (searchPath is not null)
        {
            builder.SearchPath = searchPath;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
