using Npgsql;

namespace Tolerant.Querying;

/// <summary><c>column IS NULL</c> or <c>column IS NOT NULL</c>.</summary>
internal sealed class NullCondition<T> : Condition<T>
    where T : ISqlTable<T>
{
    private readonly Column<T> _column;
    private readonly bool _isNull;

    public NullCondition(Column<T> column, bool isNull)
    {
        _column = column;
        _isNull = isNull;
    }

    internal override void Render(StatementBuilder<T> sql) =>
        sql.Column(_column).Append(_isNull ? " IS NULL" : " IS NOT NULL");

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index)
    {
    }

    internal override bool HasSameShape(Condition<T> other) =>
        other is NullCondition<T> condition && condition._column == _column && condition._isNull == _isNull;

    internal override int ShapeHash() => (_column.Ordinal * 31) + (_isNull ? 101 : 103);

    internal override Condition<T> WithoutValues() => this;

    internal override void CollectBinders<TArgs>(System.Collections.Generic.List<Compilation.ParameterBinder<TArgs>> binders)
    {
        // No parameters.
    }
}
