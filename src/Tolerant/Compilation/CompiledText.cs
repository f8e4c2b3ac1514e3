using Tolerant.Execution;

namespace Tolerant.Compilation;

/// <summary>
/// A compiled statement's text, remembered for the capabilities it was last asked for: while they stay the same (the
/// usual case, until a migration runs), a run finds its text by one reference comparison instead of hashing and
/// comparing its shape in the statement cache.
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

        var sql = capabilities.Statements.Get(key);
        _last = new Entry(capabilities, sql);
        return sql;
    }

    private sealed record Entry(TableCapabilities<T> Capabilities, string Sql);
}
