using System;
using Tolerant.Querying;

namespace Tolerant.Execution;

/// <summary>
/// What a statement's SQL text depends on besides the capabilities: its kind, the shape of its condition (not the
/// values), its ordering, whether it has a limit and an offset, and which columns an update sets. Compared structurally, so a
/// query of a shape seen before finds its text without building it.
/// </summary>
internal readonly struct StatementKey<T> : IEquatable<StatementKey<T>>
    where T : ISqlTable<T>
{
    public StatementKey(StatementKind kind, Condition<T>? where, OrderTerm<T>[]? orders, bool hasLimit, Assignment<T>? sets, bool hasOffset = false)
    {
        Kind = kind;
        Where = where;
        Orders = orders;
        HasLimit = hasLimit;
        Sets = sets;
        HasOffset = hasOffset;
    }

    public StatementKind Kind { get; }

    public Condition<T>? Where { get; }

    public OrderTerm<T>[]? Orders { get; }

    public bool HasLimit { get; }

    public bool HasOffset { get; }

    /// <summary>
    /// For an update, its assignments (the last one, linked to the earlier ones). Only their columns count; those the
    /// table lacks are left out of the text, so the key holds no per-call list of the present ones.
    /// </summary>
    public Assignment<T>? Sets { get; }

    /// <summary>This key with no values in its condition or assignments: what the statement cache stores.</summary>
    public StatementKey<T> WithoutValues() => new(Kind, Where?.WithoutValues(), Orders, HasLimit, Sets?.WithoutValues(), HasOffset);

    public bool Equals(StatementKey<T> other)
    {
        if (Kind != other.Kind || HasLimit != other.HasLimit || HasOffset != other.HasOffset)
        {
            return false;
        }

        if (Where is null ? other.Where is not null : other.Where is null || !Where.HasSameShape(other.Where))
        {
            return false;
        }

        return Orders.AsSpan().SequenceEqual(other.Orders.AsSpan()) && Assignment<T>.SameColumns(Sets, other.Sets);
    }

    public override bool Equals(object? obj) => obj is StatementKey<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(HasLimit);
        hash.Add(HasOffset);
        hash.Add(Where?.ShapeHash() ?? 0);
        foreach (var order in Orders.AsSpan())
        {
            hash.Add(order);
        }

        for (var set = Sets; set is not null; set = set.Previous)
        {
            hash.Add(set.Column.Ordinal);
        }

        return hash.ToHashCode();
    }
}
