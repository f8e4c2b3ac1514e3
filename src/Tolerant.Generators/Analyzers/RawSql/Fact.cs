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

    public static Fact Column(ITypeSymbol table, string property) => new(Key(table), property);

    public static Fact Exists(ITypeSymbol table) => new(Key(table), TableExists);

    public static Fact All(ITypeSymbol table) => new(Key(table), Everything);

    public static string Key(ITypeSymbol table) => table.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
