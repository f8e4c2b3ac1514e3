using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Tolerant.Tests.Semantics;

/// <summary>One log entry as the code under test wrote it.</summary>
public sealed record LogRecord(string Category, LogLevel Level, int EventId, string Message);

/// <summary>
/// Keeps every entry at <see cref="MinimumLevel"/> or above, so a test can assert what was logged; <see cref="OnLog"/>
/// runs synchronously on the logging thread, which lets a test act at an exact point inside the code under test.
/// </summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    /// <summary>Tolerant's event ids (Tolerant.Execution.Log).</summary>
    public const int ValueLeftOutEvent = 5;
    public const int RetryingEvent = 6;

    private readonly ConcurrentQueue<LogRecord> _records = new();

    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;

    public Action<LogRecord>? OnLog { get; set; }

    public IReadOnlyList<LogRecord> Records => _records.ToArray();

    public IReadOnlyList<LogRecord> WithEvent(int eventId) => Records.Where(r => r.EventId == eventId).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The recording factory has no providers.");

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var record = new LogRecord(category, logLevel, eventId.Id, formatter(state, exception));
            owner._records.Enqueue(record);
            owner.OnLog?.Invoke(record);
        }
    }
}
