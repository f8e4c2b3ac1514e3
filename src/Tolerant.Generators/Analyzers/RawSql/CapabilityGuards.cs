using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>
/// Collects what is known to exist where a piece of code runs, from the checks that dominate it in the source:
/// the true branch of <c>if (caps.Has(col))</c> (also inside <c>&amp;&amp;</c>), the else branch of
/// <c>if (!caps.Has(col))</c>, code after <c>if (!caps.Has(col)) return/throw/continue/break;</c>, the matching arm of
/// <c>?:</c>, the right side of <c>&amp;&amp;</c>, code after <c>caps.Require(col);</c>, and methods marked
/// <c>[RequiresColumns]</c>. Checks are read syntactically from the enclosing statements; a check stored in a
/// variable first (<c>var ok = caps.Has(col); if (ok)</c>) is not followed.
/// </summary>
internal sealed class CapabilityGuards
{
    private readonly SemanticModel _model;
    private readonly RawSqlState _state;
    private readonly KnownSymbols _symbols;
    private readonly CancellationToken _cancellationToken;
    private static readonly Fact[] NoFacts = [];

    private readonly HashSet<Fact> _facts = [];

    private CapabilityGuards(SemanticModel model, RawSqlState state, CancellationToken cancellationToken)
    {
        _model = model;
        _state = state;
        _symbols = state.Symbols;
        _cancellationToken = cancellationToken;
    }

    public static IReadOnlyCollection<Fact> At(SyntaxNode node, SemanticModel model, RawSqlState state, CancellationToken cancellationToken)
    {
        var guards = new CapabilityGuards(model, state, cancellationToken);
        guards.Collect(node);
        return guards._facts;
    }

    public static bool Holds(IReadOnlyCollection<Fact> facts, Fact needed) =>
        facts.Contains(needed) ||
        facts.Contains(new Fact(needed.Table, Fact.Everything)) ||
        // A column can only exist where its table does.
        (needed.Member == Fact.TableExists && facts.Any(f => f.Table == needed.Table));

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    private void Collect(SyntaxNode node)
    {
        var child = node;
        for (var parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (parent)
            {
                case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                    WhenTrue(ifStatement.Condition);
                    break;
                case IfStatementSyntax ifStatement when child == ifStatement.Else:
                    WhenFalse(ifStatement.Condition);
                    break;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue:
                    WhenTrue(conditional.Condition);
                    break;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenFalse:
                    WhenFalse(conditional.Condition);
                    break;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both when child == both.Right:
                    WhenTrue(both.Left);
                    break;
                case BlockSyntax block:
                    Preceding(block.Statements, child);
                    break;
                case SwitchSectionSyntax section:
                    Preceding(section.Statements, child);
                    break;
                case BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax:
                    Required(parent);
                    break;
            }
        }
    }

    /// <summary>The statements before <paramref name="child"/> that leave the block unless something exists, or demand it.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void Preceding(SyntaxList<StatementSyntax> statements, SyntaxNode child)
    {
        foreach (var statement in statements)
        {
            if (statement == child)
            {
                return;
            }

            switch (statement)
            {
                case IfStatementSyntax { Else: null } ifStatement when AlwaysLeaves(ifStatement.Statement):
                    WhenFalse(ifStatement.Condition);
                    break;
                case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }:
                    if (CapabilityCall(invocation, "Require") is { } demanded)
                    {
                        _facts.Add(demanded);
                    }

                    break;
            }
        }
    }

    private static bool AlwaysLeaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => true,
        BlockSyntax { Statements.Count: > 0 } block => AlwaysLeaves(block.Statements.Last()),
        _ => false,
    };

    /// <summary>Facts that hold where <paramref name="condition"/> is true.</summary>
    private void WhenTrue(ExpressionSyntax condition)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                WhenTrue(parenthesized.Expression);
                break;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both:
                WhenTrue(both.Left);
                WhenTrue(both.Right);
                break;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } negation:
                WhenFalse(negation.Operand);
                break;
            default:
                if (Check(condition) is { } fact)
                {
                    _facts.Add(fact);
                }

                break;
        }
    }

    /// <summary>Facts that hold where <paramref name="condition"/> is false.</summary>
    private void WhenFalse(ExpressionSyntax condition)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                WhenFalse(parenthesized.Expression);
                break;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } either:
                WhenFalse(either.Left);
                WhenFalse(either.Right);
                break;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } negation:
                WhenTrue(negation.Operand);
                break;
        }
    }

    /// <summary>The fact a check expression establishes: <c>caps.Has(T.Columns.X)</c>, <c>caps.TableExists</c>, <c>caps.IsComplete</c>.</summary>
    private Fact? Check(ExpressionSyntax expression)
    {
        if (expression is InvocationExpressionSyntax invocation)
        {
            return CapabilityCall(invocation, "Has");
        }

        if (_model.GetOperation(expression, _cancellationToken) is IPropertyReferenceOperation property &&
            _symbols.IsCapabilities(property.Property.ContainingType))
        {
            var table = property.Property.ContainingType.TypeArguments[0];
            return property.Property.Name switch
            {
                "TableExists" => Fact.Exists(_state.KeyOf(table)),
                "IsComplete" => Fact.All(_state.KeyOf(table)),
                _ => null,
            };
        }

        return null;
    }

    /// <summary><c>caps.Has(T.Columns.X)</c> or <c>caps.Require(T.Columns.X)</c>, as the fact that X exists.</summary>
    private Fact? CapabilityCall(InvocationExpressionSyntax invocation, string name)
    {
        if (_model.GetOperation(invocation, _cancellationToken) is not IInvocationOperation call ||
            call.TargetMethod.Name != name ||
            !_symbols.IsCapabilities(call.TargetMethod.ContainingType) ||
            call.Arguments.Length != 1)
        {
            return null;
        }

        var argument = call.Arguments[0].Value;
        while (argument is IConversionOperation conversion)
        {
            argument = conversion.Operand;
        }

        return argument is IFieldReferenceOperation { Field: { ContainingType: { Name: "Columns", ContainingType: { } table } } field }
            ? Fact.Column(_state.KeyOf(table), field.Name)
            : null;
    }

    /// <summary>The columns a method declares it requires with <c>[RequiresColumns]</c>.</summary>
    private void Required(SyntaxNode declaration)
    {
        // Only attributes on the declaration, or on another part of a partial method, can make a method require
        // columns; most declarations have neither, and asking for their symbol costs a search of the type's members.
        var (attributes, modifiers) = declaration switch
        {
            BaseMethodDeclarationSyntax declared => (declared.AttributeLists, declared.Modifiers),
            LocalFunctionStatementSyntax function => (function.AttributeLists, function.Modifiers),
            _ => (default, default),
        };
        if (attributes.Count == 0 && !modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return;
        }

        if (_model.GetDeclaredSymbol(declaration, _cancellationToken) is IMethodSymbol method)
        {
            _facts.UnionWith(RequiredBy(method, _state));
        }
    }

    /// <summary>The columns <paramref name="method"/> requires with <c>[RequiresColumns]</c>; empty for most methods.</summary>
    [MethodImpl((MethodImplOptions)512)]
    public static IReadOnlyList<Fact> RequiredBy(IMethodSymbol method, RawSqlState state)
    {
        List<Fact>? facts = null;
        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, state.Symbols.RequiresColumns) ||
                attribute.ConstructorArguments.Length != 2 ||
                attribute.ConstructorArguments[0].Value is not ITypeSymbol table)
            {
                continue;
            }

            foreach (var property in attribute.ConstructorArguments[1].Values)
            {
                if (property.Value is string name)
                {
                    (facts ??= []).Add(Fact.Column(state.KeyOf(table), name));
                }
            }
        }

        return facts is null ? NoFacts : facts;
    }
}
