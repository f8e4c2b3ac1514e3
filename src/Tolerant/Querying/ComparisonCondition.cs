using Npgsql;

namespace Tolerant.Querying;

/// <summary><c>column op $n</c>. Open to <see cref="ArgComparisonCondition{T, TValue}"/>, which has the same shape (and so the same cached text).</summary>
internal class ComparisonCondition<T, TValue> : Condition<T>
    where T : ISqlTable<T>
{
    private readonly TValue _value;

    public ComparisonCondition(Column<T, TValue> column, ComparisonOperator op, TValue value)
    {
        Column = column;
        Operator = op;
        _value = value;
    }

    private protected Column<T, TValue> Column { get; }

    private protected ComparisonOperator Operator { get; }

    internal sealed override void Render(StatementBuilder<T> sql)
    {
        sql.Column(Column).Append(Operator.Sql()).Parameter(Column);
    }

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index) => Column.Bind(parameters, ref index, _value);

    internal sealed override bool HasSameShape(Condition<T> other) =>
        other is ComparisonCondition<T, TValue> comparison && comparison.Column == Column && comparison.Operator == Operator;

    internal sealed override int ShapeHash() => (Column.Ordinal * 31) + (int)Operator + 1;

    internal sealed override Condition<T> WithoutValues() => new ComparisonCondition<T, TValue>(Column, Operator, default!);
}
