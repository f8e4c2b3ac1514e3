using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>
/// Expressions: finds column references among operators, literals, function calls, casts, CASE and subqueries.
/// A name is a column where an operand is expected and nothing else claims it: not a function (followed by
/// <c>(</c>), not a type (after <c>::</c> or before a string literal), not a keyword, not a parameter.
/// </summary>
internal sealed partial class SqlResolver
{
    // Words that end an expression at the top level of a clause.
    private static readonly HashSet<string> ClauseStopWords = new(StringComparer.Ordinal)
    {
        "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union",
        "intersect", "except", "into", "returning", "on", "using", "join", "inner", "cross", "full", "natural",
        "outer", "do", "select", "with", "lateral", "tablesample",
    };

    // Reserved words that are complete operands.
    private static readonly HashSet<string> ValueKeywords = new(StringComparer.Ordinal)
    {
        "null", "true", "false", "default", "current_date", "current_time", "current_timestamp", "localtime",
        "localtimestamp", "current_user", "current_role", "session_user", "user", "current_catalog",
        "current_schema", "system_user",
    };

    // What may follow IS [NOT]: IS NULL, IS UNKNOWN, IS NFC NORMALIZED, IS JSON OBJECT WITH UNIQUE KEYS, ...
    private static readonly HashSet<string> IsPredicateWords = new(StringComparer.Ordinal)
    {
        "null", "true", "false", "unknown", "normalized", "nfc", "nfd", "nfkc", "nfkd", "document", "json",
        "value", "scalar", "array", "object", "unique", "keys",
    };

    private enum StopSet
    {
        /// <summary>At the top level of a clause: clause keywords end the expression.</summary>
        Clause,

        /// <summary>Inside parentheses: only the closing parenthesis, a comma or <c>AS</c> ends it.</summary>
        Parens,

        /// <summary>Inside a window definition: also <c>ORDER</c>.</summary>
        Window,
    }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary>
    /// Walks one expression, recording the columns it names, and stops before a top-level comma, a closing bracket, a
    /// stop word, or a name that follows a complete operand (an alias).
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private void WalkExpression(ExpressionContext context, StopSet stops)
    {
        var expectOperand = true;
        var caseDepth = 0;
        while (true)
        {
            var token = _cursor.Current;
            switch (token.Kind)
            {
                case SqlTokenKind.EndOfInput:
                case SqlTokenKind.Comma:
                case SqlTokenKind.RightParen:
                case SqlTokenKind.RightBracket:
                case SqlTokenKind.Semicolon:
                    return;
                case SqlTokenKind.LeftParen:
                    if (!TryReadRowField(context))
                    {
                        WalkParenthesized(context, functionName: null);
                    }

                    expectOperand = false;
                    break;
                case SqlTokenKind.LeftBracket:
                    WalkBracketed(context);
                    expectOperand = false;
                    break;
                case SqlTokenKind.Cast:
                    _cursor.Advance();
                    SkipTypeName();
                    expectOperand = false;
                    break;
                case SqlTokenKind.Dot:
                    SkipFieldSelection();
                    expectOperand = false;
                    break;
                case SqlTokenKind.Operator:
                case SqlTokenKind.Colon:
                    _cursor.Advance();
                    expectOperand = true;
                    break;
                case SqlTokenKind.PositionalParameter:
                case SqlTokenKind.NamedParameter:
                    // A value, or a hole standing for a schema or table: @__hole0.sessions.id
                    ReadOperandName(context);
                    expectOperand = false;
                    break;
                case SqlTokenKind.Identifier:
                case SqlTokenKind.QuotedIdentifier:
                case SqlTokenKind.Keyword:
                    if (IsStop(token, stops, caseDepth) || !WalkWord(context, ref expectOperand, ref caseDepth))
                    {
                        return;
                    }

                    break;
                default:
                    _cursor.Advance();
                    expectOperand = false;
                    break;
            }
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private bool IsStop(SqlToken token, StopSet stops, int caseDepth)
    {
        if (!token.IsAnyWord)
        {
            return false;
        }

        var word = token.Value;
        if (word == "as" || (caseDepth == 0 && word is "when" or "then" or "else" or "end"))
        {
            return true;
        }

        return stops switch
        {
            StopSet.Clause => ClauseStopWords.Contains(word!) ||
                              (word is "left" or "right" && (_cursor.Is("join", 1) || _cursor.Is("outer", 1))),
            StopSet.Window => word == "order",
            _ => false,
        };
    }

    /// <summary>Walks the word at the cursor; false when it begins an alias and so ends the expression.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private bool WalkWord(ExpressionContext context, ref bool expectOperand, ref int caseDepth)
    {
        var token = _cursor.Current;
        var word = token.IsAnyWord ? token.Value : null;
        switch (word)
        {
            case "case":
                _cursor.Advance();
                caseDepth++;
                expectOperand = true;
                return true;
            case "end" when caseDepth > 0:
                _cursor.Advance();
                caseDepth--;
                expectOperand = false;
                return true;
            case "when" or "then" or "else" when caseDepth > 0:
                _cursor.Advance();
                expectOperand = true;
                return true;
            case "nulls" when _cursor.Is("first", 1) || _cursor.Is("last", 1):
                _cursor.Advance(2);
                expectOperand = false;
                return true;
            case "is":
                expectOperand = ReadIsPredicate();
                return true;
            case "collate":
                _cursor.Advance();
                ReadNameChain();
                expectOperand = false;
                return true;
            case "operator" when _cursor.Is(SqlTokenKind.LeftParen, 1):
                _cursor.Advance();
                _cursor.SkipBalanced();
                expectOperand = true;
                return true;
            case "by" when _cursor.Previous.IsWord("order") || _cursor.Previous.IsWord("group") || _cursor.Previous.IsWord("partition"):
            case "grouping" when _cursor.Is("sets", 1):
                _cursor.Advance(word == "grouping" ? 2 : 1);
                expectOperand = true;
                return true;
            case "between":
                _cursor.Advance();
                if (!_cursor.TryTake("symmetric"))
                {
                    _cursor.TryTake("asymmetric");
                }

                expectOperand = true;
                return true;
            case "at" when !expectOperand && _cursor.Is("time", 1) && _cursor.Is("zone", 2):
                _cursor.Advance(3);
                expectOperand = true;
                return true;
            case "at" when !expectOperand && _cursor.Is("local", 1):
                _cursor.Advance(2);
                return true;
            case "escape" when !expectOperand:
                _cursor.Advance();
                expectOperand = true;
                return true;
        }

        if (!expectOperand)
        {
            if (token.Kind != SqlTokenKind.Keyword)
            {
                return false;
            }

            // AND, OR, IN, LIKE, ASC, ...: syntax between operands.
            _cursor.Advance();
            expectOperand = word is not ("asc" or "desc" or "isnull" or "notnull");
            return true;
        }

        if (token.Kind == SqlTokenKind.Keyword)
        {
            if (_cursor.Is(SqlTokenKind.LeftParen, 1))
            {
                // CAST(...), ANY(...), ARRAY(...), LEFT(...), NOT (...), CURRENT_TIMESTAMP(3)
                _cursor.Advance();
                WalkCall(context, word);
                expectOperand = false;
                return true;
            }

            _cursor.Advance();
            expectOperand = !ValueKeywords.Contains(word!);
            return true;
        }

        ReadOperandName(context);
        expectOperand = false;
        return true;
    }

    /// <summary>Reads <c>IS [NOT] ...</c>; returns whether an operand follows (<c>IS DISTINCT FROM</c>).</summary>
    [MethodImpl((MethodImplOptions)512)]
    private bool ReadIsPredicate()
    {
        _cursor.Advance();
        _cursor.TryTake("not");
        if (_cursor.Is("distinct") && _cursor.Is("from", 1))
        {
            _cursor.Advance(2);
            return true;
        }

        if (_cursor.Is("of") && _cursor.Is(SqlTokenKind.LeftParen, 1))
        {
            _cursor.Advance();
            _cursor.SkipBalanced();
            return false;
        }

        while (true)
        {
            var token = _cursor.Current;
            if (token.IsAnyWord && IsPredicateWords.Contains(token.Value!))
            {
                _cursor.Advance();
            }
            else if ((token.IsWord("with") || token.IsWord("without")) && _cursor.Is("unique", 1))
            {
                _cursor.Advance();
            }
            else
            {
                return false;
            }
        }
    }

    /// <summary>A name where an operand is expected: a column, a <c>t.*</c>, a function call or a typed literal.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void ReadOperandName(ExpressionContext context)
    {
        var chain = ReadNameChain();
        if (chain is null)
        {
            _cursor.Advance();
            return;
        }

        if (chain.Star is { } star)
        {
            if (!context.SuppressColumns)
            {
                _builder.AddStar(star, chain.FromEnd(0)?.Text, chain.FromEnd(1)?.Text, context.Scope, context.Clause);
            }

            return;
        }

        var name = chain.Last;
        if (_cursor.Is(SqlTokenKind.LeftParen))
        {
            WalkCall(context, name.IsDynamic ? null : name.Text);
            return;
        }

        if (chain.Parts.Count == 1 && (_cursor.Current.IsOperator("=>") || _cursor.Current.IsOperator(":=")))
        {
            // A named argument: make_interval(days => 1).
            return;
        }

        if (name.Text is "timestamp" or "time" && (_cursor.Is("with") || _cursor.Is("without")) &&
            _cursor.Is("time", 1) && _cursor.Is("zone", 2) && _cursor.Is(SqlTokenKind.String, 3))
        {
            _cursor.Advance(4);
            return;
        }

        if (_cursor.Is(SqlTokenKind.String) && !chain.IsDynamic)
        {
            // A typed literal: date '2024-01-01', interval '1' day.
            _cursor.Advance();
            if (name.Text == "interval")
            {
                SkipIntervalFields();
            }

            return;
        }

        if (name.IsDynamic || context.SuppressColumns ||
            (chain.Parts.Count == 1 && context.OutputAliases?.Contains(name.Text) == true))
        {
            return;
        }

        _builder.AddColumn(name.Token, chain.FromEnd(1)?.Text, chain.FromEnd(2)?.Text, context.Scope, context.Clause);
    }

    /// <summary><c>(s).col</c>: a column of the source <c>s</c>, or a field of the composite column <c>s</c>.</summary>
    private bool TryReadRowField(ExpressionContext context)
    {
        var name = _cursor.Peek(1);
        var field = _cursor.Peek(4);
        if (!name.IsName || !_cursor.Is(SqlTokenKind.RightParen, 2) || !_cursor.Is(SqlTokenKind.Dot, 3) ||
            !(field.IsName || field.Kind == SqlTokenKind.Keyword))
        {
            return false;
        }

        _cursor.Advance(5);
        if (!context.SuppressColumns && context.OutputAliases?.Contains(name.Value!) != true)
        {
            _builder.AddRowField(name, field, context.Scope, context.Clause);
        }

        return true;
    }

    /// <summary><c>(expr).field</c> or <c>(expr).*</c>: a field of a value, not a column of a table.</summary>
    private void SkipFieldSelection()
    {
        _cursor.Advance();
        var token = _cursor.Current;
        if (token.IsName || token.Kind == SqlTokenKind.Keyword || token.IsOperator("*"))
        {
            _cursor.Advance();
        }
    }
}
