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
using Tolerant.Generators.Diagnostics;

namespace Tolerant.CodeFixes;

/// <summary>
/// TOL0001: adds <c>partial</c> to every declaration of the type the diagnostic names (the <c>[SqlTable]</c> type or
/// a containing type), as the last modifier: <c>public sealed partial record</c>, <c>readonly partial record struct</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider)), Shared]
public sealed class AddPartialCodeFixProvider : CodeFixProvider
{
    /// <summary>One key for every instance, so Fix All makes every reported type partial.</summary>
    public const string EquivalenceKey = "Tolerant.AddPartial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TypeNotPartial);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as TypeDeclarationSyntax;
            if (declaration is null || !declaration.Identifier.Span.Contains(diagnostic.Location.SourceSpan) ||
                model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
            {
                continue;
            }

            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{type.Name}' partial",
                    cancellationToken => MakePartialAsync(solution, type, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> MakePartialAsync(Solution solution, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // A type may be declared in several files; generated declarations have no document and are left alone.
        foreach (var byTree in type.DeclaringSyntaxReferences.GroupBy(r => r.SyntaxTree))
        {
            var document = solution.GetDocument(byTree.Key);
            if (document is null)
            {
                continue;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            var declarations = byTree
                .Select(r => root.FindNode(r.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<TypeDeclarationSyntax>())
                .Where(d => d is not null && !d.Modifiers.Any(SyntaxKind.PartialKeyword))
                .Select(d => d!)
                .ToList();
            if (declarations.Count > 0)
            {
                solution = solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(declarations, (_, current) => WithPartial(current)));
            }
        }

        return solution;
    }

    /// <summary>
    /// <c>partial</c> goes last, right before <c>class</c>, <c>struct</c> or <c>record</c> (the compiler requires it
    /// there); without other modifiers it takes over the keyword's leading trivia, so attributes, comments and
    /// indentation stay where they were.
    /// </summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
        }

        var keyword = declaration.Keyword;
        var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration
            .ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxTriviaList.Empty))
            .WithModifiers(SyntaxFactory.TokenList(partial));
    }
}
