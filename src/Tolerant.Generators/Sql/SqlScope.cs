using System;
using System.Collections.Generic;

namespace Tolerant.Generators.Sql;

/// <summary>
/// The names one query level can see: its FROM items, extra names for them (<c>excluded</c>), and the CTEs defined at
/// this level. Inner levels see outer ones through <see cref="Parent"/>, as correlated subqueries do.
/// </summary>
internal sealed class SqlScope
{
    private readonly List<SqlSource> _sources = new();
    private List<KeyValuePair<string, SqlSource>>? _extraNames;
    private Dictionary<string, List<string>?>? _ctes;

    public SqlScope(SqlScope? parent) => Parent = parent;

    public SqlScope? Parent { get; }

    public IReadOnlyList<SqlSource> Sources => _sources;

    public void Add(SqlSource source) => _sources.Add(source);

    /// <summary>Lets <paramref name="source"/> also be called <paramref name="name"/> here (<c>excluded</c> in ON CONFLICT).</summary>
    public void AddName(string name, SqlSource source) => (_extraNames ??= new()).Add(new(name, source));

    /// <summary>Every (name, source) pair of this level; a source's name is its alias, or else its own name.</summary>
    public IEnumerable<KeyValuePair<string?, SqlSource>> Names
    {
        get
        {
            foreach (var source in _sources)
            {
                yield return new(source.ExposedName, source);
            }

            if (_extraNames is not null)
            {
                foreach (var pair in _extraNames)
                {
                    yield return new(pair.Key, pair.Value);
                }
            }
        }
    }

    public void DefineCte(string name, List<string>? columns) => (_ctes ??= new(StringComparer.Ordinal))[name] = columns;

    /// <summary>Finds the CTE that an unqualified table name means here, looking outward.</summary>
    public static bool TryFindCte(SqlScope? scope, string name, out List<string>? columns)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            if (scope._ctes is not null && scope._ctes.TryGetValue(name, out columns))
            {
                return true;
            }
        }

        columns = null;
        return false;
    }
}
