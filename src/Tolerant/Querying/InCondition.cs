using Npgsql;

namespace Tolerant.Querying;

/// <summary><c>column = ANY($n)</c>: one array parameter, so the SQL text does not depend on how many values there are.</summary>
internal sealed class InCondition<T, TValue> : Condition<T>
    where T : ISqlTable<T>
{
    private readonly Column<T, TValue> _column;
    private readonly TValue[] _values;

    public InCondition(Column<T, TValue> column, TValue[] values)
    {
        _column = column;
        _values = values;
    }

    internal override void Render(StatementBuilder<T> sql) =>
        sql.Column(_column).Append(" = ANY(").ArrayParameter(_column).Append(")");

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index) => _column.BindArray(parameters, ref index, _values);

    internal override bool HasSameShape(Condition<T> other) => other is InCondition<T, TValue> condition && condition._column == _column;

    internal override int ShapeHash() => (_column.Ordinal * 31) + 107;

    internal override Condition<T> WithoutValues() => new InCondition<T, TValue>(_column, []);
}
