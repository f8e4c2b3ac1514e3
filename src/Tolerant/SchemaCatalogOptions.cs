using System;
using Microsoft.Extensions.Logging;

namespace Tolerant;

/// <summary>How a <see cref="SchemaCatalog"/> probes, caches and sends statements.</summary>
public sealed class SchemaCatalogOptions
{
    /// <summary>
    /// How long a probe's answer is trusted before the catalog probes again by itself, or <see langword="null"/> (the
    /// default) to trust it until <see cref="SchemaCatalog.Invalidate"/> or a statement fails for a schema reason.
    /// </summary>
    public TimeSpan? TimeToLive { get; set; }

    /// <summary>
    /// Whether statements are prepared (the default). Tolerant's SQL text is stable for given capabilities, and
    /// Npgsql keeps prepared statements per physical connection, so the pool reuses them. Turn this off behind
    /// poolers that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
    /// </summary>
    /// <remarks>
    /// On a pooled data source, Npgsql resets each connection it hands out again; once a connection holds prepared
    /// statements the reset is a longer sequence (<c>RESET ALL</c>, <c>CLOSE ALL</c>, <c>UNLISTEN *</c>, advisory
    /// unlocks, <c>DISCARD SEQUENCES</c>, <c>DISCARD TEMP</c>) that can cost more than preparing saves on a short
    /// write. A data source that only code changing no session state uses — Tolerant sets nothing, listens to
    /// nothing and takes no advisory locks — can skip it with <c>No Reset On Close=true</c>; see
    /// <c>docs/performance.md</c> for what it measured. Tolerant leaves that choice to the data source's owner.
    /// </remarks>
    public bool PrepareStatements { get; set; } = true;

    /// <summary>
    /// From how many rows <see cref="Table{T}.InsertManyAsync"/> switches from a batch of prepared INSERTs to a
    /// binary COPY of the present columns. Default 64.
    /// </summary>
    public int CopyThreshold { get; set; } = 64;

    /// <summary>Where the catalog logs capability changes and values left out of writes; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
