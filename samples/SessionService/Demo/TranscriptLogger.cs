using System;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace SessionService;

/// <summary>
/// Writes log entries into the demo's transcript, between the calls that caused them, and counts warnings and errors:
/// the demo fails if anything is logged at Error.
/// </summary>
internal sealed class TranscriptLogger : ILoggerProvider
{
    private readonly TextWriter _output;
    private readonly Func<string, string> _readable;
    private int _warnings;
    private int _errors;

    public TranscriptLogger(TextWriter output, Func<string, string> readable)
    {
        _output = output;
        _readable = readable;
    }

    public int Warnings => Volatile.Read(ref _warnings);

    public int Errors => Volatile.Read(ref _errors);

    public ILogger CreateLogger(string categoryName) => new Category(this, Shorten(categoryName));

    public void Dispose()
    {
    }

    private static string Shorten(string category) =>
        category.StartsWith("SessionService.", StringComparison.Ordinal) ? category["SessionService.".Length..] : category;

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
        }
        else if (level == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }

        var tag = level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "FAIL",
            _ => "CRIT",
        };
        _output.WriteLine($"    [{tag}] {category}: {_readable(message)}{(exception is null ? string.Empty : " -- " + exception.Message)}");
    }

    private sealed class Category(TranscriptLogger owner, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner.Write(name, logLevel, formatter(state, exception), exception);
        }
    }
}
