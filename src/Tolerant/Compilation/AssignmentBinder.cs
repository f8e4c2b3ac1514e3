using Npgsql;
using Tolerant.Querying;

namespace Tolerant.Compilation;

/// <summary>One SET of a compiled update: its column, and how its value is bound and compared with the declared default.</summary>
internal abstract class AssignmentBinder<T, TArgs>
    where T : ISqlTable<T>
{
    public abstract Column<T> Column { get; }

    public abstract void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args);

    /// <summary>Whether this run's value is what rows read while the column is missing (so leaving it out loses nothing).</summary>
    public abstract bool IsDeclaredDefault(in TArgs args);
}

/// <summary>A SET whose value was given when the update was compiled.</summary>
internal sealed class FixedAssignmentBinder<T, TArgs>(Assignment<T> assignment) : AssignmentBinder<T, TArgs>
    where T : ISqlTable<T>
{
    public override Column<T> Column => assignment.Column;

    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args) => assignment.Bind(parameters, ref index);

    public override bool IsDeclaredDefault(in TArgs args) => assignment.IsDeclaredDefault();
}

/// <summary>A SET whose value is read from the arguments.</summary>
internal sealed class ArgAssignmentBinder<T, TArgs, TValue>(Column<T, TValue> column, ArgSource<TArgs, TValue> source) : AssignmentBinder<T, TArgs>
    where T : ISqlTable<T>
{
    public override Column<T> Column => column;

    public override void Bind(NpgsqlParameterCollection parameters, ref int index, in TArgs args) => column.Bind(parameters, ref index, source.Read(args));

    public override bool IsDeclaredDefault(in TArgs args) => column.IsDeclaredDefault(source.Read(args));
}
