using Microsoft.CodeAnalysis;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>
/// Something known to hold where a statement runs: that a table of the model exists, or that one of its columns does
/// (<see cref="Member"/> is the property name), or that all of it does.
/// </summary>
internal readonly record struct Fact(string Table, string Member)
{
    public const string TableExists = "<table>";
    public const string Everything = "<all>";

    /// <summary>That the column behind <paramref name="property"/> of the table keyed <paramref name="table"/> exists.</summary>
    public static Fact Column(string table, string property) => new(table, property);

    public static Fact Exists(string table) => new(table, TableExists);

    public static Fact All(string table) => new(table, Everything);

    /// <summary>
    /// How a fact names its table type (<c>global::Ns.T</c>). It costs a display string: the analyzer computes it once
    /// per type (<see cref="MappedTable.Key"/>, <see cref="RawSqlState.KeyOf"/>).
    /// </summary>
    public static string Key(ITypeSymbol table) => table.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
