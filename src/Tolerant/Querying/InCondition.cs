using Npgsql;

namespace Tolerant.Querying;

/// <summary><c>column = ANY($n)</c>: one array parameter, so the SQL text does not depend on how many values there are. Open to <see cref="ArgInCondition{T, TValue}"/>.</summary>
internal class InCondition<T, TValue> : Condition<T>
    where T : ISqlTable<T>
{
    private readonly TValue[] _values;

    public InCondition(Column<T, TValue> column, TValue[] values)
    {
        Column = column;
        _values = values;
    }

    private protected Column<T, TValue> Column { get; }

    internal sealed override void Render(StatementBuilder<T> sql) =>
        sql.Column(Column).Append(" = ANY(").ArrayParameter(Column).Append(")");

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index) => Column.BindArray(parameters, ref index, _values);

    internal sealed override bool HasSameShape(Condition<T> other) => other is InCondition<T, TValue> condition && condition.Column == Column;

    internal sealed override int ShapeHash() => (Column.Ordinal * 31) + 107;

    internal sealed override Condition<T> WithoutValues() => new InCondition<T, TValue>(Column, []);
}
