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

    /// <summary>
    /// Throws for an argument this binder refuses. Run before anything is sent, so a refused argument is refused at
    /// every migration level — also where the statement would not be sent (an optional table missing, every
    /// assignment skipped) — and a bound table's kept command is not rented for nothing.
    /// </summary>
    public virtual void Check(in TArgs args)
    {
    }

    /// <summary>Runs <see cref="Check"/> of every binder in <paramref name="binders"/>.</summary>
    public static void CheckAll(ParameterBinder<TArgs>[] binders, in TArgs args)
    {
        foreach (var binder in binders)
        {
            binder.Check(in args);
        }
    }
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

/// <summary>A LIMIT or OFFSET read from the arguments.</summary>
internal sealed class ArgCountBinder<T, TArgs>(ArgSource<TArgs, int> source, string clause) : ParameterBinder<TArgs>
    where T : ISqlTable<T>
{
    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args) =>
        ParameterSlots.BindCount(parameters, ref index, NotNegative(source.Read(args)));

    public override void Check(in TArgs args) => NotNegative(source.Read(args));

    private int NotNegative(int count) => count >= 0 ? count : throw new ArgumentOutOfRangeException(
        "args", count, $"The compiled {clause} of a query on {T.Definition.DisplayName} must not be negative.");
}

/// <summary>A comparison's value, read from the arguments.</summary>
internal sealed class ArgValueBinder<T, TArgs, TValue>(Column<T, TValue> column, ArgSource<TArgs, TValue> source, bool rejectNull) : ParameterBinder<TArgs>
    where T : ISqlTable<T>
{
    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args)
    {
        var value = source.Read(args);
        ThrowIfRefused(value); // again: a member read may not give the value it gave the check
        column.Bind(parameters, ref index, value);
    }

    public override void Check(in TArgs args)
    {
        // Only = and <> with a type that can be NULL refuse anything; the others need not read the argument twice.
        if (rejectNull)
        {
            ThrowIfRefused(source.Read(args));
        }
    }

    private void ThrowIfRefused(TValue value)
    {
        if (rejectNull && value is null)
        {
            // A query built per call turns Eq(null) into IS NULL; a compiled one has fixed its text, where = NULL
            // would silently match nothing.
            throw new ArgumentException(
                $"The compiled condition on {T.Definition.DisplayName}.{column.Name} compares with = or <> and got NULL, which matches no row; compile a query with IsNull() or IsNotNull() for that case.",
                "args");
        }
    }
}

/// <summary>An <c>= ANY($n)</c> array, read from the arguments.</summary>
internal sealed class ArgArrayBinder<T, TArgs, TValue>(Column<T, TValue> column, ArgSource<TArgs, TValue[]> source) : ParameterBinder<TArgs>
    where T : ISqlTable<T>
{
    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args) =>
        column.BindArray(parameters, ref index, NotNull(source.Read(args)));

    public override void Check(in TArgs args) => NotNull(source.Read(args));

    private TValue[] NotNull(TValue[]? values) => values ?? throw new ArgumentException(
        $"The compiled condition {T.Definition.DisplayName}.{column.Name} IN (...) got a null array; pass an empty one to match no row.", "args");
}
