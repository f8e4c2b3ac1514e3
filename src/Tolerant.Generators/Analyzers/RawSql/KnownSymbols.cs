using Microsoft.CodeAnalysis;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>The types the raw-SQL rules recognize, resolved once per compilation; any may be missing.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        TableCapabilities = compilation.GetTypeByMetadataName("Tolerant.TableCapabilities`1");
        RequiresColumns = compilation.GetTypeByMetadataName("Tolerant.RequiresColumnsAttribute");
        NpgsqlCommand = compilation.GetTypeByMetadataName("Npgsql.NpgsqlCommand");
        NpgsqlBatchCommand = compilation.GetTypeByMetadataName("Npgsql.NpgsqlBatchCommand");
        NpgsqlDataSource = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSource");
        DapperSqlMapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
        DapperCommandDefinition = compilation.GetTypeByMetadataName("Dapper.CommandDefinition");
        StringSyntax = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.StringSyntaxAttribute");
    }

    public INamedTypeSymbol? TableCapabilities { get; }

    public INamedTypeSymbol? RequiresColumns { get; }

    public INamedTypeSymbol? NpgsqlCommand { get; }

    public INamedTypeSymbol? NpgsqlBatchCommand { get; }

    public INamedTypeSymbol? NpgsqlDataSource { get; }

    public INamedTypeSymbol? DapperSqlMapper { get; }

    public INamedTypeSymbol? DapperCommandDefinition { get; }

    public INamedTypeSymbol? StringSyntax { get; }

    public static KnownSymbols Create(Compilation compilation) => new(compilation);

    public bool IsCapabilities(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, TableCapabilities);

    public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
