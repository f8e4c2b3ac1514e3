using Npgsql;

namespace Tolerant.Querying;

/// <summary><c>TRUE</c> or <c>FALSE</c>: what <c>In()</c> of no values becomes.</summary>
internal sealed class ConstantCondition<T> : Condition<T>
    where T : ISqlTable<T>
{
    public static readonly ConstantCondition<T> False = new(false);

    private readonly bool _value;

    private ConstantCondition(bool value) => _value = value;

    internal override void Render(StatementBuilder<T> sql) => sql.Append(_value ? "TRUE" : "FALSE");

    internal override void Bind(NpgsqlParameterCollection parameters, ref int index)
    {
    }

    internal override bool HasSameShape(Condition<T> other) => other is ConstantCondition<T> constant && constant._value == _value;

    internal override int ShapeHash() => _value ? 109 : 113;

    internal override Condition<T> WithoutValues() => this;

    internal override void CollectBinders<TArgs>(System.Collections.Generic.List<Compilation.ParameterBinder<TArgs>> binders)
    {
        // No parameters.
    }
}
