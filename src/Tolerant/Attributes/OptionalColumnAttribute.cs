using System;

namespace Tolerant;

/// <summary>
/// Marks a column that a later migration adds, so the code keeps working on a database where that migration
/// has not run yet. A missing optional column reads as if its migration had run: every row holds
/// <see cref="Default"/>, or NULL where none is declared. Writes leave the column out and report it.
/// </summary>
/// <example>
/// <code>
/// [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;
/// [OptionalColumn(Since = "015")] public DateTimeOffset? UpdatedAt { get; init; }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class OptionalColumnAttribute : Attribute
{
    /// <summary>
    /// The migration that adds the column (for example <c>"015"</c>). It appears in log messages, in
    /// capability reports and in the exception raised when code requires the column.
    /// </summary>
    public string? Since { get; set; }

    /// <summary>
    /// The column's default as a SQL literal of its type, exactly as the migration declares it
    /// (<c>"true"</c>, <c>"0"</c>, <c>"'pending'"</c>, <c>"'2000-01-01'"</c>), or <see langword="null"/> for NULL.
    /// A non-nullable property must declare one, since NULL would not fit it.
    /// </summary>
    public string? Default { get; set; }
}
