using System;

namespace Tolerant.TestSupport;

/// <summary>
/// Thrown when the binaries are there but a throwaway cluster could not be set up or started:
/// <c>initdb</c> or <c>pg_ctl</c> failed, or the temp folder is unusable. The message carries the
/// tail of the tool's output and of <c>server.log</c>, which is where PostgreSQL says why.
/// </summary>
public sealed class PostgresClusterException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public PostgresClusterException()
        : base("The throwaway PostgreSQL cluster could not be set up.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PostgresClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public PostgresClusterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
