using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace SessionService.Tests;

/// <summary>One log entry the service wrote.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    /// <inheritdoc />
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : " -- " + Exception)}";
}

/// <summary>Keeps every entry the service logs, so tests can assert what was (and was not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Everything logged since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>The entries at Error or above.</summary>
    public IReadOnlyList<LogEntry> Errors => Entries.Where(e => e.Level >= LogLevel.Error).ToList();

    /// <summary>The entries at Warning.</summary>
    public IReadOnlyList<LogEntry> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).ToList();

    /// <summary>The entries at <paramref name="level"/> whose message contains <paramref name="text"/>.</summary>
    public IReadOnlyList<LogEntry> At(LogLevel level, string text) =>
        Entries.Where(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>Forgets what was logged so far.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>Fails with every Error entry when there is any.</summary>
    public void AssertNoErrors()
    {
        var errors = Errors;
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The service logged errors:\n" + string.Join("\n", errors));
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Category(CapturedLogs owner, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LogEntry(logLevel, name, formatter(state, exception), exception));
    }
}
