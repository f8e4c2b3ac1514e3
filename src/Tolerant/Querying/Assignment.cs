using Npgsql;

namespace Tolerant.Querying;

/// <summary>One <c>SET column = value</c> of an UPDATE.</summary>
internal abstract class Assignment<T>
    where T : ISqlTable<T>
{
    public abstract Column<T> Column { get; }

    public abstract NpgsqlParameter CreateParameter();

    /// <summary>Whether the value equals the column's declared default, so skipping the assignment loses nothing.</summary>
    public abstract bool IsDeclaredDefault();
}

internal sealed class Assignment<T, TValue>(Column<T, TValue> column, TValue value) : Assignment<T>
    where T : ISqlTable<T>
{
    public override Column<T> Column => column;

    public override NpgsqlParameter CreateParameter() => column.CreateParameter(value);

    public override bool IsDeclaredDefault() => column.IsDeclaredDefault(value);
}
