using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Sql;

/// <summary>
/// Collects a statement's sources and column references as they are read, and resolves the references once the
/// statement ends, when every scope holds all of its FROM items (a SELECT list is read before its FROM clause).
/// </summary>
internal sealed class SqlStatementBuilder
{
    private readonly List<SqlSource> _sources = new();
    private readonly List<Pending> _columns = new();
    private readonly List<Pending> _stars = new();

    public void AddSource(SqlSource source) => _sources.Add(source);

    /// <summary>A column found in <paramref name="scope"/>, to resolve by its qualifier and the scope chain.</summary>
    public void AddColumn(SqlToken name, string? qualifier, string? qualifierSchema, SqlScope scope, SqlClause clause) =>
        _columns.Add(new Pending(name, qualifier, qualifierSchema, scope, null, clause));

    /// <summary>A column that can only belong to <paramref name="target"/>, as in <c>SET col =</c> or <c>INSERT INTO t (col)</c>.</summary>
    public void AddTargetColumn(SqlToken name, SqlSource target, SqlClause clause) =>
        _columns.Add(new Pending(name, null, null, null, new[] { target }, clause));

    /// <summary>A column of <c>JOIN ... USING</c>, read from every source of the join.</summary>
    public void AddJoinColumn(SqlToken name, IReadOnlyList<SqlSource> sources) =>
        _columns.Add(new Pending(name, null, null, null, sources, SqlClause.JoinUsing));

    /// <summary>
    /// <c>(name).field</c>: the field of the whole row of the source <paramref name="name"/> names, or else a field of
    /// the composite column <paramref name="name"/>; which one is known when the statement ends.
    /// </summary>
    public void AddRowField(SqlToken name, SqlToken field, SqlScope scope, SqlClause clause) =>
        _columns.Add(new Pending(name, null, null, scope, null, clause) { Field = field });

    public void AddStar(SqlToken star, string? qualifier, string? qualifierSchema, SqlScope scope, SqlClause clause) =>
        _stars.Add(new Pending(star, qualifier, qualifierSchema, scope, null, clause));

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    public SqlStatement Build(SqlStatementKind kind, int start, int length)
    {
        // Arrays and a stable insertion sort rather than LINQ: this runs for every statement the analyzer reads.
        var frozen = new Dictionary<SqlSource, SqlTableReference>();
        foreach (var source in _sources)
        {
            frozen[source] = Freeze(source);
        }

        var tables = new SqlTableReference[_sources.Count];
        for (var i = 0; i < tables.Length; i++)
        {
            tables[i] = frozen[_sources[i]];
        }

        var columns = new SqlColumnReference[_columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var pending = SettleRowField(_columns[i], frozen);
            columns[i] = new SqlColumnReference(
                pending.Token.Value ?? string.Empty,
                pending.Qualifier,
                pending.QualifierSchema,
                pending.Clause,
                pending.Token.Start,
                pending.Token.Length,
                Resolve(pending, frozen, allLevels: true))
            {
                WholeRowTable = FindWholeRow(pending, frozen),
            };
        }

        var stars = new SqlStarReference[_stars.Count];
        for (var i = 0; i < stars.Length; i++)
        {
            var pending = _stars[i];
            stars[i] = new SqlStarReference(
                pending.Qualifier,
                pending.QualifierSchema,
                pending.Clause,
                pending.Token.Start,
                pending.Token.Length,
                Resolve(pending, frozen, allLevels: false));
        }

        return new SqlStatement(
            kind,
            start,
            length,
            InStartOrder(tables, static table => table.Start),
            InStartOrder(columns, static column => column.Start),
            InStartOrder(stars, static star => star.Start));
    }

    /// <summary>
    /// <paramref name="items"/> sorted by start, equal starts keeping their order (as <c>OrderBy</c> would); the
    /// arrays hold a handful of items, so an insertion sort.
    /// </summary>
    private static EquatableArray<T> InStartOrder<T>(T[] items, Func<T, int> startOf)
        where T : IEquatable<T>
    {
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var itemStart = startOf(item);
            var j = i - 1;
            while (j >= 0 && startOf(items[j]) > itemStart)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }

        return new EquatableArray<T>(ImmutableArray.Create(items));
    }

    private static SqlTableReference Freeze(SqlSource source) => new(
        source.Kind,
        source.Usage,
        source.Schema,
        source.Name,
        source.Alias,
        source.Start,
        source.Length,
        source.OutputColumns?.ToEquatableArray());

    [MethodImpl((MethodImplOptions)512)]
    private static EquatableArray<SqlColumnCandidate> Resolve(Pending pending, Dictionary<SqlSource, SqlTableReference> frozen, bool allLevels)
    {
        var found = ImmutableArray.CreateBuilder<SqlColumnCandidate>();
        // A few sources at most: a list, not a hash set, for the ones already taken.
        var seen = new List<SqlSource>();
        if (pending.Targets is not null)
        {
            foreach (var target in pending.Targets)
            {
                Add(target, 0);
            }

            return new(found.ToImmutable());
        }

        var level = 0;
        for (var scope = pending.Scope; scope is not null; scope = scope.Parent)
        {
            var before = found.Count;
            foreach (var pair in scope.Names)
            {
                if (pending.Qualifier is null || Matches(pair.Key, pair.Value, pending.Qualifier, pending.QualifierSchema))
                {
                    Add(pair.Value, level);
                }
            }

            if (found.Count > before)
            {
                // A qualified name binds to the nearest level that has it; an unqualified one may come from any level.
                if (pending.Qualifier is not null || !allLevels)
                {
                    break;
                }

                level++;
            }
        }

        return new(found.ToImmutable());

        void Add(SqlSource source, int sourceLevel)
        {
            if (!seen.Contains(source))
            {
                seen.Add(source);
                found.Add(new SqlColumnCandidate(frozen[source], sourceLevel));
            }
        }
    }

    private static Pending SettleRowField(Pending pending, Dictionary<SqlSource, SqlTableReference> frozen) =>
        pending.Field is { } field && FindWholeRow(pending, frozen) is not null
            ? new Pending(field, pending.Token.Value, null, pending.Scope, null, pending.Clause)
            : pending;

    private static SqlTableReference? FindWholeRow(Pending pending, Dictionary<SqlSource, SqlTableReference> frozen)
    {
        if (pending.Qualifier is not null)
        {
            return null;
        }

        for (var scope = pending.Scope; scope is not null; scope = scope.Parent)
        {
            foreach (var pair in scope.Names)
            {
                if (string.Equals(pair.Key, pending.Token.Value, StringComparison.Ordinal))
                {
                    return frozen[pair.Value];
                }
            }
        }

        return null;
    }

    private static bool Matches(string? name, SqlSource source, string qualifier, string? qualifierSchema)
    {
        if (qualifierSchema is null)
        {
            return string.Equals(name, qualifier, StringComparison.Ordinal);
        }

        // "shared.user_sessions.ip" names the table itself, which only an unaliased FROM item exposes.
        return source.Alias is null &&
               string.Equals(source.Name, qualifier, StringComparison.Ordinal) &&
               (source.Schema is null || string.Equals(source.Schema, qualifierSchema, StringComparison.Ordinal));
    }

    private sealed class Pending
    {
        public Pending(SqlToken token, string? qualifier, string? qualifierSchema, SqlScope? scope, IReadOnlyList<SqlSource>? targets, SqlClause clause)
        {
            Token = token;
            Qualifier = qualifier;
            QualifierSchema = qualifierSchema;
            Scope = scope;
            Targets = targets;
            Clause = clause;
        }

        public SqlToken Token { get; }

        public string? Qualifier { get; }

        public string? QualifierSchema { get; }

        public SqlScope? Scope { get; }

        public IReadOnlyList<SqlSource>? Targets { get; }

        public SqlClause Clause { get; }

        /// <summary>The field after <c>(name)</c>, while it is open whether the name is a source or a column.</summary>
        public SqlToken? Field { get; init; }
    }
}
