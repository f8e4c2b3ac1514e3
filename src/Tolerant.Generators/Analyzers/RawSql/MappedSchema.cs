using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Parsing;
using Tolerant.Generators.Sql;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>
/// The tables the compilation maps, found once per compilation from its <c>[SqlTable]</c> types (with the same parser
/// as the generator), and matched against the tables raw SQL names.
/// </summary>
internal sealed class MappedSchema
{
    private readonly Dictionary<(string? Schema, string Name), MappedTable> _byQualifiedName = new();
    private readonly Dictionary<string, List<MappedTable>> _byName = new(System.StringComparer.Ordinal);
    private readonly Dictionary<INamedTypeSymbol, MappedTable> _byType = new(SymbolEqualityComparer.Default);
    private string[] _names = [];
    private bool _hasQuoteInName;

    private MappedSchema()
    {
    }

    public bool IsEmpty => _byType.Count == 0;

    /// <summary>
    /// False when <paramref name="sql"/> cannot name any mapped table, so that SQL about other tables is not read at all.
    /// A table reference names a mapped table only when its name equals the table's, and an unquoted name is the text
    /// folded to lower case, a quoted one the text as written: so the text holds the name, ignoring case. Two spellings
    /// escape that test, and then the answer is true: a <c>U&amp;"..."</c> identifier (its characters may be escaped)
    /// and a name holding a double quote (doubled in the text).
    /// </summary>
    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: run per sink, compiled optimized at first call.
    [MethodImpl((MethodImplOptions)512)]
    public bool MayBeNamedIn(string sql)
    {
        if (_hasQuoteInName || sql.IndexOf("U&", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        foreach (var name in _names)
        {
            if (sql.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static MappedSchema Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var schema = new MappedSchema();
        foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace, cancellationToken))
        {
            var attribute = type.GetAttributes().FirstOrDefault(a => KnownAttributes.Is(a, KnownAttributes.SqlTable));
            if (attribute is null)
            {
                continue;
            }

            var model = TableParser.Parse(type, attribute, cancellationToken).Model;
            if (model is null)
            {
                continue; // The model analyzer reports why; raw SQL cannot be judged against a broken model.
            }

            var table = new MappedTable(type, model);
            schema._byType[type] = table;
            schema._byQualifiedName[(model.Schema, model.Name)] = table;
            if (!schema._byName.TryGetValue(model.Name, out var sameName))
            {
                schema._byName[model.Name] = sameName = [];
                schema._hasQuoteInName |= model.Name.IndexOf('"') >= 0;
            }

            sameName.Add(table);
        }

        schema._names = schema._byName.Keys.ToArray();
        return schema;
    }

    public MappedTable? ForType(ITypeSymbol type) => type is INamedTypeSymbol named && _byType.TryGetValue(named, out var table) ? table : null;

    /// <summary>
    /// The mapped table a SQL table reference names: exact schema and name when qualified on both sides; by name when
    /// either side leaves the schema to the search path and only one mapped table has that name.
    /// </summary>
    public MappedTable? Find(SqlTableReference reference)
    {
        if (reference.Kind != SqlTableKind.Table || reference.Name is null)
        {
            return null;
        }

        if (reference.Schema is not null && _byQualifiedName.TryGetValue((reference.Schema, reference.Name), out var exact))
        {
            return exact;
        }

        if (!_byName.TryGetValue(reference.Name, out var candidates))
        {
            return null;
        }

        var fitting = reference.Schema is null ? candidates : candidates.Where(c => c.Model.Schema is null).ToList();
        return fitting.Count == 1 ? fitting[0] : null;
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol root, CancellationToken cancellationToken)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                    pending.Push(type);
                }
            }
        }
    }
}
