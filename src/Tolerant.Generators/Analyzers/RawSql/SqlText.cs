using Microsoft.CodeAnalysis;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>
/// The SQL text of a string expression, folded at compile time, and where it came from: a plain literal maps SQL
/// offsets back into the source; any other form (concatenation, interpolation, constant) reports on the expression.
/// </summary>
internal sealed class SqlText
{
    public SqlText(string text, SyntaxNode expression, SyntaxToken? literal)
    {
        Text = text;
        Expression = expression;
        Literal = literal;
    }

    public string Text { get; }

    public SyntaxNode Expression { get; }

    /// <summary>The literal token, when the whole SQL is one string literal.</summary>
    public SyntaxToken? Literal { get; }

    /// <summary>Where to report a finding at <paramref name="start"/>..+<paramref name="length"/> of the SQL text.</summary>
    public Location LocationOf(int start, int length)
    {
        if (Literal is { } token && LiteralOffsets.TryMap(token, start, length, out var span))
        {
            return Location.Create(token.SyntaxTree!, span);
        }

        return Expression.GetLocation();
    }
}
