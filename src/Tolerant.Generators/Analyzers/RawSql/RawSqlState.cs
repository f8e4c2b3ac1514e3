using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Tolerant.Generators.Sql;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>What the raw-SQL rules share across one compilation: known symbols, the mapped schema, and SQL already read.</summary>
internal sealed class RawSqlState(KnownSymbols symbols, Lazy<MappedSchema> schema, ConcurrentDictionary<string, SqlAnalysis> analyses)
{
    public KnownSymbols Symbols => symbols;

    public MappedSchema Schema => schema.Value;

    /// <summary>The analysis of <paramref name="sql"/>; the same text at many call sites is read once.</summary>
    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: run per sink, compiled optimized at first call.
    [MethodImpl((MethodImplOptions)512)]
    public SqlAnalysis Analyze(string sql) => analyses.GetOrAdd(sql, static text => SqlAnalysis.Analyze(text));
}
