using System.Collections.Generic;

namespace Tolerant.Generators.Sql;

/// <summary>
/// A source while its statement is being read: its alias and span may still change. Compared by reference, so that
/// each FROM item stays distinct; frozen into a <see cref="SqlTableReference"/> when the statement ends.
/// </summary>
internal sealed class SqlSource
{
    public SqlSource(SqlTableKind kind, SqlTableUsage usage, string? schema, string? name, int start, int length)
    {
        Kind = kind;
        Usage = usage;
        Schema = schema;
        Name = name;
        Start = start;
        Length = length;
    }

    public SqlTableKind Kind { get; }

    public SqlTableUsage Usage { get; }

    public string? Schema { get; }

    public string? Name { get; }

    public int Start { get; }

    public int Length { get; set; }

    public string? Alias { get; set; }

    public List<string>? OutputColumns { get; set; }

    public string? ExposedName => Alias ?? Name;
}
