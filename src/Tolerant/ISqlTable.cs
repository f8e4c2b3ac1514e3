using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant;

/// <summary>
/// Implemented by the source generator on every <see cref="SqlTableAttribute"/> type. Its static members give
/// the runtime what it needs for that table without reflection; the runtime's generic types are constrained
/// to it, so only generated types can be used with them.
/// </summary>
/// <typeparam name="T">The mapped type itself.</typeparam>
public interface ISqlTable<T>
    where T : ISqlTable<T>
{
    /// <summary>The table as the model declares it.</summary>
    static abstract TableDefinition<T> Definition { get; }

    /// <summary>
    /// Reads the current row. The reader's columns are the mapped columns in ordinal order: Tolerant's SELECT
    /// projects a missing optional column as its declared default, so ordinals never move.
    /// </summary>
    static abstract T ReadRow(NpgsqlDataReader reader);

    /// <summary>A typed parameter carrying the value of column <paramref name="ordinal"/> of <paramref name="row"/>.</summary>
    static abstract NpgsqlParameter CreateParameter(int ordinal, T row);

    /// <summary>
    /// Puts the value of column <paramref name="ordinal"/> of <paramref name="row"/> into <paramref name="parameter"/>,
    /// which <see cref="CreateParameter"/> made for that column, and returns it: a command kept prepared on a bound
    /// connection is sent again with the new row's values.
    /// </summary>
    static abstract NpgsqlParameter AssignParameter(int ordinal, T row, NpgsqlParameter parameter);

    /// <summary>Writes the value of column <paramref name="ordinal"/> of <paramref name="row"/> as the next field of a binary COPY.</summary>
    static abstract Task WriteColumnAsync(NpgsqlBinaryImporter importer, int ordinal, T row, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the value of optional column <paramref name="ordinal"/> of <paramref name="row"/> equals its declared
    /// default, so leaving it out of a write loses nothing. <see langword="false"/> for any other column.
    /// </summary>
    static abstract bool IsDeclaredDefault(int ordinal, T row);
}
