using System.Collections.Generic;

namespace Tolerant;

/// <summary>
/// What an INSERT, UPDATE or DELETE did: how many rows it touched and which columns it left out because the
/// database lacks them. Nothing is left out silently: <see cref="Skipped"/> lists every such column.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public readonly struct MutationResult<T>
    where T : ISqlTable<T>
{
    private readonly IReadOnlyList<Column<T>>? _skipped;

    internal MutationResult(int rows, IReadOnlyList<Column<T>> skipped, bool tableMissing)
    {
        Rows = rows;
        _skipped = skipped;
        TableMissing = tableMissing;
    }

    /// <summary>The rows inserted, updated or deleted.</summary>
    public int Rows { get; }

    /// <summary>The columns the statement left out because the database lacks them (all of them when the table is missing).</summary>
    public IReadOnlyList<Column<T>> Skipped => _skipped ?? [];

    /// <summary>Whether the write was skipped because its optional table does not exist.</summary>
    public bool TableMissing { get; }

    /// <inheritdoc />
    public override string ToString() =>
        TableMissing ? "skipped: the table does not exist"
        : Skipped.Count == 0 ? $"{Rows} rows"
        : $"{Rows} rows, left out {string.Join(", ", System.Linq.Enumerable.Select(Skipped, c => c.Name))}";
}
