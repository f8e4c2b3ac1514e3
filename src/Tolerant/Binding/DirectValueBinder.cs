using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Binding;

/// <summary>Binds a value of a type Npgsql maps itself (<c>Guid</c>, <c>string</c>, <c>int?</c>, <c>byte[]</c>…), with no conversion.</summary>
/// <typeparam name="TValue">The CLR type of the property.</typeparam>
public sealed class DirectValueBinder<TValue> : ValueBinder<TValue>
{
    /// <summary>The one instance: the binder holds no state.</summary>
    public static readonly DirectValueBinder<TValue> Instance = new();

    private DirectValueBinder()
    {
    }

    /// <inheritdoc />
    public override NpgsqlParameter CreateParameter(TValue value) => new NpgsqlParameter<TValue> { TypedValue = value };

    /// <inheritdoc />
    public override NpgsqlParameter CreateArrayParameter(TValue[] values) => new NpgsqlParameter<TValue[]> { TypedValue = values };

    /// <inheritdoc />
    public override Task WriteAsync(NpgsqlBinaryImporter importer, TValue value, string? dataTypeName, CancellationToken cancellationToken) =>
        value is null
            ? importer.WriteNullAsync(cancellationToken)
            : dataTypeName is null
                ? importer.WriteAsync(value, cancellationToken)
                : importer.WriteAsync(value, dataTypeName, cancellationToken);
}
