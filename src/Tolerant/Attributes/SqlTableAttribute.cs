using System;

namespace Tolerant;

/// <summary>
/// Maps a <c>partial</c> record, class or struct to a PostgreSQL table. The Tolerant source generator
/// emits typed column descriptors (<c>T.Columns</c>), the table definition and, through
/// <see cref="ISqlTable{T}"/>, everything the runtime needs to read and write rows without reflection.
/// </summary>
/// <remarks>
/// The name is <c>"table"</c> or <c>"schema.table"</c> and is used exactly as written: Tolerant quotes every
/// identifier, so <c>"Shared.Sessions"</c> names the table <c>"Sessions"</c> in the schema <c>"Shared"</c>.
/// A part that itself contains a dot is written in double quotes, with <c>""</c> for a quote inside it:
/// <c>"\"my.schema\".sessions"</c>. An unqualified table is looked up through the connection's
/// <c>search_path</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class SqlTableAttribute : Attribute
{
    /// <summary>Maps the type to the table <paramref name="name"/> (<c>"table"</c> or <c>"schema.table"</c>).</summary>
    /// <param name="name">The table name, optionally qualified by its schema.</param>
    public SqlTableAttribute(string name) => Name = name;

    /// <summary>The table name as written in the attribute: <c>"table"</c> or <c>"schema.table"</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// <see langword="true"/> when a later migration creates the table. A missing optional table reads as empty,
    /// and writes to it are skipped and reported instead of failing.
    /// </summary>
    public bool Optional { get; set; }
}
