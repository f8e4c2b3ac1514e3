using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Tolerant.Generators.Diagnostics;

namespace Tolerant.CodeFixes;

/// <summary>
/// TOL1001: where a <c>TableCapabilities&lt;T&gt;</c> local or parameter is in scope, runs the raw SQL only when the
/// column exists: <c>if (caps.Has(T.Columns.Property)) { ... }</c> around the statement, together with the statements
/// that use what it declares (<see cref="GuardedRegion"/>). Directly inside such a check already, the new condition
/// joins it with <c>&amp;&amp;</c>. Where an <c>if</c> cannot compile — the enclosed code returns a value or leaves a
/// <c>switch</c> section, so the path that skips it would fall off the end — it demands the column instead with
/// <c>caps.Require(T.Columns.Property);</c>, which throws a <c>SchemaMismatchException</c> naming the column and its
/// migration rather than letting PostgreSQL fail with 42703.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInCapabilityCheckCodeFixProvider)), Shared]
public sealed class WrapInCapabilityCheckCodeFixProvider : CodeFixProvider
{
    /// <summary>The key of this fix.</summary>
    public const string EquivalenceKey = "Tolerant.CheckColumnExists";

    private static readonly SyntaxAnnotation GuardAnnotation = new("Tolerant.CapabilityGuard");

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UncheckedOptionalColumn);

    /// <summary>
    /// None: fixes in one statement depend on each other (two columns of one query join one condition), so they are
    /// applied one at a time; a batch would nest or drop them.
    /// </summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<StatementSyntax>() is not { } statement ||
                UncheckedColumn.From(diagnostic, model.Compilation, context.CancellationToken) is not { } column ||
                CapabilitiesInScope.Find(statement, column.Table, model, context.CancellationToken) is not { } capabilities ||
                GuardedRegion.Around(statement, model, context.CancellationToken) is not { } region)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Check that {column.ColumnName} exists",
                    cancellationToken => GuardAsync(document, model, region, capabilities, column, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> GuardAsync(
        Document document, SemanticModel model, GuardedRegion region, ISymbol capabilities, UncheckedColumn column, CancellationToken cancellationToken)
    {
        var first = region.Statements[0];
        var capabilitiesName = CapabilitiesInScope.Name(capabilities);
        var columnExpression = $"{column.Table.ToMinimalDisplayString(model, first.SpanStart)}.Columns.{column.Property}";

        var wrapped = await WrapAsync(document, region, capabilities, capabilitiesName, columnExpression, model, cancellationToken).ConfigureAwait(false);
        if (!await AddsErrorsAsync(model, wrapped, first, cancellationToken).ConfigureAwait(false))
        {
            return wrapped;
        }

        return await RequireAsync(document, region, capabilitiesName, columnExpression, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>if (caps.Has(col)) { region }</c>, or <c>&amp;&amp; caps.Has(col)</c> added to the check the region already fills.</summary>
    private static async Task<Document> WrapAsync(
        Document document, GuardedRegion region, ISymbol capabilities, string capabilitiesName, string columnExpression, SemanticModel model,
        CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var check = SyntaxFactory.ParseExpression($"{capabilitiesName}.Has({columnExpression})");

        if (EnclosingCheck(region, capabilities, model, cancellationToken) is { } existing)
        {
            var joined = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, existing.Condition.WithoutTrivia(), check)
                .WithTriviaFrom(existing.Condition)
                .WithAdditionalAnnotations(Formatter.Annotation, GuardAnnotation);
            editor.ReplaceNode(existing.Condition, joined);
            return editor.GetChangedDocument();
        }

        var statements = region.Statements;
        var first = statements[0];
        var last = statements[statements.Count - 1];
        var inner = statements.Select((s, index) =>
        {
            s = index == 0 ? s.WithLeadingTrivia(SyntaxFactory.ElasticMarker) : s;
            return index == statements.Count - 1 ? s.WithTrailingTrivia(SyntaxFactory.ElasticMarker) : s;
        });
        var trailing = last.GetTrailingTrivia();
        if (region.Next is { } next && !next.GetLeadingTrivia().FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia) &&
            trailing.LastOrDefault() is { } newLine && newLine.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            trailing = trailing.Add(newLine); // A blank line after the block, before the code that runs either way.
        }

        StatementSyntax guard = SyntaxFactory.IfStatement(check, SyntaxFactory.Block(inner))
            .WithLeadingTrivia(first.GetLeadingTrivia())
            .WithTrailingTrivia(trailing)
            .WithAdditionalAnnotations(Formatter.Annotation, GuardAnnotation);

        if (region.IsEmbedded)
        {
            editor.ReplaceNode(first, guard);
            return editor.GetChangedDocument();
        }

        var items = region.Items;
        editor.ReplaceNode(items[0], items[0] is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(guard) : guard);
        foreach (var item in items.Skip(1))
        {
            editor.RemoveNode(item, SyntaxRemoveOptions.KeepNoTrivia);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// The <c>if</c> whose body is exactly the region and whose condition only checks columns of the same capabilities
    /// (<c>caps.Has(a) &amp;&amp; caps.Has(b)</c>): a second column of the same query joins it rather than nesting.
    /// </summary>
    private static IfStatementSyntax? EnclosingCheck(GuardedRegion region, ISymbol capabilities, SemanticModel model, CancellationToken cancellationToken)
    {
        if (region.IsEmbedded || region.Statements[0].Parent is not BlockSyntax block ||
            block.Parent is not IfStatementSyntax { Else: null } check || check.Statement != block ||
            block.Statements.Count != region.Statements.Count)
        {
            return null;
        }

        return ChecksOnly(check.Condition) ? check : null;

        bool ChecksOnly(ExpressionSyntax condition) => condition switch
        {
            ParenthesizedExpressionSyntax parenthesized => ChecksOnly(parenthesized.Expression),
            BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) => ChecksOnly(both.Left) && ChecksOnly(both.Right),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Has" } access } =>
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, cancellationToken).Symbol, capabilities),
            _ => false,
        };
    }

    /// <summary><c>caps.Require(col);</c> before the region's first statement.</summary>
    private static async Task<Document> RequireAsync(
        Document document, GuardedRegion region, string capabilitiesName, string columnExpression, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var first = region.Statements[0];
        var require = SyntaxFactory.ParseStatement($"{capabilitiesName}.Require({columnExpression});");

        if (region.IsEmbedded)
        {
            var block = SyntaxFactory.Block(
                    require.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed),
                    first.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithLeadingTrivia(first.GetLeadingTrivia())
                .WithTrailingTrivia(first.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            editor.ReplaceNode(first, block);
            return editor.GetChangedDocument();
        }

        // Same indentation as the statement; comments above the statement now sit above the demand.
        var leading = first.GetLeadingTrivia();
        var indentation = leading.LastOrDefault() is { } tail && tail.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(tail) : SyntaxTriviaList.Empty;
        var newLine = first.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        require = require
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.ElasticCarriageReturnLineFeed);
        var item = region.Items[0];
        editor.InsertBefore(item, item is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(require) : require);
        editor.ReplaceNode(first, (current, _) => current.WithLeadingTrivia(indentation));
        return editor.GetChangedDocument();
    }

    /// <summary>Whether the member around the new check has more errors than it had: the <c>if</c> left a path falling off its end.</summary>
    private static async Task<bool> AddsErrorsAsync(SemanticModel before, Document after, SyntaxNode original, CancellationToken cancellationToken)
    {
        var root = await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var guard = root?.GetAnnotatedNodes(GuardAnnotation).FirstOrDefault();
        if (guard is null || model is null)
        {
            return false;
        }

        return Errors(model, Scope(guard)) > Errors(before, Scope(original));

        static SyntaxNode Scope(SyntaxNode node) =>
            node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax) ?? node.SyntaxTree.GetRoot();

        int Errors(SemanticModel semanticModel, SyntaxNode scope) =>
            semanticModel.GetDiagnostics(scope.Span, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
