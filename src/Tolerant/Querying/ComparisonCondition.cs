using Npgsql;

namespace Tolerant.Querying;

/// <summary><c>column op $n</c>.</summary>
internal sealed class ComparisonCondition<T, TValue> : Condition<T>
    where T : ISqlTable<T>
{
    private readonly Column<T, TValue> _column;
    private readonly ComparisonOperator _operator;
    private readonly TValue _value;

    public ComparisonCondition(Column<T, TValue> column, ComparisonOperator op, TValue value)
    {
        _column = column;
        _operator = op;
        _value = value;
    }

    internal override void Render(StatementBuilder<T> sql)
    {
        sql.Column(_column).Append(_operator.Sql()).Parameter(_column);
    }

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index) => _column.Bind(parameters, ref index, _value);

    internal override bool HasSameShape(Condition<T> other) =>
        other is ComparisonCondition<T, TValue> comparison && comparison._column == _column && comparison._operator == _operator;

    internal override int ShapeHash() => (_column.Ordinal * 31) + (int)_operator + 1;

    internal override Condition<T> WithoutValues() => new ComparisonCondition<T, TValue>(_column, _operator, default!);
}
