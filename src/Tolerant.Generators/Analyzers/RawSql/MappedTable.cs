using System.Collections.Generic;
using System.Collections.Immutable;
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
            if (column.IsOptional)
            {
                // What a TOL1001 report of this column carries, built once rather than per report.
                ReportOf[column.PropertyName] = new ColumnReport(
                    ImmutableDictionary<string, string?>.Empty
                        .Add(RawSqlRules.TableTypeProperty, Key)
                        .Add(RawSqlRules.PropertyProperty, column.PropertyName),
                    column.Since is null ? string.Empty : $" (migration {column.Since})",
                    ColumnExpression(column));
            }
        }
    }

    public INamedTypeSymbol Type { get; }

    /// <summary><see cref="Fact.Key"/> of <see cref="Type"/>, computed once.</summary>
    public string Key { get; }

    public TableModel Model { get; }

    public Dictionary<string, ColumnModel> ByColumnName { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, ColumnModel> ByProperty { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The parts of a TOL1001 report for each optional column, by property name; read-only once built.</summary>
    public Dictionary<string, ColumnReport> ReportOf { get; } = new(System.StringComparer.Ordinal);

    /// <summary>How code names a column of this table: <c>UserSession.Columns.IsActive</c>.</summary>
    public string ColumnExpression(ColumnModel column) => $"{Type.Name}.Columns.{column.PropertyName}";

    /// <summary>The diagnostic properties, the migration text and the column expression of a report about one optional column.</summary>
    internal sealed class ColumnReport(ImmutableDictionary<string, string?> properties, string migration, string expression)
    {
        public ImmutableDictionary<string, string?> Properties { get; } = properties;

        public string Migration { get; } = migration;

        public string Expression { get; } = expression;
    }
}
