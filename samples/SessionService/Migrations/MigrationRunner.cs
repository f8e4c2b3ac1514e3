using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SessionService;

/// <summary>
/// A tiny migration runner: applies the <c>NNN_name.sql</c> files of a folder in the order of their numbers, each in
/// its own transaction together with its row in <c>public.schema_migrations</c>, so a migration is applied once or not
/// at all. An advisory lock keeps two instances starting together from applying the same file twice.
/// </summary>
/// <remarks>
/// This is the service's only hand-written SQL besides <see cref="RawQueries"/>: it runs the DDL that changes the
/// schema under Tolerant, so it does not go through the catalog it invalidates.
/// </remarks>
public sealed partial class MigrationRunner
{
    // Any constant will do, as long as nothing else in the database takes the same advisory lock.
    private const long AdvisoryLockKey = 0x546F6C6572616E74;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates a runner for the migrations in <paramref name="directory"/> (by default <c>Migrations/</c> beside the program).</summary>
    public MigrationRunner(NpgsqlDataSource dataSource, ILogger logger, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _logger = logger;
        Directory = directory ?? DefaultDirectory;
        Available = LoadFolder(Directory);
    }

    /// <summary>The <c>Migrations</c> folder copied beside the program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Migrations");

    /// <summary>The folder the migrations come from.</summary>
    public string Directory { get; }

    /// <summary>The migrations of the folder, in order.</summary>
    public IReadOnlyList<Migration> Available { get; }

    /// <summary>
    /// Applies the migrations not applied yet, in order, up to and including <paramref name="target"/> (all of them
    /// when null). Returns those it applied.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> names no migration of the folder.</exception>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(string? target, CancellationToken cancellationToken)
    {
        var wanted = Available;
        if (!string.IsNullOrWhiteSpace(target))
        {
            var stop = Migration.ParseNumber(target.Trim())
                ?? throw new ArgumentException($"'{target}' is not a migration number such as 003.", nameof(target));
            if (!Available.Any(m => m.Number == stop))
            {
                throw new ArgumentException(
                    $"There is no migration {target} in {Directory}; there are {string.Join(", ", Available.Select(m => m.Version))}.", nameof(target));
            }

            wanted = Available.Where(m => m.Number <= stop).ToList();
        }

        var applied = new List<Migration>();
        foreach (var migration in wanted)
        {
            if (await ApplyAsync(migration, cancellationToken).ConfigureAwait(false))
            {
                applied.Add(migration);
            }
        }

        return applied;
    }

    /// <summary>Applies <paramref name="migration"/> and records it, unless it is recorded already; true when it was applied now.</summary>
    public async Task<bool> ApplyAsync(Migration migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS public.schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            connection,
            transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand("SELECT count(*) FROM public.schema_migrations WHERE version = $1", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Version });
            if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0)
            {
                return false;
            }
        }

        await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand("INSERT INTO public.schema_migrations (version, name) VALUES ($1, $2)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Version });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Log.Applied(_logger, migration.FileName);
        return true;
    }

    /// <summary>The versions recorded in <c>schema_migrations</c>, in order; none when the table does not exist yet.</summary>
    public async Task<IReadOnlyList<string>> GetAppliedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('public.schema_migrations') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return [];
            }
        }

        var versions = new List<string>();
        await using var command = new NpgsqlCommand("SELECT version FROM public.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetString(0));
        }

        return versions.OrderBy(v => Migration.ParseNumber(v) ?? int.MaxValue).ThenBy(v => v, StringComparer.Ordinal).ToList();
    }

    /// <summary>The migrations of the folder not recorded as applied.</summary>
    public async Task<IReadOnlyList<Migration>> GetPendingAsync(CancellationToken cancellationToken)
    {
        var applied = (await GetAppliedAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return Available.Where(m => !applied.Contains(m.Version)).ToList();
    }

    /// <summary>The migrations in <paramref name="directory"/>: its <c>NNN_name.sql</c> files (not those of its subfolders), in order.</summary>
    public static IReadOnlyList<Migration> LoadFolder(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The migrations folder {directory} does not exist.");
        }

        var migrations = System.IO.Directory.EnumerateFiles(directory, "*.sql", SearchOption.TopDirectoryOnly)
            .Select(Migration.Load)
            .OrderBy(m => m.Number)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migrations share the number {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.");
        }

        return migrations;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applied migration {Migration}")]
        public static partial void Applied(ILogger logger, string migration);
    }
}

/// <summary>A migration file: <c>003_user_sessions.sql</c> is version <c>003</c>, name <c>user_sessions</c>.</summary>
/// <param name="Version">The number as written in the file name, such as <c>003</c>.</param>
/// <param name="Name">The rest of the file name.</param>
/// <param name="Sql">The file's text.</param>
public sealed record Migration(string Version, string Name, string Sql)
{
    /// <summary>The version as a number, for ordering and comparing (<c>3</c> and <c>003</c> are the same).</summary>
    public int Number { get; } = ParseNumber(Version) ?? throw new ArgumentException($"'{Version}' is not a migration number.", nameof(Version));

    /// <summary>The file name.</summary>
    public string FileName => $"{Version}_{Name}.sql";

    /// <summary>Reads the migration file at <paramref name="path"/>.</summary>
    public static Migration Load(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path);
        var separator = file.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || ParseNumber(file[..separator]) is null)
        {
            throw new InvalidOperationException($"Migration file {path} is not named NNN_name.sql.");
        }

        return new Migration(file[..separator], file[(separator + 1)..], File.ReadAllText(path));
    }

    /// <summary>The number in <paramref name="version"/>, or null when it is not one.</summary>
    public static int? ParseNumber(string version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
