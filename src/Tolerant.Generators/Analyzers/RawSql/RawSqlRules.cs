using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Model;
using Tolerant.Generators.Sql;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>TOL1001, TOL1002 and TOL1003 for one piece of SQL text at one sink, and TOL1001 for calls of <c>[RequiresColumns]</c> methods.</summary>
internal static class RawSqlRules
{
    /// <summary>Diagnostic property naming the mapped type, for code fixes.</summary>
    public const string TableTypeProperty = "TableType";

    /// <summary>Diagnostic property naming the mapped property, for code fixes.</summary>
    public const string PropertyProperty = "Property";

    private static readonly HashSet<string> SystemColumns = new(System.StringComparer.Ordinal)
    {
        "ctid", "xmin", "xmax", "cmin", "cmax", "tableoid",
    };

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    public static void Check(OperationAnalysisContext context, IOperation value, RawSqlState state)
    {
        while (value is IConversionOperation { Operand: { } operand })
        {
            value = operand;
        }

        // caps.Has(col) ? "... col ..." : "...": each arm is its own SQL, guarded as that arm.
        if (value is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            Check(context, conditional.WhenTrue, state);
            Check(context, whenFalse, state);
            return;
        }

        // Every rule needs a mapped table in the SQL: text that cannot name one is not read.
        if (SqlTextFolder.Fold(value) is not { } sql || state.Schema.IsEmpty || !state.Schema.MayBeNamedIn(sql.Text))
        {
            return;
        }

        var analysis = state.Analyze(sql.Text);
        IReadOnlyCollection<Fact>? facts = null;
        IReadOnlyCollection<Fact> Facts() =>
            facts ??= CapabilityGuards.At(value.Syntax, context.Operation.SemanticModel!, state, context.CancellationToken);

        foreach (var statement in analysis.Statements)
        {
            foreach (var table in statement.Tables)
            {
                if (state.Schema.Find(table) is { Model.Optional: true } optional && !CapabilityGuards.Holds(Facts(), Fact.Exists(optional.Key)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.UncheckedOptionalTable,
                        sql.LocationOf(table.Start, table.Length),
                        optional.Model.DisplayName,
                        optional.Type.Name));
                }
            }

            foreach (var column in statement.Columns)
            {
                CheckColumn(context, sql, column, state, Facts);
            }
        }
    }

    /// <summary>A call of a method marked <c>[RequiresColumns]</c> needs the same guard as the raw SQL inside it.</summary>
    [MethodImpl((MethodImplOptions)512)]
    public static void CheckCall(OperationAnalysisContext context, RawSqlState state)
    {
        var call = context.Operation;
        var method = call switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation { Constructor: { } constructor } => constructor,
            // A method group (Func<...> f = Deactivate;) runs the method later, wherever the delegate goes: check it here.
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
        if (method is null || CapabilityGuards.RequiredBy(method, state).Count == 0)
        {
            return;
        }

        var facts = CapabilityGuards.At(call.Syntax, call.SemanticModel!, state, context.CancellationToken);
        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, state.Symbols.RequiresColumns) ||
                attribute.ConstructorArguments.Length != 2 ||
                attribute.ConstructorArguments[0].Value is not ITypeSymbol type ||
                state.Schema.ForType(type) is not { } table)
            {
                continue;
            }

            foreach (var property in attribute.ConstructorArguments[1].Values.Select(v => v.Value as string))
            {
                if (property is not null && table.ByProperty.TryGetValue(property, out var column) && column.IsOptional &&
                    !CapabilityGuards.Holds(facts, Fact.Column(table.Key, property)))
                {
                    var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
                    Report(context, call.Syntax.GetLocation(), $"'{name}' requires", table, column);
                }
            }
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private static void CheckColumn(
        OperationAnalysisContext context, SqlText sql, SqlColumnReference column, RawSqlState state, System.Func<IReadOnlyCollection<Fact>> facts)
    {
        // A whole-row reference (row_to_json(s)) and PostgreSQL's system columns are on every table.
        if (column.Candidates.Count == 0 || column.WholeRowTable is not null || SystemColumns.Contains(column.Name))
        {
            return;
        }

        // PostgreSQL takes the column from the nearest query level whose sources have it, looking outward (correlated
        // subqueries); the mapped schema says which sources have it. A source the program does not map might have it.
        // Levels are read nearest first; within a level, candidates keep their order. Plain loops rather than LINQ:
        // this runs for every column of every statement.
        var candidates = column.Candidates;
        MappedTable? owner = null;
        ColumnModel? model = null;
        var previous = -1;
        while (true)
        {
            var level = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (candidate.Level > previous && candidate.Level < level)
                {
                    level = candidate.Level;
                }
            }

            if (level == int.MaxValue)
            {
                break;
            }

            previous = level;
            MappedTable? declaring = null;
            var declaringCount = 0;
            var anyUnmapped = false;
            foreach (var candidate in candidates)
            {
                if (candidate.Level != level)
                {
                    continue;
                }

                var mapped = state.Schema.Find(candidate.Table);
                if (mapped is null)
                {
                    anyUnmapped = true;
                }
                else if (mapped.ByColumnName.ContainsKey(column.Name))
                {
                    declaring ??= mapped;
                    declaringCount++;
                }
            }

            if (declaringCount > 1)
            {
                return; // Ambiguous; PostgreSQL itself would refuse the statement.
            }

            if (declaring is not null)
            {
                owner = declaring;
                model = owner.ByColumnName[column.Name];
                break;
            }

            if (anyUnmapped)
            {
                return; // A CTE, subquery or unmapped table at this level may hold it.
            }
        }

        if (owner is null || model is null)
        {
            // Every source in reach is mapped and none declares the column: a misspelling, or a column the model lacks.
            // Reported when exactly one source sits at the nearest level.
            SqlColumnCandidate? nearestCandidate = null;
            var atNearest = 0;
            foreach (var candidate in candidates)
            {
                if (nearestCandidate is null || candidate.Level < nearestCandidate.Level)
                {
                    nearestCandidate = candidate;
                    atNearest = 1;
                }
                else if (candidate.Level == nearestCandidate.Level)
                {
                    atNearest++;
                }
            }

            if (atNearest == 1 && state.Schema.Find(nearestCandidate!.Table) is { } nearest)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UndeclaredColumn,
                    sql.LocationOf(column.Start, column.Length),
                    column.Name,
                    nearest.Model.DisplayName,
                    nearest.Type.Name));
            }

            return;
        }

        if (model.IsOptional && !CapabilityGuards.Holds(facts(), Fact.Column(owner.Key, model.PropertyName)))
        {
            Report(context, sql.LocationOf(column.Start, column.Length), "Raw SQL names", owner, model);
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, string subject, MappedTable table, ColumnModel column)
    {
        // Reports are only made about optional columns, which MappedTable prepares once each.
        var report = table.ReportOf[column.PropertyName];
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UncheckedOptionalColumn,
            location,
            report.Properties,
            subject,
            column.ColumnName,
            table.Model.DisplayName,
            report.Migration,
            report.Expression));
    }
}
