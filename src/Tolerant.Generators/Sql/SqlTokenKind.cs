namespace Tolerant.Generators.Sql;

/// <summary>What a <see cref="SqlToken"/> is, in PostgreSQL's lexical terms.</summary>
internal enum SqlTokenKind
{
    /// <summary>Never produced by the lexer: what a reader sees past the last token.</summary>
    EndOfInput,

    /// <summary>An unquoted name, folded to lower case; also every non-reserved keyword (<c>set</c>, <c>values</c>).</summary>
    Identifier,

    /// <summary>A <c>"quoted"</c> or <c>U&amp;"quoted"</c> name; its value keeps its case.</summary>
    QuotedIdentifier,

    /// <summary>A word PostgreSQL reserves (<c>select</c>, <c>from</c>, <c>join</c>, <c>null</c>), folded to lower case.</summary>
    Keyword,

    /// <summary><c>'...'</c>, <c>E'...'</c>, <c>N'...'</c> or <c>U&amp;'...'</c>.</summary>
    String,

    /// <summary><c>B'0101'</c> or <c>X'1F'</c>.</summary>
    BitString,

    /// <summary><c>$$...$$</c> or <c>$tag$...$tag$</c>.</summary>
    DollarString,

    Number,

    /// <summary>Any run of operator characters (<c>=</c>, <c>&lt;&gt;</c>, <c>-&gt;&gt;</c>, <c>*</c>); its value is its text.</summary>
    Operator,

    /// <summary><c>::</c></summary>
    Cast,

    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Semicolon,
    Dot,

    /// <summary>A lone <c>:</c>, as in an array slice <c>a[1:2]</c>.</summary>
    Colon,

    /// <summary><c>$1</c>; its value is its text.</summary>
    PositionalParameter,

    /// <summary><c>@name</c> or <c>:name</c>; its value is its text.</summary>
    NamedParameter,

    /// <summary><c>-- ...</c> to the end of the line.</summary>
    LineComment,

    /// <summary><c>/* ... */</c>, nested as PostgreSQL nests them.</summary>
    BlockComment,

    /// <summary>A character PostgreSQL would reject here (<c>{</c>, <c>\</c>, a lone <c>$</c>).</summary>
    Unknown,
}
