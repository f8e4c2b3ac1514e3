using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Sql;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>What the raw-SQL rules share across one compilation: known symbols, the mapped schema, SQL already read, type keys and which parameters take SQL.</summary>
internal sealed class RawSqlState(KnownSymbols symbols, Lazy<MappedSchema> schema, ConcurrentDictionary<string, SqlAnalysis> analyses)
{
    private readonly ConcurrentDictionary<ITypeSymbol, string> _keys = new(SymbolEqualityComparer.Default);
    // Keyed by the constructed method, not its OriginalDefinition: whether a parameter takes SQL depends on the
    // substituted type (a generic T sql is a sink for T = string, not for T = int).
    private readonly ConcurrentDictionary<IMethodSymbol, int[]> _sqlParameters = new(SymbolEqualityComparer.Default);
    private readonly Func<IMethodSymbol, int[]> _findSqlParameters = method => SqlSinks.SqlParameters(method, symbols);

    public KnownSymbols Symbols => symbols;

    public MappedSchema Schema => schema.Value;

    /// <summary>The ordinals of the parameters of <paramref name="method"/> that take SQL, found once per method.</summary>
    public int[] SqlParameters(IMethodSymbol method) => _sqlParameters.GetOrAdd(method, _findSqlParameters);

    /// <summary><see cref="Fact.Key"/> of <paramref name="type"/>, computed once per type and compilation.</summary>
    public string KeyOf(ITypeSymbol type) => _keys.GetOrAdd(type, static t => Fact.Key(t));

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: run per sink, compiled optimized at first call.

    /// <summary>The analysis of <paramref name="sql"/>; the same text at many call sites is read once.</summary>
    [MethodImpl((MethodImplOptions)512)]
    public SqlAnalysis Analyze(string sql) => analyses.GetOrAdd(sql, static text => SqlAnalysis.Analyze(text));
}
