using System.Globalization;
using System.Text;

namespace Tolerant.Querying;

/// <summary>
/// Writes one SQL statement: column expressions as the capabilities dictate (a missing optional column becomes its
/// default literal) and positional parameters numbered in order. Used only when a statement's text is not cached yet.
/// </summary>
internal sealed class StatementBuilder<T>
    where T : ISqlTable<T>
{
    private readonly StringBuilder _sql = new(128);
    private readonly string?[]? _expressions;
    private int _parameters;

    /// <param name="expressions">Each column's expression by ordinal; <see langword="null"/> to write every column by name.</param>
    public StatementBuilder(string?[]? expressions) => _expressions = expressions;

    public StatementBuilder<T> Append(string text)
    {
        _sql.Append(text);
        return this;
    }

    /// <summary>The column as the statement reads it: its quoted name, or its default literal while missing.</summary>
    public StatementBuilder<T> Column(Column<T> column) => Append(_expressions?[column.Ordinal] ?? column.QuotedName);

    /// <summary>The next positional parameter, cast to the column's declared type where the model names one.</summary>
    public StatementBuilder<T> Parameter(Column<T> column)
    {
        NextParameter();
        return (column.Flags & ColumnFlags.ExplicitType) != 0 ? Append("::").Append(column.ParameterTypeName) : this;
    }

    /// <summary>The next positional parameter as an array of the column's type, for <c>= ANY(...)</c>.</summary>
    public StatementBuilder<T> ArrayParameter(Column<T> column)
    {
        NextParameter();
        return (column.Flags & ColumnFlags.ExplicitType) != 0 ? Append("::").Append(column.ParameterTypeName).Append("[]") : this;
    }

    /// <summary>The next positional parameter, with no cast (a LIMIT).</summary>
    public StatementBuilder<T> PlainParameter()
    {
        NextParameter();
        return this;
    }

    public override string ToString() => _sql.ToString();

    private void NextParameter() => _sql.Append('$').Append((++_parameters).ToString(CultureInfo.InvariantCulture));
}
