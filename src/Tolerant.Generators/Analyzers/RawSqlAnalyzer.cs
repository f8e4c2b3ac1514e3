using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext start)
    {
        var symbols = KnownSymbols.Create(start.Compilation);
        if (symbols.TableCapabilities is null)
        {
            return; // Not a Tolerant program.
        }

        var compilation = start.Compilation;
        var schema = new Lazy<MappedSchema>(() => MappedSchema.Build(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        var analyses = new ConcurrentDictionary<string, SqlAnalysis>(StringComparer.Ordinal);
        var callbacks = new Callbacks(new RawSqlState(symbols, schema, analyses));

        // SQL arguments are read from their call, one callback per call rather than one per argument of any call.
        start.RegisterOperationAction(callbacks.Invocation, OperationKind.Invocation);
        start.RegisterOperationAction(callbacks.ObjectCreation, OperationKind.ObjectCreation);
        start.RegisterOperationAction(callbacks.Indexer, OperationKind.PropertyReference);
        start.RegisterOperationAction(callbacks.Assignment, OperationKind.SimpleAssignment);
        if (symbols.RequiresColumns is not null)
        {
            start.RegisterOperationAction(callbacks.MethodReference, OperationKind.MethodReference);
        }
    }

    /// <summary>
    /// The operation callbacks of one compilation. They are methods rather than lambdas so that they can be compiled
    /// optimized from their first call; (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0.
    /// </summary>
    private sealed class Callbacks(RawSqlState state)
    {
        [MethodImpl((MethodImplOptions)512)]
        public void Invocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            CheckArguments(context, invocation.TargetMethod, invocation.Arguments);
            if (state.Symbols.RequiresColumns is not null)
            {
                RawSqlRules.CheckCall(context, state);
            }
        }

        [MethodImpl((MethodImplOptions)512)]
        public void ObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is { } constructor)
            {
                CheckArguments(context, constructor, creation.Arguments);
            }

            if (state.Symbols.RequiresColumns is not null)
            {
                RawSqlRules.CheckCall(context, state);
            }
        }

        /// <summary>An indexer's arguments: <c>[StringSyntax("PostgreSQL")]</c> may mark its parameters too.</summary>
        [MethodImpl((MethodImplOptions)512)]
        public void Indexer(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            foreach (var argument in reference.Arguments)
            {
                if (argument.Parameter is { } parameter && SqlSinks.IsSink(parameter, state.Symbols))
                {
                    RawSqlRules.Check(context, argument.Value, state);
                }
            }
        }

        [MethodImpl((MethodImplOptions)512)]
        public void MethodReference(OperationAnalysisContext context) => RawSqlRules.CheckCall(context, state);

        /// <summary>The arguments of a call that reach parameters taking SQL (the Npgsql, Dapper and [StringSyntax] sinks).</summary>
        [MethodImpl((MethodImplOptions)512)]
        private void CheckArguments(OperationAnalysisContext context, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            if (arguments.Length == 0)
            {
                return;
            }

            var sqlParameters = state.SqlParameters(method);
            if (sqlParameters.Length == 0)
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && Array.IndexOf(sqlParameters, parameter.Ordinal) >= 0)
                {
                    RawSqlRules.Check(context, argument.Value, state);
                }
            }
        }

        [MethodImpl((MethodImplOptions)512)]
        public void Assignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation property && SqlSinks.IsSink(property, state.Symbols))
            {
                RawSqlRules.Check(context, assignment.Value, state);
            }
        }
    }
}
