using System;

namespace Tolerant.TestSupport;

/// <summary>
/// Thrown when no PostgreSQL server can be had: <c>TOLERANT_PG</c> is not set and the server binaries
/// (<c>initdb</c>, <c>pg_ctl</c>) are missing. The message is one line that says how to fix it.
/// </summary>
public sealed class PostgresUnavailableException : Exception
{
    /// <summary>What to do about it; every message ends with this.</summary>
    public const string Remedy =
        "install the server with 'apt-get install -y postgresql' (or run ./build.sh test, which installs it), "
        + "or set " + PostgresServer.EnvironmentVariable + " to the connection string of a server to use";

    /// <summary>Creates the exception with a generic reason.</summary>
    public PostgresUnavailableException()
        : this("the PostgreSQL server binaries were not found")
    {
    }

    /// <summary>Creates the exception for <paramref name="reason"/>, a one-line description of what is missing.</summary>
    public PostgresUnavailableException(string reason)
        : base(Format(reason))
    {
    }

    /// <summary>Creates the exception for <paramref name="reason"/>, caused by <paramref name="innerException"/>.</summary>
    public PostgresUnavailableException(string reason, Exception? innerException)
        : base(Format(reason), innerException)
    {
    }

    // One line, so a test runner that shows only the first line of a failure still shows the fix.
    private static string Format(string reason) =>
        "PostgreSQL is not available: " + reason.ReplaceLineEndings(" ") + "; " + Remedy + ".";
}
