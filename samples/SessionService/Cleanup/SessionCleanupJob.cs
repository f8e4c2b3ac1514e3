using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionService;

/// <summary>
/// The periodic cleanup job, the one that failed every minute in the originating incident: marks sessions whose time is
/// up inactive, then deletes sessions and audit events older than the retention. It runs on a <see cref="PeriodicTimer"/>
/// until the host stops; a failed run is logged and the next tick tries again.
/// </summary>
public sealed partial class SessionCleanupJob : BackgroundService
{
    private readonly UserSessionService _sessions;
    private readonly TimeProvider _time;
    private readonly SessionServiceOptions _options;
    private readonly ILogger<SessionCleanupJob> _logger;
    private int _completedRuns;
    private int _failedRuns;

    /// <summary>Creates the job.</summary>
    public SessionCleanupJob(UserSessionService sessions, TimeProvider time, IOptions<SessionServiceOptions> options, ILogger<SessionCleanupJob> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sessions = sessions;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>How many runs finished, on the timer or through <see cref="RunOnceAsync"/>.</summary>
    public int CompletedRuns => Volatile.Read(ref _completedRuns);

    /// <summary>How many timer runs failed (and were logged at Error).</summary>
    public int FailedRuns => Volatile.Read(ref _failedRuns);

    /// <summary>What the latest finished run did.</summary>
    public CleanupReport? LastReport { get; private set; }

    /// <summary>One run of the job: what each tick of the timer does.</summary>
    public async Task<CleanupReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        var expired = await _sessions.AutoExpireStaleSessionsAsync(cancellationToken).ConfigureAwait(false);
        var (purgedSessions, purgedEvents, before) = await _sessions.PurgeEndedAsync(cancellationToken).ConfigureAwait(false);
        var report = new CleanupReport(expired.Expired, purgedSessions, purgedEvents, before);
        if (report.Expired + report.PurgedSessions + report.PurgedEvents > 0)
        {
            Log.Cleaned(_logger, report.Expired, report.PurgedSessions, report.PurgedEvents, before);
        }
        else
        {
            Log.NothingToClean(_logger);
        }

        LastReport = report;
        Interlocked.Increment(ref _completedRuns);
        return report;
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Here rather than in ExecuteAsync, which runs in the background: the line comes in startup order.
        Log.Started(_logger, _options.CleanupPeriod);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.CleanupPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A BackgroundService that throws stops the host; a cleanup that failed once should just try again.
                    Interlocked.Increment(ref _failedRuns);
                    Log.Failed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }

        Log.Stopped(_logger);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Cleanup job runs every {Period}")]
        public static partial void Started(ILogger logger, TimeSpan period);

        [LoggerMessage(2, LogLevel.Information, "Cleanup: {Expired} sessions marked expired; {Sessions} sessions and {Events} audit events from before {Before:u} deleted")]
        public static partial void Cleaned(ILogger logger, int expired, int sessions, int events, DateTimeOffset before);

        [LoggerMessage(3, LogLevel.Debug, "Cleanup: nothing to do")]
        public static partial void NothingToClean(ILogger logger);

        [LoggerMessage(4, LogLevel.Error, "Cleanup failed; the next run tries again")]
        public static partial void Failed(ILogger logger, Exception exception);

        [LoggerMessage(5, LogLevel.Information, "Cleanup job stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
