using Npgsql;
using Tolerant.Binding;

namespace Tolerant.Execution;

/// <summary>
/// Fills a command's parameters in statement order. A new command gets a new parameter per value; a command kept
/// prepared on a bound connection already has them, typed as this statement text needs, so only the values change
/// (what a careful hand-written prepared command does, and no allocation).
/// </summary>
internal static class ParameterSlots
{
    /// <summary>Sets parameter <paramref name="index"/> to <paramref name="value"/> through the column's binder, then advances.</summary>
    public static void Bind<TValue>(NpgsqlParameterCollection parameters, ref int index, ValueBinder<TValue> binder, TValue value)
    {
        if (index < parameters.Count)
        {
            binder.AssignParameter(parameters[index], value);
        }
        else
        {
            parameters.Add(binder.CreateParameter(value));
        }

        index++;
    }

    /// <summary>Sets parameter <paramref name="index"/> to the array <paramref name="values"/>, for <c>= ANY($n)</c>, then advances.</summary>
    public static void BindArray<TValue>(NpgsqlParameterCollection parameters, ref int index, ValueBinder<TValue> binder, TValue[] values)
    {
        if (index < parameters.Count)
        {
            binder.AssignArrayParameter(parameters[index], values);
        }
        else
        {
            parameters.Add(binder.CreateArrayParameter(values));
        }

        index++;
    }

    /// <summary>Sets parameter <paramref name="index"/> to a row count (LIMIT, OFFSET), then advances.</summary>
    public static void BindCount(NpgsqlParameterCollection parameters, ref int index, long value)
    {
        if (index < parameters.Count)
        {
            ((NpgsqlParameter<long>)parameters[index]).TypedValue = value;
        }
        else
        {
            parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        }

        index++;
    }
}
