using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>A <c>[SqlTable]</c> type of the compilation, as the raw-SQL rules need it.</summary>
internal sealed class MappedTable
{
    public MappedTable(INamedTypeSymbol type, TableModel model)
    {
        Type = type;
        Key = Fact.Key(type);
        Model = model;
        foreach (var column in model.Columns)
        {
            ByColumnName[column.ColumnName] = column;
            ByProperty[column.PropertyName] = column;
        }
    }

    public INamedTypeSymbol Type { get; }

    /// <summary><see cref="Fact.Key"/> of <see cref="Type"/>, computed once.</summary>
    public string Key { get; }

    public TableModel Model { get; }

    public Dictionary<string, ColumnModel> ByColumnName { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, ColumnModel> ByProperty { get; } = new(System.StringComparer.Ordinal);

    /// <summary>How code names a column of this table: <c>UserSession.Columns.IsActive</c>.</summary>
    public string ColumnExpression(ColumnModel column) => $"{Type.Name}.Columns.{column.PropertyName}";
}
