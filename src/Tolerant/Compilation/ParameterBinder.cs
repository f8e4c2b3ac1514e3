using System;
using Npgsql;
using Tolerant.Execution;

namespace Tolerant.Compilation;

/// <summary>
/// Fills one parameter (or none) of a compiled statement from the arguments it runs with. A compiled query keeps
/// its binders in statement order, so running it is one loop over an array: no condition objects, no allocation.
/// </summary>
internal abstract class ParameterBinder<TArgs>
{
    public abstract void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args);
}

/// <summary>A part of the statement whose values were given when it was compiled (a constant condition): binds them as a query built per call does.</summary>
internal sealed class FixedConditionBinder<T, TArgs>(Condition<T> condition) : ParameterBinder<TArgs>
    where T : ISqlTable<T>
{
    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args) => condition.Bind(parameters, ref index);
}

/// <summary>A LIMIT or OFFSET given when the query was compiled.</summary>
internal sealed class FixedCountBinder<TArgs>(long count) : ParameterBinder<TArgs>
{
    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args) => ParameterSlots.BindCount(parameters, ref index, count);
}

/// <summary>A comparison's value, read from the arguments.</summary>
internal sealed class ArgValueBinder<T, TArgs, TValue>(Column<T, TValue> column, ArgSource<TArgs, TValue> source, bool rejectNull) : ParameterBinder<TArgs>
    where T : ISqlTable<T>
{
    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args)
    {
        var value = source.Read(args);
        if (rejectNull && value is null)
        {
            // A query built per call turns Eq(null) into IS NULL; a compiled one has fixed its text, where = NULL
            // would silently match nothing.
            throw new ArgumentException(
                $"The compiled condition on {T.Definition.DisplayName}.{column.Name} compares with = or <> and got NULL, which matches no row; compile a query with IsNull() or IsNotNull() for that case.",
                nameof(args));
        }

        column.Bind(parameters, ref index, value);
    }
}

/// <summary>An <c>= ANY($n)</c> array, read from the arguments.</summary>
internal sealed class ArgArrayBinder<T, TArgs, TValue>(Column<T, TValue> column, ArgSource<TArgs, TValue[]> source) : ParameterBinder<TArgs>
    where T : ISqlTable<T>
{
    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args)
    {
        var values = source.Read(args) ?? throw new ArgumentException(
            $"The compiled condition {T.Definition.DisplayName}.{column.Name} IN (...) got a null array; pass an empty one to match no row.", nameof(args));
        column.BindArray(parameters, ref index, values);
    }
}
