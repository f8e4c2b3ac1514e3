using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Tolerant.Execution;

namespace Tolerant;

/// <summary>
/// What the database has of the table behind <typeparamref name="T"/>, as the catalog last saw it: whether the table
/// exists and which mapped columns do. Immutable; a new instance appears when the schema changes. It also holds the
/// SQL text Tolerant built for these capabilities, so statements stay stable and can be prepared.
/// </summary>
/// <typeparam name="T">The mapped record type.</typeparam>
public sealed class TableCapabilities<T>
    where T : ISqlTable<T>
{
    private readonly bool[] _present;
    private readonly Column<T>[] _missing;
    private readonly Column<T>[] _missingOptional;
    private readonly Column<T>[] _missingRequired;
    private int _warned;

    internal TableCapabilities(bool tableExists, bool[] present)
    {
        var table = T.Definition;
        TableExists = tableExists;
        _present = present;
        _missing = table.Columns.Where(c => !present[c.Ordinal]).ToArray();
        _missingOptional = _missing.Where(c => c.IsOptional).ToArray();
        _missingRequired = tableExists ? _missing.Where(c => !c.IsOptional).ToArray() : [];
        Expressions = table.Columns.Select(c => present[c.Ordinal] ? c.QuotedName : c.IsOptional ? DefaultExpression(c) : null).ToArray();
        Statements = new StatementCache<T>(this);
    }

    /// <summary>The table as the model declares it.</summary>
    public TableDefinition<T> Table => T.Definition;

    /// <summary>Whether the table exists. A missing optional table reads as empty and its writes are skipped.</summary>
    public bool TableExists { get; }

    /// <summary>The mapped columns the database lacks, optional and required, in ordinal order.</summary>
    public IReadOnlyList<Column<T>> Missing => _missing;

    /// <summary>The optional columns the database lacks: they read as their declared default and writes leave them out.</summary>
    public IReadOnlyList<Column<T>> MissingOptional => _missingOptional;

    /// <summary>The required columns the database lacks: every operation on the table fails until a migration adds them.</summary>
    public IReadOnlyList<Column<T>> MissingRequired => _missingRequired;

    /// <summary>Whether the table and every mapped column exist.</summary>
    public bool IsComplete => TableExists && _missing.Length == 0;

    /// <summary>Whether the database has <paramref name="column"/>.</summary>
    public bool Has(Column<T> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _present[column.Ordinal];
    }

    /// <summary>
    /// Throws a <see cref="SchemaMismatchException"/> naming the table, the column and its migration unless the database
    /// has <paramref name="column"/>. Code after this call may use the column in raw SQL.
    /// </summary>
    public void Require(Column<T> column)
    {
        if (!Has(column))
        {
            throw SchemaMismatchException.MissingColumn(Table.DisplayName, column, TableExists);
        }
    }

    /// <summary>Describes the capabilities: what is missing and what that means for reads and writes.</summary>
    public override string ToString()
    {
        var table = Table;
        if (!TableExists)
        {
            return table.IsOptional
                ? $"{table.DisplayName} does not exist (optional table): reads are empty, writes are skipped"
                : $"{table.DisplayName} does not exist";
        }

        if (_missing.Length == 0)
        {
            return $"{table.DisplayName} has all {table.Columns.Count} mapped columns";
        }

        var text = new StringBuilder(table.DisplayName);
        if (_missingRequired.Length > 0)
        {
            text.Append(" lacks required ").Append(Names(_missingRequired)).Append(": operations fail until a migration adds them");
            if (_missingOptional.Length > 0)
            {
                text.Append("; it");
            }
        }

        if (_missingOptional.Length > 0)
        {
            text.Append(" is missing ").Append(Names(_missingOptional)).Append(": reading declared defaults, writes leave them out");
        }

        return text.ToString();
    }

    /// <summary>Each column's expression in a SELECT: its quoted name, its typed default literal while missing, or null for a missing required column.</summary>
    internal string?[] Expressions { get; }

    /// <summary>SQL text built for these capabilities.</summary>
    internal StatementCache<T> Statements { get; }

    internal bool HasSamePresence(bool tableExists, bool[] present) => TableExists == tableExists && _present.AsSpan().SequenceEqual(present);

    /// <summary>Marks that the warning for a value left out of <paramref name="column"/> was logged; true the first time only.</summary>
    internal bool FirstWarningFor(Column<T> column)
    {
        // Up to 32 columns are tracked one bit each; beyond that, columns share bits and warn less often, never more.
        var bit = 1 << (column.Ordinal % 32);
        int seen;
        do
        {
            seen = _warned;
            if ((seen & bit) != 0)
            {
                return false;
            }
        }
        while (System.Threading.Interlocked.CompareExchange(ref _warned, seen | bit, seen) != seen);

        return true;
    }

    internal static string Names(IEnumerable<Column<T>> columns)
    {
        var list = columns.ToList();
        var names = string.Join(", ", list.Select(c => c.Name));
        var migrations = list.Where(c => c.Since is not null).Select(c => c.Since).Distinct().ToList();
        return migrations.Count switch
        {
            0 => names,
            1 => $"{names} (migration {migrations[0]})",
            _ => $"{names} (migrations {string.Join(", ", migrations)})",
        };
    }

    private static string DefaultExpression(Column<T> column) => $"{column.DefaultSql ?? "NULL"}::{column.TypeName}";
}
