using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tolerant.Generators.Analyzers.RawSql;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Sql;

namespace Tolerant.Generators.Analyzers;

/// <summary>
/// Reads the raw SQL a program sends (string constants reaching Npgsql, Dapper or <c>[StringSyntax("PostgreSQL")]</c>
/// sinks) against the tables the compilation maps, and reports optional columns and tables used without a capability
/// check (TOL1001, TOL1003) and columns the mapped table does not declare (TOL1002).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawSqlAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UncheckedOptionalColumn,
        DiagnosticDescriptors.UndeclaredColumn,
        DiagnosticDescriptors.UncheckedOptionalTable);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = KnownSymbols.Create(start.Compilation);
            if (symbols.TableCapabilities is null)
            {
                return; // Not a Tolerant program.
            }

            var compilation = start.Compilation;
            var schema = new Lazy<MappedSchema>(() => MappedSchema.Build(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            var analyses = new ConcurrentDictionary<string, SqlAnalysis>(StringComparer.Ordinal);
            var state = new RawSqlState(symbols, schema, analyses);

            start.RegisterOperationAction(
                operation =>
                {
                    var argument = (IArgumentOperation)operation.Operation;
                    if (SqlSinks.IsSink(argument, symbols))
                    {
                        RawSqlRules.Check(operation, argument.Value, state);
                    }
                },
                OperationKind.Argument);

            start.RegisterOperationAction(
                operation =>
                {
                    var assignment = (ISimpleAssignmentOperation)operation.Operation;
                    if (assignment.Target is IPropertyReferenceOperation property && SqlSinks.IsSink(property, symbols))
                    {
                        RawSqlRules.Check(operation, assignment.Value, state);
                    }
                },
                OperationKind.SimpleAssignment);

            if (symbols.RequiresColumns is not null)
            {
                start.RegisterOperationAction(operation => RawSqlRules.CheckCall(operation, state), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.MethodReference);
            }
        });
    }
}
