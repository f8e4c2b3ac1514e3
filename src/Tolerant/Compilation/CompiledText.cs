using System.Runtime.CompilerServices;
using Tolerant.Execution;

namespace Tolerant.Compilation;

/// <summary>
/// A compiled statement's text. The capabilities it was last asked for are remembered with their text: while they
/// stay the same (the usual case, until a migration runs) a run finds its text by one reference comparison. Other
/// capabilities — another catalog, or a migration — find theirs in a weak table keyed by the capabilities (no shape
/// hashing, no allocation once seen). Weak, because a compiled query usually lives in a static field: capabilities a
/// migration replaced must not live as long as it does. The remembered pair keeps its capabilities alive until a run
/// at other ones: one stale set at most per compiled statement.
/// </summary>
internal sealed class CompiledText<T>(StatementKey<T> key)
    where T : ISqlTable<T>
{
    private readonly ConditionalWeakTable<TableCapabilities<T>, Entry> _byCapabilities = new();
    private Entry? _last;

    public StatementKey<T> Key => key;

    public string Get(TableCapabilities<T> capabilities)
    {
        // One immutable pair, swapped whole: concurrent runs never see one capability set's text with another's.
        var last = _last;
        if (last is not null && ReferenceEquals(last.Capabilities, capabilities))
        {
            return last.Sql;
        }

        if (!_byCapabilities.TryGetValue(capabilities, out last))
        {
            // A racing caller may store its own entry first: the same text (the statement cache hands out one string
            // per shape), so either may stay.
            last = new Entry(capabilities, capabilities.Statements.Get(key));
            _byCapabilities.AddOrUpdate(capabilities, last);
        }

        _last = last;
        return last.Sql;
    }

    /// <summary>The text at one set of capabilities.</summary>
    internal sealed class Entry(TableCapabilities<T> capabilities, string sql)
    {
        public TableCapabilities<T> Capabilities => capabilities;

        public string Sql => sql;
    }
}
