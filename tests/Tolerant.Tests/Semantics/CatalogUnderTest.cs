using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Tests.Models;

namespace Tolerant.Tests.Semantics;

/// <summary>
/// A catalog on a data source of its own, so its pool (and the statements prepared on it) belongs to one test, with
/// its log recorded. Both mapped tables are asked for up front, so one probe covers them.
/// </summary>
public sealed class CatalogUnderTest : IAsyncDisposable
{
    private CatalogUnderTest(NpgsqlDataSource dataSource, RecordingLoggerFactory log, SchemaCatalog catalog)
    {
        DataSource = dataSource;
        Log = log;
        Catalog = catalog;
        Sessions = catalog.Table<UserSession>();
        Events = catalog.Table<SessionEvent>();
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>What the catalog logged.</summary>
    public RecordingLoggerFactory Log { get; }

    public SchemaCatalog Catalog { get; }

    public Table<UserSession> Sessions { get; }

    public Table<SessionEvent> Events { get; }

    public static CatalogUnderTest Create(
        string connectionString, int copyThreshold = 64, Action<NpgsqlDataSourceBuilder>? configureDataSource = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        configureDataSource?.Invoke(builder);
        var dataSource = builder.Build();
        var log = new RecordingLoggerFactory();
        var catalog = new SchemaCatalog(dataSource, new SchemaCatalogOptions { CopyThreshold = copyThreshold, LoggerFactory = log });
        return new CatalogUnderTest(dataSource, log, catalog);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

/// <summary>Rows of the session table written out in full, with invariant formatting, so two results compare as text.</summary>
public static class SessionText
{
    public static string Describe(UserSession? session) =>
        session is null
            ? "(none)"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{{id={session.Id:D} user={session.UserId:D} ip={session.IpAddress ?? "NULL"} created={session.CreatedAt:O} expires={Time(session.ExpiresAt)} active={session.IsActive} updated={Time(session.UpdatedAt)} logout={Time(session.LogoutAt)}}}");

    public static string Describe(IEnumerable<UserSession> sessions) => "[" + string.Join(", ", sessions.Select(Describe)) + "]";

    /// <summary>The columns <paramref name="result"/> left out, by name, in its order: <c>[is_active, logout_at]</c>.</summary>
    public static string Names<T>(MutationResult<T> result)
        where T : ISqlTable<T> => List(result.Skipped.Select(c => c.Name));

    /// <summary>Names written as <see cref="Names{T}"/> writes them, for the expected side of an assertion.</summary>
    public static string List(IEnumerable<string> names) => "[" + string.Join(", ", names) + "]";

    private static string Time(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture) ?? "NULL";
}

/// <summary>Reads raw SQL answers for assertions that must not go through Tolerant itself.</summary>
public static class Sql
{
    public static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
