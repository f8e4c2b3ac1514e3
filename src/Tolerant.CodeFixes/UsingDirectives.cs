using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tolerant.CodeFixes;

/// <summary>Adds <c>using Tolerant;</c> where a file keeps its usings, in order (<c>System</c> first, then by name).</summary>
internal static class UsingDirectives
{
    private const string Namespace = "Tolerant";

    public static CompilationUnitSyntax AddTolerant(CompilationUnitSyntax unit, SyntaxTrivia endOfLine)
    {
        if (unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == Namespace))
        {
            return unit;
        }

        // Usings written inside the namespace (and none outside) are where this file keeps them.
        if (unit.Usings.Count == 0 && unit.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } scoped)
        {
            return unit.ReplaceNode(scoped, scoped.WithUsings(Insert(scoped.Usings, endOfLine)));
        }

        if (unit.Usings.Count > 0)
        {
            return unit.WithUsings(Insert(unit.Usings, endOfLine));
        }

        // No usings yet: the file's opening trivia (header comment, #nullable) stays first, then the using and a blank line.
        var firstToken = unit.GetFirstToken(includeZeroWidth: true);
        var directive = Directive(endOfLine)
            .WithLeadingTrivia(firstToken.LeadingTrivia)
            .WithTrailingTrivia(endOfLine, endOfLine);
        return unit
            .ReplaceToken(firstToken, firstToken.WithLeadingTrivia(SyntaxTriviaList.Empty))
            .WithUsings(SyntaxFactory.SingletonList(directive));
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, SyntaxTrivia endOfLine)
    {
        var index = 0;
        while (index < usings.Count && !GoesAfter(usings[index]))
        {
            index++;
        }

        var lineStart = usings[0].GetLeadingTrivia() is { Count: > 0 } first && first[first.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(first[first.Count - 1])
            : SyntaxTriviaList.Empty;
        var directive = Directive(endOfLine).WithLeadingTrivia(lineStart);
        if (index == 0)
        {
            // The first using carries the file's header: it stays on top.
            directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(lineStart));
        }

        return usings.Insert(index, directive);
    }

    /// <summary>Whether <c>using Tolerant;</c> sorts before <paramref name="existing"/>: plain usings only, System first.</summary>
    private static bool GoesAfter(UsingDirectiveSyntax existing)
    {
        if (existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
        {
            return false; // Global usings lead the list.
        }

        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null)
        {
            return true; // Aliases and static usings follow the plain ones.
        }

        var name = existing.Name.ToString();
        var isSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        return !isSystem && string.Compare(name, Namespace, StringComparison.OrdinalIgnoreCase) > 0;
    }

    private static UsingDirectiveSyntax Directive(SyntaxTrivia endOfLine) =>
        SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Namespace))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.UsingKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.SemicolonToken, SyntaxFactory.TriviaList(endOfLine)));
}
