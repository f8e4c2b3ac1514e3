using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SessionService;

/// <summary>
/// Runs before the server takes requests: applies the migrations (unless <c>SKIP_MIGRATIONS=true</c>; only up to
/// <c>MIGRATE_TO</c> when set), then probes the schema once, so that degraded mode is logged at startup, once.
/// </summary>
public sealed partial class MigrationStartup : IHostedService
{
    /// <summary>Set to <c>true</c> to start on the schema as it is.</summary>
    public const string SkipMigrationsKey = "SKIP_MIGRATIONS";

    /// <summary>Set to a migration number (<c>003</c>) to stop there.</summary>
    public const string MigrateToKey = "MIGRATE_TO";

    private readonly MigrationRunner _runner;
    private readonly UserSessionService _sessions;
    private readonly IConfiguration _configuration;
    private readonly ILogger<MigrationStartup> _logger;

    /// <summary>Creates the startup step.</summary>
    public MigrationStartup(MigrationRunner runner, UserSessionService sessions, IConfiguration configuration, ILogger<MigrationStartup> logger)
    {
        _runner = runner;
        _sessions = sessions;
        _configuration = configuration;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsTrue(_configuration[SkipMigrationsKey]))
        {
            Log.Skipped(_logger);
        }
        else
        {
            var target = _configuration[MigrateToKey];
            var applied = await _runner.MigrateAsync(target, cancellationToken).ConfigureAwait(false);
            var pending = await _runner.GetPendingAsync(cancellationToken).ConfigureAwait(false);
            var pendingText = pending.Count == 0 ? "none" : string.Join(", ", pending.Select(m => m.FileName));
            if (string.IsNullOrWhiteSpace(target))
            {
                Log.Migrated(_logger, applied.Count, pendingText);
            }
            else
            {
                Log.MigratedTo(_logger, applied.Count, target, pendingText);
            }
        }

        await _sessions.RefreshSchemaAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "1", StringComparison.Ordinal);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "SKIP_MIGRATIONS=true: no migration is run; serving the schema as it is")]
        public static partial void Skipped(ILogger logger);

        [LoggerMessage(2, LogLevel.Information, "Migrations: {Count} applied now; pending: {Pending}")]
        public static partial void Migrated(ILogger logger, int count, string pending);

        [LoggerMessage(3, LogLevel.Information, "Migrations: {Count} applied now, stopping at {Target} (MIGRATE_TO); pending: {Pending}")]
        public static partial void MigratedTo(ILogger logger, int count, string target, string pending);
    }
}
