using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Analyzers.RawSql;
using Tolerant.Generators.Parsing;

namespace Tolerant.CodeFixes;

/// <summary>
/// What a TOL1001 diagnostic names, resolved against the compilation: the mapped type (from the diagnostic's
/// <c>TableType</c> property), the mapped property (<c>Property</c>) and the column's SQL name, read with the
/// generator's own parser so titles say <c>is_active</c> exactly as the model maps it.
/// </summary>
internal sealed class UncheckedColumn
{
    private UncheckedColumn(INamedTypeSymbol table, string property, string columnName)
    {
        Table = table;
        Property = property;
        ColumnName = columnName;
    }

    /// <summary>The <c>[SqlTable]</c> type.</summary>
    public INamedTypeSymbol Table { get; }

    /// <summary>The mapped property, as <c>T.Columns.Property</c> and <c>nameof(T.Property)</c> name it.</summary>
    public string Property { get; }

    /// <summary>The column's SQL name: <c>is_active</c>.</summary>
    public string ColumnName { get; }

    /// <summary>The column, or <see langword="null"/> when the diagnostic lacks its properties or they no longer resolve.</summary>
    public static UncheckedColumn? From(Diagnostic diagnostic, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(RawSqlRules.TableTypeProperty, out var tableType) || tableType is null ||
            !diagnostic.Properties.TryGetValue(RawSqlRules.PropertyProperty, out var property) || property is null)
        {
            return null;
        }

        var table = FindType(compilation, tableType, cancellationToken);
        if (table is null)
        {
            return null;
        }

        var attribute = table.GetAttributes().FirstOrDefault(a => KnownAttributes.Is(a, KnownAttributes.SqlTable));
        if (attribute is null)
        {
            return null;
        }

        var column = TableParser.Parse(table, attribute, cancellationToken).Model?.Columns.FirstOrDefault(c => c.PropertyName == property);
        return column is null ? null : new UncheckedColumn(table, property, column.ColumnName);
    }

    /// <summary>A source type by its fully qualified display name (<c>global::Ns.Outer.T</c>), as <see cref="Fact.Key"/> writes it.</summary>
    private static INamedTypeSymbol? FindType(Compilation compilation, string fullyQualifiedName, CancellationToken cancellationToken)
    {
        var simpleName = fullyQualifiedName.Substring(fullyQualifiedName.LastIndexOfAny(['.', ':']) + 1).TrimStart('@');
        return compilation.GetSymbolsWithName(simpleName, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .FirstOrDefault(t => Fact.Key(t) == fullyQualifiedName);
    }
}
