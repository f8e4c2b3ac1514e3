using System.Collections.Generic;
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
/// TOL1001: declares on the enclosing method that it needs the column,
/// <c>[RequiresColumns(typeof(T), nameof(T.Property))]</c>, so that its callers are checked in its place; adds the
/// property to an existing <c>[RequiresColumns(typeof(T), ...)]</c> of the same table instead, and
/// <c>using Tolerant;</c> when the attribute is not in scope. Offered on methods, local functions and constructors,
/// whose calls and <c>new</c> expressions the analyzer checks in the method's place; not on operators, conversions or
/// accessors, whose uses it does not check, so the attribute there would silence the warning without moving it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiresColumnsCodeFixProvider)), Shared]
public sealed class AddRequiresColumnsCodeFixProvider : CodeFixProvider
{
    /// <summary>The key of this fix; Fix All marks every method once, with one attribute per table.</summary>
    public const string EquivalenceKey = "Tolerant.AddRequiresColumns";

    private const string AttributeMetadataName = "Tolerant.RequiresColumnsAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UncheckedOptionalColumn);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await MarkAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName(AttributeMetadataName) is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Find(diagnostic, root, model, context.CancellationToken) is not { } requirement)
            {
                continue;
            }

            var table = requirement.Column.Table.ToMinimalDisplayString(model, requirement.Member.SpanStart);
            var method = requirement.Method.MethodKind == MethodKind.Constructor ? requirement.Method.ContainingType.Name : requirement.Method.Name;
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mark '{method}' [RequiresColumns(typeof({table}), nameof({table}.{requirement.Column.Property}))]",
                    cancellationToken => MarkAsync(document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> MarkAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model?.Compilation.GetTypeByMetadataName(AttributeMetadataName) is not { } attributeType)
        {
            return document;
        }

        var byMember = new Dictionary<SyntaxNode, List<UncheckedColumn>>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Find(diagnostic, root, model, cancellationToken) is { } requirement)
            {
                if (!byMember.TryGetValue(requirement.Member, out var columns))
                {
                    byMember[requirement.Member] = columns = [];
                }

                columns.Add(requirement.Column);
            }
        }

        if (byMember.Count == 0)
        {
            return document;
        }

        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.EndOfLine("\n");
        var needsUsing = false;
        var marked = unit.ReplaceNodes(byMember.Keys, (original, current) =>
        {
            var attributeName = AttributeName(model, attributeType, original.SpanStart, ref needsUsing);
            return RequiresColumnsAttributes.Mark(original, current, byMember[original], attributeType, attributeName, endOfLine, model, cancellationToken);
        });

        return document.WithSyntaxRoot(needsUsing ? UsingDirectives.AddTolerant(marked, endOfLine) : marked);
    }

    /// <summary>How to write the attribute here: <c>RequiresColumns</c>, after adding <c>using Tolerant;</c> where needed, or qualified where another type takes the name.</summary>
    private static string AttributeName(SemanticModel model, INamedTypeSymbol attributeType, int position, ref bool needsUsing)
    {
        var shortName = model.LookupNamespacesAndTypes(position, name: "RequiresColumns");
        var longName = model.LookupNamespacesAndTypes(position, name: "RequiresColumnsAttribute");
        if (shortName.IsEmpty && longName.Length == 1 && SymbolEqualityComparer.Default.Equals(longName[0], attributeType))
        {
            return "RequiresColumns";
        }

        if (shortName.IsEmpty && longName.IsEmpty)
        {
            needsUsing = true;
            return "RequiresColumns";
        }

        return "global::Tolerant.RequiresColumns";
    }

    /// <summary>The method, local function or constructor a TOL1001 sits in, and the column; <see langword="null"/> elsewhere (accessors, operators, initializers, top-level code).</summary>
    private static Requirement? Find(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var member = node.AncestorsAndSelf().FirstOrDefault(n =>
            n is MethodDeclarationSyntax or LocalFunctionStatementSyntax or
                BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or
                BaseFieldDeclarationSyntax or GlobalStatementSyntax or BaseTypeDeclarationSyntax);
        if (member is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax or ConstructorDeclarationSyntax) ||
            member is ConstructorDeclarationSyntax constructor && constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ||
            model.GetDeclaredSymbol(member, cancellationToken) is not IMethodSymbol method ||
            UncheckedColumn.From(diagnostic, model.Compilation, cancellationToken) is not { } column)
        {
            return null;
        }

        return new Requirement(member, method, column);
    }

    private sealed class Requirement(SyntaxNode member, IMethodSymbol method, UncheckedColumn column)
    {
        public SyntaxNode Member => member;

        public IMethodSymbol Method => method;

        public UncheckedColumn Column => column;
    }
}
