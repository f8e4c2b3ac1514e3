using System;

namespace Tolerant;

/// <summary>
/// Overrides how a property maps to its column: its name (by default the property name in
/// <c>snake_case</c>) and its PostgreSQL type (by default derived from the CLR type).
/// </summary>
/// <remarks>
/// On a positional record the attribute may be written on the parameter itself.
/// A <see cref="TypeName"/> also lets a property of a CLR type that Tolerant does not map by default be
/// mapped, as long as Npgsql can read and write that type as the named PostgreSQL type.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SqlColumnAttribute : Attribute
{
    /// <summary>Keeps the default column name; use it to set only <see cref="TypeName"/>.</summary>
    public SqlColumnAttribute()
    {
    }

    /// <summary>Maps the property to the column <paramref name="name"/>, used exactly as written (it is quoted).</summary>
    /// <param name="name">The column name.</param>
    public SqlColumnAttribute(string name) => Name = name;

    /// <summary>The column name, or <see langword="null"/> for the property name in <c>snake_case</c>.</summary>
    public string? Name { get; }

    /// <summary>
    /// The PostgreSQL type of the column as PostgreSQL spells it (<c>"jsonb"</c>, <c>"varchar(64)"</c>,
    /// <c>"timestamp with time zone"</c>), or <see langword="null"/> for the default of the CLR type.
    /// </summary>
    public string? TypeName { get; set; }
}
