using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Binding;

/// <summary>
/// Binds a value of a type Npgsql maps itself (<c>Guid</c>, <c>string</c>, <c>int?</c>, <c>byte[]</c>…). The one
/// conversion is for <see cref="DateTimeOffset"/>: <c>timestamp with time zone</c> stores an instant, and Npgsql
/// accepts only UTC offsets, so any offset is first converted to the same instant in UTC.
/// </summary>
/// <typeparam name="TValue">The CLR type of the property.</typeparam>
public sealed class DirectValueBinder<TValue> : ValueBinder<TValue>
{
    /// <summary>The one instance: the binder holds no state.</summary>
    public static readonly DirectValueBinder<TValue> Instance = new();

    private DirectValueBinder()
    {
    }

    /// <inheritdoc />
    public override NpgsqlParameter CreateParameter(TValue value) => new NpgsqlParameter<TValue> { TypedValue = ToUtc(value) };

    /// <inheritdoc />
    public override NpgsqlParameter CreateArrayParameter(TValue[] values) => new NpgsqlParameter<TValue[]> { TypedValue = ToUtc(values) };

    /// <inheritdoc />
    public override void AssignParameter(NpgsqlParameter parameter, TValue value) =>
        ((NpgsqlParameter<TValue>)parameter).TypedValue = ToUtc(value);

    /// <inheritdoc />
    public override void AssignArrayParameter(NpgsqlParameter parameter, TValue[] values) =>
        ((NpgsqlParameter<TValue[]>)parameter).TypedValue = ToUtc(values);

    /// <inheritdoc />
    public override Task WriteAsync(NpgsqlBinaryImporter importer, TValue value, string? dataTypeName, CancellationToken cancellationToken) =>
        value is null
            ? importer.WriteNullAsync(cancellationToken)
            : dataTypeName is null
                ? importer.WriteAsync(ToUtc(value), cancellationToken)
                : importer.WriteAsync(ToUtc(value), dataTypeName, cancellationToken);

    private static TValue[] ToUtc(TValue[] values)
    {
        if (typeof(TValue) != typeof(DateTimeOffset) && typeof(TValue) != typeof(DateTimeOffset?))
        {
            return values;
        }

        var converted = new TValue[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            converted[i] = ToUtc(values[i]);
        }

        return converted;
    }

    // The type tests are constants for each instantiation, so every other type pays nothing here.
    private static TValue ToUtc(TValue value)
    {
        if (typeof(TValue) == typeof(DateTimeOffset))
        {
            var utc = Unsafe.As<TValue, DateTimeOffset>(ref value).ToUniversalTime();
            return Unsafe.As<DateTimeOffset, TValue>(ref utc);
        }

        if (typeof(TValue) == typeof(DateTimeOffset?))
        {
            var utc = Unsafe.As<TValue, DateTimeOffset?>(ref value)?.ToUniversalTime();
            return Unsafe.As<DateTimeOffset?, TValue>(ref utc);
        }

        return value;
    }
}
