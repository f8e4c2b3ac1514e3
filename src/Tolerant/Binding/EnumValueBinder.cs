using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Binding;

/// <summary>
/// Binds an enum as an integer, which is how Tolerant stores enums: renaming a member then never breaks stored
/// rows. The generator picks <typeparamref name="TInteger"/>: the underlying type, or a wider PostgreSQL integer
/// for <c>byte</c>, <c>sbyte</c>, <c>ushort</c> and <c>uint</c>.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
/// <typeparam name="TUnderlying">The enum's underlying type.</typeparam>
/// <typeparam name="TInteger">The integer type sent to PostgreSQL: <c>short</c>, <c>int</c> or <c>long</c>.</typeparam>
public sealed class EnumValueBinder<TEnum, TUnderlying, TInteger> : ValueBinder<TEnum>
    where TEnum : struct, Enum
    where TUnderlying : struct, IBinaryInteger<TUnderlying>
    where TInteger : struct, IBinaryInteger<TInteger>
{
    /// <summary>The one instance: the binder holds no state.</summary>
    public static readonly EnumValueBinder<TEnum, TUnderlying, TInteger> Instance = new();

    private EnumValueBinder()
    {
    }

    /// <inheritdoc />
    public override NpgsqlParameter CreateParameter(TEnum value) => new NpgsqlParameter<TInteger> { TypedValue = EnumInteger<TEnum, TUnderlying, TInteger>.From(value) };

    /// <inheritdoc />
    public override NpgsqlParameter CreateArrayParameter(TEnum[] values) => new NpgsqlParameter<TInteger[]> { TypedValue = ToIntegers(values) };

    /// <inheritdoc />
    public override void AssignParameter(NpgsqlParameter parameter, TEnum value) =>
        ((NpgsqlParameter<TInteger>)parameter).TypedValue = EnumInteger<TEnum, TUnderlying, TInteger>.From(value);

    /// <inheritdoc />
    public override void AssignArrayParameter(NpgsqlParameter parameter, TEnum[] values) =>
        ((NpgsqlParameter<TInteger[]>)parameter).TypedValue = ToIntegers(values);

    /// <inheritdoc />
    public override Task WriteAsync(NpgsqlBinaryImporter importer, TEnum value, string? dataTypeName, CancellationToken cancellationToken) =>
        importer.WriteAsync(EnumInteger<TEnum, TUnderlying, TInteger>.From(value), cancellationToken);

    private static TInteger[] ToIntegers(TEnum[] values)
    {
        var integers = new TInteger[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            integers[i] = EnumInteger<TEnum, TUnderlying, TInteger>.From(values[i]);
        }

        return integers;
    }
}

/// <summary>Binds a nullable enum as an integer, or NULL.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
/// <typeparam name="TUnderlying">The enum's underlying type.</typeparam>
/// <typeparam name="TInteger">The integer type sent to PostgreSQL: <c>short</c>, <c>int</c> or <c>long</c>.</typeparam>
public sealed class NullableEnumValueBinder<TEnum, TUnderlying, TInteger> : ValueBinder<TEnum?>
    where TEnum : struct, Enum
    where TUnderlying : struct, IBinaryInteger<TUnderlying>
    where TInteger : struct, IBinaryInteger<TInteger>
{
    /// <summary>The one instance: the binder holds no state.</summary>
    public static readonly NullableEnumValueBinder<TEnum, TUnderlying, TInteger> Instance = new();

    private NullableEnumValueBinder()
    {
    }

    /// <inheritdoc />
    public override NpgsqlParameter CreateParameter(TEnum? value) =>
        new NpgsqlParameter<TInteger?> { TypedValue = value is { } v ? EnumInteger<TEnum, TUnderlying, TInteger>.From(v) : null };

    /// <inheritdoc />
    public override NpgsqlParameter CreateArrayParameter(TEnum?[] values) => new NpgsqlParameter<TInteger?[]> { TypedValue = ToIntegers(values) };

    /// <inheritdoc />
    public override void AssignParameter(NpgsqlParameter parameter, TEnum? value) =>
        ((NpgsqlParameter<TInteger?>)parameter).TypedValue = value is { } v ? EnumInteger<TEnum, TUnderlying, TInteger>.From(v) : null;

    /// <inheritdoc />
    public override void AssignArrayParameter(NpgsqlParameter parameter, TEnum?[] values) =>
        ((NpgsqlParameter<TInteger?[]>)parameter).TypedValue = ToIntegers(values);

    /// <inheritdoc />
    public override Task WriteAsync(NpgsqlBinaryImporter importer, TEnum? value, string? dataTypeName, CancellationToken cancellationToken) =>
        value is { } v
            ? importer.WriteAsync(EnumInteger<TEnum, TUnderlying, TInteger>.From(v), cancellationToken)
            : importer.WriteNullAsync(cancellationToken);

    private static TInteger?[] ToIntegers(TEnum?[] values)
    {
        var integers = new TInteger?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            integers[i] = values[i] is { } v ? EnumInteger<TEnum, TUnderlying, TInteger>.From(v) : null;
        }

        return integers;
    }
}

/// <summary>Converts an enum to the integer PostgreSQL stores.</summary>
internal static class EnumInteger<TEnum, TUnderlying, TInteger>
    where TEnum : struct, Enum
    where TUnderlying : struct, IBinaryInteger<TUnderlying>
    where TInteger : struct, IBinaryInteger<TInteger>
{
    // Reinterpreting as the underlying type and widening with generic math costs no boxing and no reflection.
    public static TInteger From(TEnum value) => TInteger.CreateTruncating(Unsafe.As<TEnum, TUnderlying>(ref value));
}
