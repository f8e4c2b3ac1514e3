using Tolerant.Execution;

namespace Tolerant.Compilation;

/// <summary>
/// A compiled statement's text. The capabilities it was last asked for are remembered with their text: while they
/// stay the same (the usual case, until a migration runs) a run finds its text by one reference comparison. Other
/// capabilities — another catalog, or a migration — find theirs in their own statement cache by this object's
/// reference (no shape hashing, no allocation once seen). The remembered pair keeps its capabilities alive until a
/// run at other ones: one stale set at most per compiled statement.
/// </summary>
internal sealed class CompiledText<T>(StatementKey<T> key)
    where T : ISqlTable<T>
{
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

        var compiled = capabilities.Statements.Compiled;
        if (!compiled.TryGetValue(this, out last))
        {
            // A racing caller may store its own entry first: the same text (the statement cache hands out one string
            // per shape), so either may stay.
            last = new Entry(capabilities, capabilities.Statements.Get(key));
            compiled.AddOrUpdate(this, last);
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
