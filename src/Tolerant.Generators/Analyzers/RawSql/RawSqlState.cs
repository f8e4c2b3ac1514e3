using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Sql;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>What the raw-SQL rules share across one compilation: known symbols, the mapped schema, SQL already read and type keys.</summary>
internal sealed class RawSqlState(KnownSymbols symbols, Lazy<MappedSchema> schema, ConcurrentDictionary<string, SqlAnalysis> analyses)
{
    private readonly ConcurrentDictionary<ITypeSymbol, string> _keys = new(SymbolEqualityComparer.Default);

    public KnownSymbols Symbols => symbols;

    public MappedSchema Schema => schema.Value;

    /// <summary><see cref="Fact.Key"/> of <paramref name="type"/>, computed once per type and compilation.</summary>
    public string KeyOf(ITypeSymbol type) => _keys.GetOrAdd(type, static t => Fact.Key(t));

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: run per sink, compiled optimized at first call.

    /// <summary>The analysis of <paramref name="sql"/>; the same text at many call sites is read once.</summary>
    [MethodImpl((MethodImplOptions)512)]
    public SqlAnalysis Analyze(string sql) => analyses.GetOrAdd(sql, static text => SqlAnalysis.Analyze(text));
}
