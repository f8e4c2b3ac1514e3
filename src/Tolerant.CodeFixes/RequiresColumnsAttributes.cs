using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tolerant.CodeFixes;

/// <summary>Writes <c>[RequiresColumns(typeof(T), nameof(T.A), ...)]</c> on a method or local function, one attribute per table.</summary>
internal static class RequiresColumnsAttributes
{
    /// <summary>
    /// <paramref name="current"/> (the member as rewritten so far) with every column of <paramref name="columns"/>
    /// required: added to the member's existing attribute for the same table, or in a new attribute after the others.
    /// <paramref name="original"/> is the same member in the tree <paramref name="model"/> knows, for binding.
    /// </summary>
    public static SyntaxNode Mark(
        SyntaxNode original,
        SyntaxNode current,
        IReadOnlyList<UncheckedColumn> columns,
        INamedTypeSymbol attributeType,
        string attributeName,
        SyntaxTrivia endOfLine,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        var originalLists = AttributeLists(original);
        var lists = AttributeLists(current);
        var added = new List<AttributeListSyntax>();
        foreach (var table in columns.GroupBy(c => c.Table, SymbolEqualityComparer.Default))
        {
            var tableType = table.First().Table;
            var typeName = tableType.ToMinimalDisplayString(model, original.SpanStart);
            var existing = Existing(originalLists, tableType, attributeType, model, cancellationToken);
            var missing = table.Select(c => c.Property)
                .Distinct(System.StringComparer.Ordinal)
                .Where(p => existing is null || !existing.Value.Present.Contains(p))
                .Select(p => SyntaxFactory.ParseExpression($"nameof({typeName}.{p})"))
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            if (existing is { } found)
            {
                var list = lists[found.List];
                var attribute = list.Attributes[found.Attribute];
                lists = lists.Replace(list, list.WithAttributes(list.Attributes.Replace(attribute, WithProperties(attribute, missing))));
            }
            else
            {
                var arguments = string.Join(", ", new[] { $"typeof({typeName})" }.Concat(missing.Select(m => m.ToString())));
                added.Add(SyntaxFactory.ParseMemberDeclaration($"[{attributeName}({arguments})] void M() {{ }}")!.AttributeLists[0].WithoutTrivia());
            }
        }

        if (added.Count == 0)
        {
            return WithAttributeLists(current, lists);
        }

        if (lists.Count == 0)
        {
            // The member's leading trivia (doc comment, blank lines) moves above the attribute; the member keeps its indentation.
            var leading = current.GetLeadingTrivia();
            var indentation = Indentation(leading);
            current = current.WithLeadingTrivia(indentation);
            lists = SyntaxFactory.List(added.Select((list, index) =>
                list.WithLeadingTrivia(index == 0 ? leading : indentation).WithTrailingTrivia(endOfLine)));
            return WithAttributeLists(current, lists);
        }

        var last = lists[lists.Count - 1];
        var ownLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var lineStart = Indentation(last.GetLeadingTrivia());
        return WithAttributeLists(current, lists.AddRange(added.Select(list => ownLine
            ? list.WithLeadingTrivia(lineStart).WithTrailingTrivia(endOfLine)
            : list.WithTrailingTrivia(SyntaxFactory.Space))));
    }

    /// <summary>The member's attribute for <paramref name="table"/>, with the properties it already names.</summary>
    private static (int List, int Attribute, HashSet<string> Present)? Existing(
        SyntaxList<AttributeListSyntax> lists, INamedTypeSymbol table, INamedTypeSymbol attributeType, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var i = 0; i < lists.Count; i++)
        {
            for (var j = 0; j < lists[i].Attributes.Count; j++)
            {
                var attribute = lists[i].Attributes[j];
                if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments ||
                    arguments.Arguments[0].Expression is not TypeOfExpressionSyntax typeOf ||
                    model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol constructor ||
                    !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, attributeType) ||
                    !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(typeOf.Type, cancellationToken).Type, table))
                {
                    continue;
                }

                var present = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var property in arguments.Arguments.Skip(1).SelectMany(a => Elements(a.Expression)))
                {
                    if (model.GetConstantValue(property, cancellationToken) is { HasValue: true, Value: string name })
                    {
                        present.Add(name);
                    }
                }

                return (i, j, present);
            }
        }

        return null;
    }

    /// <summary>The attribute with <paramref name="properties"/> appended to its names, inside its array when it passes one.</summary>
    private static AttributeSyntax WithProperties(AttributeSyntax attribute, IReadOnlyList<ExpressionSyntax> properties)
    {
        var arguments = attribute.ArgumentList!.Arguments;
        if (arguments.Count == 2)
        {
            var array = arguments[1].Expression;
            switch (array)
            {
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return attribute.ReplaceNode(implicitArray.Initializer, Append(implicitArray.Initializer, properties));
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return attribute.ReplaceNode(initializer, Append(initializer, properties));
                case CollectionExpressionSyntax collection:
                    var elements = collection.Elements.GetWithSeparators().ToList();
                    foreach (var property in properties)
                    {
                        if (elements.Count > 0)
                        {
                            elements.Add(Comma());
                        }

                        elements.Add(SyntaxFactory.ExpressionElement(property));
                    }

                    return attribute.ReplaceNode(collection, collection.WithElements(SyntaxFactory.SeparatedList<CollectionElementSyntax>(elements)));
            }
        }

        var items = arguments.GetWithSeparators().ToList();
        foreach (var property in properties)
        {
            items.Add(Comma());
            items.Add(SyntaxFactory.AttributeArgument(property));
        }

        return attribute.WithArgumentList(attribute.ArgumentList.WithArguments(SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(items)));
    }

    private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, IReadOnlyList<ExpressionSyntax> properties)
    {
        var items = initializer.Expressions.GetWithSeparators().ToList();
        var closeTrivia = SyntaxTriviaList.Empty;
        if (items.Count > 0 && items[items.Count - 1].IsNode)
        {
            // "new[] { a }": the space before the brace trails the last element; keep it after the new last one.
            var lastNode = items[items.Count - 1].AsNode()!;
            closeTrivia = lastNode.GetTrailingTrivia();
            items[items.Count - 1] = lastNode.WithoutTrailingTrivia();
        }

        foreach (var property in properties)
        {
            if (items.Count > 0)
            {
                items.Add(Comma());
            }

            items.Add(property);
        }

        items[items.Count - 1] = items[items.Count - 1].AsNode()!.WithTrailingTrivia(closeTrivia);
        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
    }

    private static IEnumerable<ExpressionSyntax> Elements(ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
        _ => [expression],
    };

    private static SyntaxToken Comma() => SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    /// <summary>The whitespace that starts the member's line: what follows the last line break of its leading trivia.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading) =>
        leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxTriviaList.Empty;

    private static SyntaxList<AttributeListSyntax> AttributeLists(SyntaxNode member) => member switch
    {
        MemberDeclarationSyntax declaration => declaration.AttributeLists,
        LocalFunctionStatementSyntax function => function.AttributeLists,
        _ => default,
    };

    private static SyntaxNode WithAttributeLists(SyntaxNode member, SyntaxList<AttributeListSyntax> lists) => member switch
    {
        MemberDeclarationSyntax declaration => declaration.WithAttributeLists(lists),
        LocalFunctionStatementSyntax function => function.WithAttributeLists(lists),
        _ => member,
    };
}
