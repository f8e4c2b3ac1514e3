using System;

namespace Tolerant.Generators.Sql;

/// <summary>One token of PostgreSQL text, located by offsets into that text.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="Length">Number of characters it spans, quotes and prefixes included.</param>
/// <param name="Value">
/// For identifiers and keywords the name PostgreSQL compares (unquoted folded to lower case, quoted as written with its
/// escapes resolved); for parameters and operators their text; otherwise null.
/// </param>
/// <param name="IsUnterminated">A string, quoted identifier or comment that runs to the end of the text unclosed.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, string? Value = null, bool IsUnterminated = false)
{
    public int End => Start + Length;

    /// <summary>An unquoted identifier or keyword spelled <paramref name="lowerCaseWord"/>.</summary>
    public bool IsWord(string lowerCaseWord) =>
        Kind is SqlTokenKind.Identifier or SqlTokenKind.Keyword && string.Equals(Value, lowerCaseWord, StringComparison.Ordinal);

    /// <summary>An unquoted identifier or keyword.</summary>
    public bool IsAnyWord => Kind is SqlTokenKind.Identifier or SqlTokenKind.Keyword;

    /// <summary>Something that may name a table, column or alias without quoting rules getting in the way.</summary>
    public bool IsName => Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier;

    public bool IsParameter => Kind is SqlTokenKind.PositionalParameter or SqlTokenKind.NamedParameter;

    public bool IsComment => Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    public bool IsOperator(string text) => Kind == SqlTokenKind.Operator && string.Equals(Value, text, StringComparison.Ordinal);
}
