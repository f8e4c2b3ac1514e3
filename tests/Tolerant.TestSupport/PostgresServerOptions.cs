namespace Tolerant.TestSupport;

/// <summary>Where <see cref="PostgresServer.StartAsync"/> gets its server from. The defaults suit tests and the demo.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>
    /// The connection string of a running server to use instead of starting one. When <see langword="null"/>
    /// (the default), <c>TOLERANT_PG</c> is used if it is set and <see cref="IgnoreEnvironmentServer"/> is off.
    /// </summary>
    public string? ExistingServerConnectionString { get; init; }

    /// <summary>
    /// Start a throwaway cluster even when <c>TOLERANT_PG</c> is set. Tests of the cluster itself need this;
    /// everything else should leave it off so a developer's own server is honoured.
    /// </summary>
    public bool IgnoreEnvironmentServer { get; init; }

    /// <summary>
    /// The folder holding <c>initdb</c> and <c>pg_ctl</c>. When <see langword="null"/> (the default), the newest
    /// <c>/usr/lib/postgresql/*/bin</c> is used.
    /// </summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// The folder that receives the cluster's <c>tolerant-pg-*</c> folder and is swept for stale ones. When
    /// <see langword="null"/> (the default), <c>/tmp</c>: the server's Unix socket path must stay under 108 bytes,
    /// and <c>TMPDIR</c> can be long.
    /// </summary>
    public string? TempRoot { get; init; }
}
