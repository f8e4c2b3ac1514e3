using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Binding;

/// <summary>
/// Turns a property value into what Npgsql sends: a typed parameter, an array parameter for <c>IN</c>, or a field
/// of a binary COPY. One instance per column, chosen by the generator, so binding never inspects types at run time.
/// </summary>
/// <typeparam name="TValue">The CLR type of the property.</typeparam>
public abstract class ValueBinder<TValue>
{
    /// <summary>A parameter carrying <paramref name="value"/> (NULL for <see langword="null"/>).</summary>
    public abstract NpgsqlParameter CreateParameter(TValue value);

    /// <summary>A parameter carrying <paramref name="values"/> as a PostgreSQL array, for <c>= ANY($n)</c>.</summary>
    public abstract NpgsqlParameter CreateArrayParameter(TValue[] values);

    /// <summary>
    /// Puts <paramref name="value"/> into <paramref name="parameter"/>, which <see cref="CreateParameter"/> of this
    /// binder made: a command kept prepared on a bound connection is sent again with new values, not rebuilt.
    /// </summary>
    public abstract void AssignParameter(NpgsqlParameter parameter, TValue value);

    /// <summary>Puts <paramref name="values"/> into <paramref name="parameter"/>, which <see cref="CreateArrayParameter"/> of this binder made.</summary>
    public abstract void AssignArrayParameter(NpgsqlParameter parameter, TValue[] values);

    /// <summary>Writes <paramref name="value"/> as the next field of a binary COPY row.</summary>
    public abstract Task WriteAsync(NpgsqlBinaryImporter importer, TValue value, string? dataTypeName, CancellationToken cancellationToken);
}
