using Microsoft.CodeAnalysis.CSharp;

namespace Tolerant.Generators.Emitting;

/// <summary>Spells values and names as C# source text.</summary>
internal static class CSharpText
{
    /// <summary>A C# string literal for <paramref name="value"/>, escaped, or <c>null</c>.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A name usable as an identifier: reserved words get an <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Text safe inside an XML doc comment.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
