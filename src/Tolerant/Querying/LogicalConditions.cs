using System.Collections.Generic;
using Npgsql;
using Tolerant.Compilation;

namespace Tolerant.Querying;

/// <summary><c>(left AND right)</c>.</summary>
internal sealed class AndCondition<T>(Condition<T> left, Condition<T> right) : Condition<T>
    where T : ISqlTable<T>
{
    internal override void Render(StatementBuilder<T> sql) => LogicalCondition.Render(sql, left, " AND ", right);

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index)
    {
        left.Bind(parameters, ref index);
        right.Bind(parameters, ref index);
    }

    internal override bool HasSameShape(Condition<T> other) =>
        other is AndCondition<T> and && and.Left.HasSameShape(left) && and.Right.HasSameShape(right);

    internal override int ShapeHash() => LogicalCondition.Hash(127, left, right);

    internal override Condition<T> WithoutValues() => new AndCondition<T>(left.WithoutValues(), right.WithoutValues());

    internal override void CollectBinders<TArgs>(List<ParameterBinder<TArgs>> binders)
    {
        left.CollectBinders(binders);
        right.CollectBinders(binders);
    }

    private Condition<T> Left => left;

    private Condition<T> Right => right;
}

/// <summary><c>(left OR right)</c>.</summary>
internal sealed class OrCondition<T>(Condition<T> left, Condition<T> right) : Condition<T>
    where T : ISqlTable<T>
{
    internal override void Render(StatementBuilder<T> sql) => LogicalCondition.Render(sql, left, " OR ", right);

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index)
    {
        left.Bind(parameters, ref index);
        right.Bind(parameters, ref index);
    }

    internal override bool HasSameShape(Condition<T> other) =>
        other is OrCondition<T> or && or.Left.HasSameShape(left) && or.Right.HasSameShape(right);

    internal override int ShapeHash() => LogicalCondition.Hash(131, left, right);

    internal override Condition<T> WithoutValues() => new OrCondition<T>(left.WithoutValues(), right.WithoutValues());

    internal override void CollectBinders<TArgs>(List<ParameterBinder<TArgs>> binders)
    {
        left.CollectBinders(binders);
        right.CollectBinders(binders);
    }

    private Condition<T> Left => left;

    private Condition<T> Right => right;
}

/// <summary><c>NOT (inner)</c>.</summary>
internal sealed class NotCondition<T>(Condition<T> inner) : Condition<T>
    where T : ISqlTable<T>
{
    internal override void Render(StatementBuilder<T> sql)
    {
        sql.Append("NOT (");
        inner.Render(sql);
        sql.Append(")");
    }

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index) => inner.Bind(parameters, ref index);

    internal override bool HasSameShape(Condition<T> other) => other is NotCondition<T> not && not.Inner.HasSameShape(inner);

    internal override int ShapeHash() => (inner.ShapeHash() * 31) + 137;

    internal override Condition<T> WithoutValues() => new NotCondition<T>(inner.WithoutValues());

    internal override void CollectBinders<TArgs>(List<ParameterBinder<TArgs>> binders) => inner.CollectBinders(binders);

    private Condition<T> Inner => inner;
}

internal static class LogicalCondition
{
    public static void Render<T>(StatementBuilder<T> sql, Condition<T> left, string op, Condition<T> right)
        where T : ISqlTable<T>
    {
        sql.Append("(");
        left.Render(sql);
        sql.Append(op);
        right.Render(sql);
        sql.Append(")");
    }

    public static int Hash<T>(int seed, Condition<T> left, Condition<T> right)
        where T : ISqlTable<T> => unchecked((((seed * 31) + left.ShapeHash()) * 31) + right.ShapeHash());
}
