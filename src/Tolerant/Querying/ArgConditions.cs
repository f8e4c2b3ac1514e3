using System;
using System.Collections.Generic;
using Npgsql;
using Tolerant.Compilation;

namespace Tolerant.Querying;

/// <summary><c>column op $n</c> whose value is a compiled query's argument.</summary>
internal sealed class ArgComparisonCondition<T, TValue>(Column<T, TValue> column, ComparisonOperator op, ArgSource<TValue> source)
    : ComparisonCondition<T, TValue>(column, op, default!)
    where T : ISqlTable<T>
{
    internal override void Bind(NpgsqlParameterCollection parameters, ref int index) => throw ArgConditions.NotCompiled(this);

    internal override void CollectBinders<TArgs>(List<ParameterBinder<TArgs>> binders)
    {
        // = and <> with NULL match nothing, where a query built per call would have used IS NULL: refuse the value
        // (only a type that can hold NULL: a Guid or an int never is).
        var rejectNull = (Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual) && default(TValue) is null;
        binders.Add(new ArgValueBinder<T, TArgs, TValue>(Column, source.For<TArgs>(), rejectNull));
    }
}

/// <summary><c>column = ANY($n)</c> whose array is a compiled query's argument.</summary>
internal sealed class ArgInCondition<T, TValue>(Column<T, TValue> column, ArgSource<TValue[]> source) : InCondition<T, TValue>(column, [])
    where T : ISqlTable<T>
{
    internal override void Bind(NpgsqlParameterCollection parameters, ref int index) => throw ArgConditions.NotCompiled(this);

    internal override void CollectBinders<TArgs>(List<ParameterBinder<TArgs>> binders) =>
        binders.Add(new ArgArrayBinder<T, TArgs, TValue>(Column, source.For<TArgs>()));
}

internal static class ArgConditions
{
    public static InvalidOperationException NotCompiled(object condition) =>
        new($"The condition {condition} takes its value from an Arg<>: run it through the CompiledQuery whose builder made it.");
}
