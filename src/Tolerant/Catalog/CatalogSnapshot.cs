using System.Collections.Generic;

namespace Tolerant.Catalog;

/// <summary>One probe's answer: for each table asked about, its columns, or <see langword="null"/> when it does not exist.</summary>
internal sealed class CatalogSnapshot
{
    public CatalogSnapshot(IReadOnlyDictionary<TableKey, HashSet<string>?> tables, long probedAt)
    {
        Tables = tables;
        ProbedAt = probedAt;
    }

    public IReadOnlyDictionary<TableKey, HashSet<string>?> Tables { get; }

    /// <summary>When the probe ran, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public long ProbedAt { get; }
}
