using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tolerant.CodeFixes;

/// <summary>
/// The statements a capability check must enclose so that the code still compiles and still means the same: the
/// statement holding the raw SQL and, when it declares a variable that later statements use (or sets a member of one,
/// as <c>command.CommandText = ...</c> does), those statements too, and what they declare in turn; for a <c>using</c>
/// declaration, every statement to the end of the block, since the resource lives that long.
/// </summary>
internal sealed class GuardedRegion
{
    private GuardedRegion(IReadOnlyList<SyntaxNode> items, IReadOnlyList<StatementSyntax> statements, StatementSyntax? next, bool embedded)
    {
        Items = items;
        Statements = statements;
        Next = next;
        IsEmbedded = embedded;
    }

    /// <summary>The nodes the region replaces in their list: the statements, or the global statements holding them.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; }

    /// <summary>The statements to enclose, in order.</summary>
    public IReadOnlyList<StatementSyntax> Statements { get; }

    /// <summary>The statement after the region in the same list, if any.</summary>
    public StatementSyntax? Next { get; }

    /// <summary>Whether the one statement is the body of an <c>if</c>, loop or <c>else</c> rather than an item of a list.</summary>
    public bool IsEmbedded { get; }

    /// <summary>The region around <paramref name="statement"/>, or <see langword="null"/> where a check cannot go.</summary>
    public static GuardedRegion? Around(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        // A local function is called from elsewhere: wrapping its declaration would hide it. [RequiresColumns] fits there.
        if (statement is LocalFunctionStatementSyntax || statement.Parent is LabeledStatementSyntax)
        {
            return null;
        }

        List<SyntaxNode> items;
        List<StatementSyntax> statements;
        switch (statement.Parent)
        {
            case BlockSyntax block:
                statements = block.Statements.ToList();
                items = statements.Cast<SyntaxNode>().ToList();
                break;
            case SwitchSectionSyntax section:
                statements = section.Statements.ToList();
                items = statements.Cast<SyntaxNode>().ToList();
                break;
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                var globals = unit.Members.OfType<GlobalStatementSyntax>().ToList();
                items = globals.Cast<SyntaxNode>().ToList();
                statements = globals.Select(g => g.Statement).ToList();
                break;
            case null:
                return null;
            default:
                return new GuardedRegion([statement], [statement], next: null, embedded: true);
        }

        var first = statements.IndexOf(statement);
        var last = first;
        var declared = new HashSet<ISymbol>(Declared(statement, model, cancellationToken), SymbolEqualityComparer.Default);
        if (Configured(statement, model, cancellationToken) is { } configured)
        {
            // command.CommandText = "..."; is followed by the statements that run the command: they go with it.
            declared.Add(configured);
        }

        var lifetimeToEnd = IsUsingDeclaration(statement);
        for (var next = first + 1; next < statements.Count && !lifetimeToEnd && declared.Count > 0; next++)
        {
            if (!Uses(statements[next], declared, model, cancellationToken))
            {
                continue;
            }

            for (var taken = last + 1; taken <= next; taken++)
            {
                declared.UnionWith(Declared(statements[taken], model, cancellationToken));
                lifetimeToEnd |= IsUsingDeclaration(statements[taken]);
            }

            last = next;
        }

        if (lifetimeToEnd)
        {
            last = statements.Count - 1;
        }

        return new GuardedRegion(
            items.GetRange(first, last - first + 1),
            statements.GetRange(first, last - first + 1),
            last + 1 < statements.Count ? statements[last + 1] : null,
            embedded: false);
    }

    /// <summary>The local or parameter whose member <paramref name="statement"/> assigns: <c>command</c> in <c>command.CommandText = ...;</c>.</summary>
    private static ISymbol? Configured(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken) =>
        statement is ExpressionStatementSyntax
        {
            Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } },
        } &&
        model.GetSymbolInfo(receiver, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol
            ? model.GetSymbolInfo(receiver, cancellationToken).Symbol
            : null;

    private static bool IsUsingDeclaration(StatementSyntax statement) =>
        statement is LocalDeclarationStatementSyntax declaration && declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword);

    /// <summary>The locals a statement brings into the enclosing scope, pattern and <c>out var</c> variables included, and a local function.</summary>
    private static IEnumerable<ISymbol> Declared(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statement is LocalFunctionStatementSyntax function)
        {
            return model.GetDeclaredSymbol(function, cancellationToken) is { } symbol ? [symbol] : [];
        }

        var flow = model.AnalyzeDataFlow(statement);
        return flow is { Succeeded: true } ? flow.VariablesDeclared : [];
    }

    private static bool Uses(StatementSyntax statement, HashSet<ISymbol> declared, SemanticModel model, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(declared.Select(s => s.Name), System.StringComparer.Ordinal);
        return statement.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Any(identifier => names.Contains(identifier.Identifier.ValueText) &&
                               model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol &&
                               declared.Contains(symbol.OriginalDefinition));
    }
}
