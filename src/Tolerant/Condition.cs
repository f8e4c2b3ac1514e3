using System.Collections.Generic;
using Npgsql;
using Tolerant.Compilation;
using Tolerant.Querying;

namespace Tolerant;

/// <summary>
/// A condition on the rows of <typeparamref name="T"/>, built from column descriptors (<c>Columns.IsActive.Eq(true)</c>)
/// and combined with <c>&amp;</c>, <c>|</c> and <c>!</c>. Every value travels as a typed parameter. A condition on a
/// missing optional column is evaluated by PostgreSQL against the column's declared default, exactly as if the
/// migration had run. Conditions are immutable and can be reused.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public abstract class Condition<T>
    where T : ISqlTable<T>
{
    private protected Condition()
    {
    }

    /// <summary>Both conditions hold.</summary>
    public static Condition<T> operator &(Condition<T> left, Condition<T> right) => new AndCondition<T>(left, right);

    /// <summary>Either condition holds.</summary>
    public static Condition<T> operator |(Condition<T> left, Condition<T> right) => new OrCondition<T>(left, right);

    /// <summary>The condition does not hold.</summary>
    public static Condition<T> operator !(Condition<T> condition) => new NotCondition<T>(condition);

    /// <summary>Writes the condition as SQL, numbering its parameters from the builder's next one.</summary>
    internal abstract void Render(StatementBuilder<T> sql);

    /// <summary>
    /// Fills the condition's parameters from <paramref name="index"/> on, in the order <see cref="Render"/> numbered
    /// them, and advances <paramref name="index"/> past them.
    /// </summary>
    internal abstract void Bind(NpgsqlParameterCollection parameters, ref int index);

    /// <summary>Whether <paramref name="other"/> renders to the same SQL text, whatever its values.</summary>
    internal abstract bool HasSameShape(Condition<T> other);

    /// <summary>A hash of the shape, consistent with <see cref="HasSameShape"/>.</summary>
    internal abstract int ShapeHash();

    /// <summary>
    /// The same shape holding no values, for the statement cache's key: a cached text must not keep the first
    /// caller's values (a large array, personal data) alive for as long as the capabilities live.
    /// </summary>
    internal abstract Condition<T> WithoutValues();

    /// <summary>
    /// Adds, in the order <see cref="Bind"/> fills them, what fills this condition's parameters when a compiled query
    /// runs with <typeparamref name="TArgs"/>: by default this condition itself, whose values are fixed.
    /// </summary>
    internal virtual void CollectBinders<TArgs>(List<ParameterBinder<TArgs>> binders) => binders.Add(new FixedConditionBinder<T, TArgs>(this));

    /// <inheritdoc />
    public override string ToString()
    {
        var sql = new StatementBuilder<T>(expressions: null);
        Render(sql);
        return sql.ToString();
    }
}
