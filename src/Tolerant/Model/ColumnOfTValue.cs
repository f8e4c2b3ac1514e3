using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Npgsql;
using Tolerant.Binding;
using Tolerant.Compilation;
using Tolerant.Execution;
using Tolerant.Querying;

namespace Tolerant;

/// <summary>
/// A mapped column whose property is of type <typeparamref name="TValue"/>. Predicates, ordering and assignments
/// take these descriptors, so a value of the wrong type does not compile.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
/// <typeparam name="TValue">The CLR type of the mapped property.</typeparam>
public sealed class Column<T, TValue> : Column<T>
    where T : ISqlTable<T>
{
    private readonly ValueBinder<TValue> _binder;
    private readonly TValue _declaredDefault;
    private readonly bool _hasDeclaredDefault;

    /// <summary>Creates a column descriptor. Called by generated code; not meant to be called by hand.</summary>
    /// <param name="ordinal">The position among the mapped columns, from zero.</param>
    /// <param name="name">The SQL name, unquoted.</param>
    /// <param name="propertyName">The property's name.</param>
    /// <param name="typeName">The PostgreSQL type.</param>
    /// <param name="flags">What the model declares about the column.</param>
    /// <param name="since">The migration that adds an optional column.</param>
    /// <param name="defaultSql">The declared default of an optional column as a SQL literal.</param>
    /// <param name="binder">How values become parameters; <see langword="null"/> for types Npgsql maps itself.</param>
    /// <param name="declaredDefault">The declared default as a CLR value, when <paramref name="hasDeclaredDefault"/>.</param>
    /// <param name="hasDeclaredDefault">Whether <paramref name="declaredDefault"/> is known, so a value left out can be compared with it.</param>
    public Column(
        int ordinal,
        string name,
        string propertyName,
        string typeName,
        ColumnFlags flags = ColumnFlags.None,
        string? since = null,
        string? defaultSql = null,
        ValueBinder<TValue>? binder = null,
        TValue declaredDefault = default!,
        bool hasDeclaredDefault = false)
        : base(ordinal, name, propertyName, typeName, flags, since, defaultSql)
    {
        _binder = binder ?? DirectValueBinder<TValue>.Instance;
        _declaredDefault = declaredDefault;
        _hasDeclaredDefault = hasDeclaredDefault;
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(TValue);

    /// <summary>The column equals <paramref name="value"/>; <see langword="null"/> matches NULL (<c>IS NULL</c>).</summary>
    [OverloadResolutionPriority(1)] // Eq(default) keeps meaning the value, not an Arg<TValue>
    public Condition<T> Eq(TValue value) =>
        BoxedArg.Is(value, out var argument) ? Eq(argument)
        : value is null ? new NullCondition<T>(this, isNull: true) : new ComparisonCondition<T, TValue>(this, ComparisonOperator.Equal, value);

    /// <summary>
    /// The column differs from <paramref name="value"/>; <see langword="null"/> matches non-NULL (<c>IS NOT NULL</c>).
    /// As in SQL, a NULL column never differs from a value: combine with <see cref="IsNull"/> to include such rows.
    /// </summary>
    [OverloadResolutionPriority(1)]
    public Condition<T> NotEq(TValue value) =>
        BoxedArg.Is(value, out var argument) ? NotEq(argument)
        : value is null ? new NullCondition<T>(this, isNull: false) : new ComparisonCondition<T, TValue>(this, ComparisonOperator.NotEqual, value);

    /// <summary>The column is less than <paramref name="value"/>.</summary>
    [OverloadResolutionPriority(1)]
    public Condition<T> Lt(TValue value) =>
        BoxedArg.Is(value, out var argument) ? Lt(argument) : new ComparisonCondition<T, TValue>(this, ComparisonOperator.LessThan, value);

    /// <summary>The column is less than or equal to <paramref name="value"/>.</summary>
    [OverloadResolutionPriority(1)]
    public Condition<T> Le(TValue value) =>
        BoxedArg.Is(value, out var argument) ? Le(argument) : new ComparisonCondition<T, TValue>(this, ComparisonOperator.LessThanOrEqual, value);

    /// <summary>The column is greater than <paramref name="value"/>.</summary>
    [OverloadResolutionPriority(1)]
    public Condition<T> Gt(TValue value) =>
        BoxedArg.Is(value, out var argument) ? Gt(argument) : new ComparisonCondition<T, TValue>(this, ComparisonOperator.GreaterThan, value);

    /// <summary>The column is greater than or equal to <paramref name="value"/>.</summary>
    [OverloadResolutionPriority(1)]
    public Condition<T> Ge(TValue value) =>
        BoxedArg.Is(value, out var argument) ? Ge(argument) : new ComparisonCondition<T, TValue>(this, ComparisonOperator.GreaterThanOrEqual, value);

    /// <summary>The column is NULL.</summary>
    public Condition<T> IsNull() => new NullCondition<T>(this, isNull: true);

    /// <summary>The column is not NULL.</summary>
    public Condition<T> IsNotNull() => new NullCondition<T>(this, isNull: false);

    /// <summary>The column equals one of <paramref name="values"/>, sent as one array parameter (<c>= ANY($n)</c>).</summary>
    public Condition<T> In(IEnumerable<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values is TValue[] given ? (TValue[])given.Clone() : new List<TValue>(values).ToArray();
        if (array.Length == 0)
        {
            return ConstantCondition<T>.False;
        }

        // PostgreSQL has no arrays of arrays, so an array-typed column cannot use "= ANY($n)": compare one by one.
        if (typeof(TValue).IsArray && typeof(TValue) != typeof(byte[]))
        {
            var any = Eq(array[0]);
            for (var i = 1; i < array.Length; i++)
            {
                any |= Eq(array[i]);
            }

            return any;
        }

        return new InCondition<T, TValue>(this, array);
    }

    /// <summary>The column equals one of <paramref name="values"/>, sent as one array parameter (<c>= ANY($n)</c>).</summary>
    public Condition<T> In(params TValue[] values) => In((IEnumerable<TValue>)values);

    /// <summary>The column equals the compiled query's argument <paramref name="value"/> (<c>= $n</c>; a NULL argument is refused, compile <see cref="IsNull"/> for that).</summary>
    public Condition<T> Eq(Arg<TValue> value) => new ArgComparisonCondition<T, TValue>(this, ComparisonOperator.Equal, value.Source);

    /// <summary>The column differs from the compiled query's argument <paramref name="value"/> (<c>&lt;&gt; $n</c>; a NULL argument is refused).</summary>
    public Condition<T> NotEq(Arg<TValue> value) => new ArgComparisonCondition<T, TValue>(this, ComparisonOperator.NotEqual, value.Source);

    /// <summary>The column is less than the compiled query's argument <paramref name="value"/>.</summary>
    public Condition<T> Lt(Arg<TValue> value) => new ArgComparisonCondition<T, TValue>(this, ComparisonOperator.LessThan, value.Source);

    /// <summary>The column is less than or equal to the compiled query's argument <paramref name="value"/>.</summary>
    public Condition<T> Le(Arg<TValue> value) => new ArgComparisonCondition<T, TValue>(this, ComparisonOperator.LessThanOrEqual, value.Source);

    /// <summary>The column is greater than the compiled query's argument <paramref name="value"/>.</summary>
    public Condition<T> Gt(Arg<TValue> value) => new ArgComparisonCondition<T, TValue>(this, ComparisonOperator.GreaterThan, value.Source);

    /// <summary>The column is greater than or equal to the compiled query's argument <paramref name="value"/>.</summary>
    public Condition<T> Ge(Arg<TValue> value) => new ArgComparisonCondition<T, TValue>(this, ComparisonOperator.GreaterThanOrEqual, value.Source);

    /// <summary>
    /// The column equals one of the compiled query's argument <paramref name="values"/>, sent as one array parameter
    /// (<c>= ANY($n)</c>); an empty array matches no row.
    /// </summary>
    public Condition<T> In(Arg<TValue[]> values)
    {
        if (typeof(TValue).IsArray && typeof(TValue) != typeof(byte[]))
        {
            throw new ArgumentException(
                $"Column \"{Name}\" holds arrays, and PostgreSQL has no arrays of arrays for = ANY($n): compile one Eq(...) per value instead.", nameof(values));
        }

        return new ArgInCondition<T, TValue>(this, values.Source);
    }

    /// <summary>A parameter carrying <paramref name="value"/> for this column.</summary>
    public NpgsqlParameter CreateParameter(TValue value) => _binder.CreateParameter(value);

    /// <summary>
    /// Puts <paramref name="value"/> into <paramref name="parameter"/>, made by <see cref="CreateParameter"/> of this
    /// column, and returns it: a command kept prepared is sent again with the new value.
    /// </summary>
    public NpgsqlParameter AssignParameter(NpgsqlParameter parameter, TValue value)
    {
        _binder.AssignParameter(parameter, value);
        return parameter;
    }

    /// <summary>Writes <paramref name="value"/> as this column's field of a binary COPY row.</summary>
    public System.Threading.Tasks.Task WriteAsync(NpgsqlBinaryImporter importer, TValue value, System.Threading.CancellationToken cancellationToken) =>
        _binder.WriteAsync(importer, value, (Flags & ColumnFlags.ExplicitType) != 0 ? TypeName : null, cancellationToken);

    /// <summary>
    /// Whether <paramref name="value"/> is what rows read while the column is missing, so leaving it out of a write
    /// loses nothing. <see langword="false"/> when the declared default has no CLR form to compare with.
    /// </summary>
    public bool IsDeclaredDefault(TValue value)
    {
        if (!_hasDeclaredDefault)
        {
            return false;
        }

        if (value is byte[] bytes && _declaredDefault is byte[] expected)
        {
            return bytes.AsSpan().SequenceEqual(expected);
        }

        return EqualityComparer<TValue>.Default.Equals(value, _declaredDefault);
    }

    /// <summary>Fills parameter <paramref name="index"/> of a statement with <paramref name="value"/>.</summary>
    internal void Bind(NpgsqlParameterCollection parameters, ref int index, TValue value) =>
        ParameterSlots.Bind(parameters, ref index, _binder, value);

    /// <summary>Fills parameter <paramref name="index"/> of a statement with the array <paramref name="values"/>.</summary>
    internal void BindArray(NpgsqlParameterCollection parameters, ref int index, TValue[] values) =>
        ParameterSlots.BindArray(parameters, ref index, _binder, values);
}
