using System;

namespace Tolerant;

/// <summary>
/// Lets a compiled query's argument of a value type stand for a nullable column of that type:
/// <c>Columns.UpdatedAt.Ge(args.Get(a =&gt; a.Since))</c> with <c>Since</c> a <see cref="DateTimeOffset"/> and
/// <c>UpdatedAt</c> a <c>DateTimeOffset?</c>. C# has no conversion from <c>Arg&lt;TValue&gt;</c> to
/// <c>Arg&lt;TValue?&gt;</c> to write, so these overloads make the lift.
/// </summary>
public static class NullableArgExtensions
{
    /// <summary>The nullable column equals the argument.</summary>
    public static Condition<T> Eq<T, TValue>(this Column<T, TValue?> column, Arg<TValue> value)
        where T : ISqlTable<T>
        where TValue : struct => Column(column).Eq(Lift(value));

    /// <summary>The nullable column differs from the argument (a NULL column never differs, as in SQL).</summary>
    public static Condition<T> NotEq<T, TValue>(this Column<T, TValue?> column, Arg<TValue> value)
        where T : ISqlTable<T>
        where TValue : struct => Column(column).NotEq(Lift(value));

    /// <summary>The nullable column is less than the argument.</summary>
    public static Condition<T> Lt<T, TValue>(this Column<T, TValue?> column, Arg<TValue> value)
        where T : ISqlTable<T>
        where TValue : struct => Column(column).Lt(Lift(value));

    /// <summary>The nullable column is less than or equal to the argument.</summary>
    public static Condition<T> Le<T, TValue>(this Column<T, TValue?> column, Arg<TValue> value)
        where T : ISqlTable<T>
        where TValue : struct => Column(column).Le(Lift(value));

    /// <summary>The nullable column is greater than the argument.</summary>
    public static Condition<T> Gt<T, TValue>(this Column<T, TValue?> column, Arg<TValue> value)
        where T : ISqlTable<T>
        where TValue : struct => Column(column).Gt(Lift(value));

    /// <summary>The nullable column is greater than or equal to the argument.</summary>
    public static Condition<T> Ge<T, TValue>(this Column<T, TValue?> column, Arg<TValue> value)
        where T : ISqlTable<T>
        where TValue : struct => Column(column).Ge(Lift(value));

    /// <summary>Sets the nullable column to the argument.</summary>
    public static UpdateQuery<T> Set<T, TValue>(this UpdateQuery<T> update, Column<T, TValue?> column, Arg<TValue> value)
        where T : ISqlTable<T>
        where TValue : struct => update.Set(Column(column), Lift(value));

    private static Column<T, TValue?> Column<T, TValue>(Column<T, TValue?> column)
        where T : ISqlTable<T>
        where TValue : struct
    {
        ArgumentNullException.ThrowIfNull(column);
        return column;
    }

    private static Arg<TValue?> Lift<TValue>(Arg<TValue> value)
        where TValue : struct => value.Get(static v => (TValue?)v);
}
