using System;
using Npgsql;
using Tolerant.Compilation;

namespace Tolerant.Querying;

/// <summary>
/// One <c>SET column = value</c> of an UPDATE, linked to the assignment made before it. Each <c>Set</c> call adds one
/// link and copies nothing; the chain, read from its first link, is the statement's SET list, and its columns are
/// part of the statement's key.
/// </summary>
internal abstract class Assignment<T>
    where T : ISqlTable<T>
{
    private protected Assignment(Assignment<T>? previous) => Previous = previous;

    /// <summary>The assignment made before this one, or <see langword="null"/> for the first.</summary>
    public Assignment<T>? Previous { get; }

    public abstract Column<T> Column { get; }

    /// <summary>Fills the next parameter of the statement with this assignment's value.</summary>
    public abstract void Bind(NpgsqlParameterCollection parameters, ref int index);

    /// <summary>Whether the value equals the column's declared default, so skipping the assignment loses nothing.</summary>
    public abstract bool IsDeclaredDefault();

    /// <summary>The same columns holding no values, for the statement cache's key (see <see cref="Condition{T}.WithoutValues"/>).</summary>
    public abstract Assignment<T> WithoutValues();

    /// <summary>What binds this assignment's value when a compiled update runs with <typeparamref name="TArgs"/>.</summary>
    public abstract AssignmentBinder<T, TArgs> CreateBinder<TArgs>();

    /// <summary>Whether the chain ending here sets a column with <paramref name="ordinal"/>.</summary>
    public bool Sets(int ordinal)
    {
        for (var assignment = this; assignment is not null; assignment = assignment.Previous)
        {
            if (assignment.Column.Ordinal == ordinal)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether both chains set the same columns in the same order (whatever the values): the same SQL text.</summary>
    public static bool SameColumns(Assignment<T>? left, Assignment<T>? right)
    {
        for (; left is not null && right is not null; left = left.Previous, right = right.Previous)
        {
            if (ReferenceEquals(left, right))
            {
                return true; // a shared tail: the rest is the same too
            }

            if (left.Column.Ordinal != right.Column.Ordinal)
            {
                return false;
            }
        }

        return left is null && right is null;
    }
}

internal sealed class Assignment<T, TValue>(Column<T, TValue> column, TValue value, Assignment<T>? previous) : Assignment<T>(previous)
    where T : ISqlTable<T>
{
    public override Column<T> Column => column;

    public override void Bind(NpgsqlParameterCollection parameters, ref int index) => column.Bind(parameters, ref index, value);

    public override bool IsDeclaredDefault() => column.IsDeclaredDefault(value);

    public override Assignment<T> WithoutValues() => new Assignment<T, TValue>(column, default!, Previous?.WithoutValues());

    public override AssignmentBinder<T, TArgs> CreateBinder<TArgs>() => new FixedAssignmentBinder<T, TArgs>(this);
}

/// <summary>A SET whose value is a compiled update's argument.</summary>
internal sealed class ArgAssignment<T, TValue>(Column<T, TValue> column, ArgSource<TValue> source, Assignment<T>? previous) : Assignment<T>(previous)
    where T : ISqlTable<T>
{
    public override Column<T> Column => column;

    public override void Bind(NpgsqlParameterCollection parameters, ref int index) => throw NotCompiled();

    public override bool IsDeclaredDefault() => throw NotCompiled();

    public override Assignment<T> WithoutValues() => new Assignment<T, TValue>(column, default!, Previous?.WithoutValues());

    public override AssignmentBinder<T, TArgs> CreateBinder<TArgs>() => new ArgAssignmentBinder<T, TArgs, TValue>(column, source.For<TArgs>());

    private InvalidOperationException NotCompiled() =>
        new($"The assignment to \"{column.Name}\" takes its value from an Arg<>: run the update through the CompiledQuery whose builder made it.");
}
