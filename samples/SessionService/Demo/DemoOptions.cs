using Tolerant.TestSupport;

namespace SessionService;

/// <summary>How the demo runs.</summary>
public sealed record DemoOptions
{
    /// <summary>One call of each kind per stage instead of the full walk-through (no extra users, no second history page, no SQL).</summary>
    public bool Short { get; init; }

    /// <summary>A server to create the demo's database on; by default the demo starts its own (or uses <c>TOLERANT_PG</c>).</summary>
    public PostgresServer? Server { get; init; }
}
