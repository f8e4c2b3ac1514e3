using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>
/// Where SQL text goes to PostgreSQL: Npgsql command constructors and <c>CommandText</c>,
/// <c>NpgsqlDataSource.CreateCommand</c>, Dapper's <c>sql</c> arguments and <c>CommandDefinition</c>, and any
/// parameter or property marked <c>[StringSyntax("PostgreSQL")]</c> or <c>[StringSyntax("Sql")]</c>.
/// </summary>
internal static class SqlSinks
{
    private static readonly int[] NoParameters = [];

    /// <summary>
    /// The ordinals of the parameters of <paramref name="method"/> that take SQL text; empty for nearly every method.
    /// The analyzer asks once per method and reads only those arguments of each call.
    /// </summary>
    public static int[] SqlParameters(IMethodSymbol method, KnownSymbols symbols)
    {
        List<int>? ordinals = null;
        foreach (var parameter in method.Parameters)
        {
            if (IsSink(parameter, symbols))
            {
                (ordinals ??= []).Add(parameter.Ordinal);
            }
        }

        return ordinals is null ? NoParameters : ordinals.ToArray();
    }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    public static bool IsSink(IParameterSymbol parameter, KnownSymbols symbols)
    {
        if (parameter.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        if (HasSqlSyntax(parameter, symbols))
        {
            return true;
        }

        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        var type = method.ContainingType;
        return parameter.Name switch
        {
            "cmdText" => method.MethodKind == MethodKind.Constructor && KnownSymbols.IsOrDerives(type, symbols.NpgsqlCommand),
            "commandText" => (method.MethodKind == MethodKind.Constructor &&
                              (KnownSymbols.IsOrDerives(type, symbols.NpgsqlBatchCommand) || Same(type, symbols.DapperCommandDefinition))) ||
                             (method.Name == "CreateCommand" && KnownSymbols.IsOrDerives(type, symbols.NpgsqlDataSource)),
            "sql" => Same(type, symbols.DapperSqlMapper),
            _ => false,
        };
    }

    [MethodImpl((MethodImplOptions)512)]
    public static bool IsSink(IPropertyReferenceOperation target, KnownSymbols symbols)
    {
        var property = target.Property;
        if (property.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        return HasSqlSyntax(property, symbols) ||
               (property.Name == "CommandText" &&
                (KnownSymbols.IsOrDerives(target.Instance?.Type ?? property.ContainingType, symbols.NpgsqlCommand) ||
                 KnownSymbols.IsOrDerives(target.Instance?.Type ?? property.ContainingType, symbols.NpgsqlBatchCommand)));
    }

    [MethodImpl((MethodImplOptions)512)]
    private static bool HasSqlSyntax(ISymbol symbol, KnownSymbols symbols)
    {
        if (symbols.StringSyntax is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.StringSyntax) &&
                attribute.ConstructorArguments.Length > 0 &&
                attribute.ConstructorArguments[0].Value is string syntax &&
                (syntax.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || syntax.Equals("Sql", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl((MethodImplOptions)512)]
    private static bool Same(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);
}
