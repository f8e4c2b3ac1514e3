namespace Tolerant;

/// <summary>One term of an <c>ORDER BY</c>: a column and its direction.</summary>
/// <typeparam name="T">The mapped record type.</typeparam>
/// <param name="Column">The column to order by; a missing optional column orders as its declared default.</param>
/// <param name="Descending">Whether larger values come first.</param>
public readonly record struct OrderTerm<T>(Column<T> Column, bool Descending)
    where T : ISqlTable<T>;
