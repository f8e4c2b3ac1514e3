using System.Linq;
using Tolerant.Generators.Sql;
using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>The lexer, construct by construct: each token as <c>Kind:text</c>, with its value where it has one.</summary>
public sealed class SqlLexerTests
{
    private static string Lex(string sql) =>
        string.Join(" ", SqlLexer.Tokenize(sql).Select(token =>
            $"{token.Kind}:{sql.Substring(token.Start, token.Length)}" +
            (token.Value is null || token.Value == sql.Substring(token.Start, token.Length) ? string.Empty : $"={token.Value}") +
            (token.IsUnterminated ? "!" : string.Empty)));

    [Theory]
    // Identifiers fold ASCII letters only; quoted ones keep case and undouble quotes.
    [InlineData("abc", "Identifier:abc")]
    [InlineData("AbC_1$x", "Identifier:AbC_1$x=abc_1$x")]
    [InlineData("Über", "Identifier:Über")]
    [InlineData("ÉCOLE", "Identifier:ÉCOLE=École")]
    [InlineData("\"Ab\"\"C\"", "QuotedIdentifier:\"Ab\"\"C\"=Ab\"C")]
    [InlineData("\"select\"", "QuotedIdentifier:\"select\"=select")]
    [InlineData("\"\"", "QuotedIdentifier:\"\"=")]
    [InlineData("U&\"d\\0061t\\+000061\"", "QuotedIdentifier:U&\"d\\0061t\\+000061\"=data")]
    [InlineData("u&\"\\\\x\"", "QuotedIdentifier:u&\"\\\\x\"=\\x")]
    [InlineData("U&\"d!0061t\" UESCAPE '!'", "QuotedIdentifier:U&\"d!0061t\" UESCAPE '!'=dat")]
    [InlineData("U&\"\\zz\\12\"", "QuotedIdentifier:U&\"\\zz\\12\"=\\zz\\12")]
    [InlineData("U&\"\\+110000\"", "QuotedIdentifier:U&\"\\+110000\"=\\+110000")]
    // Reserved words are keywords; others stay identifiers.
    [InlineData("SELECT set From", "Keyword:SELECT=select Identifier:set Keyword:From=from")]
    [InlineData("values conflict left JOIN", "Identifier:values Identifier:conflict Keyword:left Keyword:JOIN=join")]
    // Strings.
    [InlineData("'it''s'", "String:'it''s'")]
    [InlineData("E'it\\'s' e'\\\\'", "String:E'it\\'s' String:e'\\\\'")]
    [InlineData("E'a''b'", "String:E'a''b'")]
    [InlineData("'a\\' x", "String:'a\\' Identifier:x")]
    [InlineData("N'x' n'y'", "String:N'x' String:n'y'")]
    [InlineData("U&'\\0041' UESCAPE '#'", "String:U&'\\0041' UESCAPE '#'")]
    [InlineData("U&'x' uescape", "String:U&'x' Identifier:uescape")]
    [InlineData("B'0101' x'1F' X'ab'", "BitString:B'0101' BitString:x'1F' BitString:X'ab'")]
    [InlineData("date'2024-01-01'", "Identifier:date String:'2024-01-01'")]
    // Dollar quoting.
    [InlineData("$$a 'b' $c$ d$$", "DollarString:$$a 'b' $c$ d$$")]
    [InlineData("$fn$ $$ x $fn$ y", "DollarString:$fn$ $$ x $fn$ Identifier:y")]
    [InlineData("$_1$x$_1$", "DollarString:$_1$x$_1$")]
    [InlineData("a$$b", "Identifier:a$$b")]
    [InlineData("$", "Unknown:$")]
    [InlineData("$abc x", "Unknown:$ Identifier:abc Identifier:x")]
    // Comments, nested.
    [InlineData("a -- b\nc", "Identifier:a LineComment:-- b Identifier:c")]
    [InlineData("a --", "Identifier:a LineComment:--")]
    [InlineData("/* a /* b */ c */ d", "BlockComment:/* a /* b */ c */ Identifier:d")]
    [InlineData("a/**/b", "Identifier:a BlockComment:/**/ Identifier:b")]
    // Numbers.
    [InlineData("1 1.5 .5 1. 1.5e3 2E-7 1e 0x1F 0o17 0b101 1_000", "Number:1 Number:1.5 Number:.5 Number:1. Number:1.5e3 Number:2E-7 Number:1 Identifier:e Number:0x1F Number:0o17 Number:0b101 Number:1_000")]
    [InlineData("1..10", "Number:1 Dot:. Number:.10")]
    [InlineData("t.5", "Identifier:t Number:.5")]
    // Operators and punctuation.
    [InlineData("a::int", "Identifier:a Cast::: Identifier:int")]
    [InlineData("a<>b!=c>=d<=e", "Identifier:a Operator:<> Identifier:b Operator:!= Identifier:c Operator:>= Identifier:d Operator:<= Identifier:e")]
    [InlineData("j->>'k' #>> @> <@ || ~* !~", "Identifier:j Operator:->> String:'k' Operator:#>> Operator:@> Operator:<@ Operator:|| Operator:~* Operator:!~")]
    [InlineData("a=-1", "Identifier:a Operator:= Operator:- Number:1")]
    [InlineData("a@-1", "Identifier:a Operator:@- Number:1")]
    [InlineData("a*-- c", "Identifier:a Operator:* LineComment:-- c")]
    [InlineData("*/* c */", "Operator:* BlockComment:/* c */")]
    [InlineData("( ) [ ] , ; . : :=", "LeftParen:( RightParen:) LeftBracket:[ RightBracket:] Comma:, Semicolon:; Dot:. Colon:: Operator::=")]
    [InlineData("a[1:2]", "Identifier:a LeftBracket:[ Number:1 Colon:: Number:2 RightBracket:]")]
    [InlineData("{ } \\ `", "Unknown:{ Unknown:} Unknown:\\ Operator:`")]
    // Parameters.
    [InlineData("$1 $23x", "PositionalParameter:$1 PositionalParameter:$23 Identifier:x")]
    [InlineData("@p @__hole0 :name", "NamedParameter:@p NamedParameter:@__hole0 NamedParameter::name")]
    [InlineData("a=@p", "Identifier:a Operator:= NamedParameter:@p")]
    [InlineData("a::b :c", "Identifier:a Cast::: Identifier:b NamedParameter::c")]
    [InlineData("x_@__hole0", "Identifier:x_ NamedParameter:@__hole0")]
    [InlineData("@ 1", "Operator:@ Number:1")]
    public void Reads_each_construct(string sql, string expected) => Assert.Equal(expected, Lex(sql));

    [Theory]
    [InlineData("'abc", "String:'abc!")]
    [InlineData("E'abc\\'", "String:E'abc\\'!")]
    [InlineData("E'abc\\", "String:E'abc\\!")]
    [InlineData("\"abc", "QuotedIdentifier:\"abc=abc!")]
    [InlineData("U&\"ab", "QuotedIdentifier:U&\"ab=ab!")]
    [InlineData("U&'ab", "String:U&'ab!")]
    [InlineData("B'01", "BitString:B'01!")]
    [InlineData("/* a /* b */", "BlockComment:/* a /* b */!")]
    [InlineData("/*", "BlockComment:/*!")]
    [InlineData("$$abc", "DollarString:$$abc!")]
    [InlineData("$t$abc $t", "DollarString:$t$abc $t!")]
    [InlineData("x 'a''", "Identifier:x String:'a''!")]
    public void Runs_an_unterminated_token_to_the_end_and_flags_it(string sql, string expected) => Assert.Equal(expected, Lex(sql));

    [Fact]
    public void Tokens_are_ordered_and_skip_only_whitespace()
    {
        const string Sql = " SELECT\t\"a\" ,\r\n'b'::text /* c */ FROM t -- d\n;";
        var tokens = SqlLexer.Tokenize(Sql);
        var covered = new char[Sql.Length];
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Start >= previousEnd && token.Length > 0);
            for (var i = previousEnd; i < token.Start; i++)
            {
                Assert.True(char.IsWhiteSpace(Sql[i]));
            }

            previousEnd = token.End;
        }

        Assert.Equal(Sql.Length, previousEnd);
    }

    [Fact]
    public void Empty_and_null_text_give_no_tokens()
    {
        Assert.Empty(SqlLexer.Tokenize(""));
        Assert.Empty(SqlLexer.Tokenize(null));
        Assert.Empty(SqlLexer.Tokenize(" \t\r\n\f\v"));
    }
}
