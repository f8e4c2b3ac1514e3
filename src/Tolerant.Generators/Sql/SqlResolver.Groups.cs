using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>Bracketed groups inside expressions: call arguments, subqueries, lists, subscripts and window definitions.</summary>
internal sealed partial class SqlResolver
{
    // Words of a window frame: ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS.
    private static readonly HashSet<string> FrameWords = new(StringComparer.Ordinal)
    {
        "between", "unbounded", "preceding", "following", "current", "row", "and", "exclude", "no", "others",
        "ties", "group",
    };

    /// <summary>A call's arguments and what may follow them: <c>WITHIN GROUP (...)</c>, <c>FILTER (...)</c>, <c>OVER ...</c>.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void WalkCall(ExpressionContext context, string? functionName)
    {
        WalkParenthesized(context, functionName);
        if (_cursor.Is("within") && _cursor.Is("group", 1) && _cursor.Is(SqlTokenKind.LeftParen, 2))
        {
            _cursor.Advance(2);
            WalkParenthesized(context, functionName: null);
        }

        if (_cursor.Is("filter") && _cursor.Is(SqlTokenKind.LeftParen, 1))
        {
            _cursor.Advance();
            WalkParenthesized(context, functionName: null);
        }

        if (_cursor.Is("over"))
        {
            if (_cursor.Is(SqlTokenKind.LeftParen, 1))
            {
                _cursor.Advance();
                WalkWindow(context);
            }
            else if (_cursor.Peek(1).IsName)
            {
                _cursor.Advance(2);
            }
        }
    }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary>
    /// Walks a parenthesized group at the cursor: a subquery (which sees <paramref name="context"/>'s scope, as a
    /// correlated subquery does), a call's arguments, or a list of expressions. Returns how many items it held.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private int WalkParenthesized(ExpressionContext context, string? functionName)
    {
        if (!TryEnter())
        {
            _cursor.SkipBalanced();
            return 0;
        }

        try
        {
            _cursor.Advance();
            if (_cursor.Is(SqlTokenKind.RightParen))
            {
                _cursor.Advance();
                return 0;
            }

            if (IsQueryStart())
            {
                ReadQuery(context.Scope);
            }
            else if (functionName == "extract" && _cursor.Is("from", 1))
            {
                // EXTRACT(epoch FROM t.created_at): the field is no column.
                _cursor.Advance(2);
            }

            var items = 1;
            while (true)
            {
                WalkExpression(context, StopSet.Parens);
                if (_cursor.TryTake("as"))
                {
                    // CAST(x AS type), or an alias inside a call: no column.
                    SkipToItemEnd();
                }

                switch (_cursor.Current.Kind)
                {
                    case SqlTokenKind.Comma:
                        _cursor.Advance();
                        items++;
                        break;
                    case SqlTokenKind.RightParen:
                        _cursor.Advance();
                        return items;
                    case SqlTokenKind.EndOfInput:
                        return items;
                    default:
                        _cursor.SkipBalanced();
                        break;
                }
            }
        }
        finally
        {
            Leave();
        }
    }

    /// <summary><c>[...]</c>: an array subscript or slice, or the elements of <c>ARRAY[...]</c>.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void WalkBracketed(ExpressionContext context)
    {
        if (!TryEnter())
        {
            _cursor.SkipBalanced();
            return;
        }

        try
        {
            _cursor.Advance();
            while (true)
            {
                WalkExpression(context, StopSet.Parens);
                switch (_cursor.Current.Kind)
                {
                    case SqlTokenKind.Comma:
                        _cursor.Advance();
                        break;
                    case SqlTokenKind.RightBracket:
                        _cursor.Advance();
                        return;
                    case SqlTokenKind.RightParen:
                    case SqlTokenKind.EndOfInput:
                        return;
                    default:
                        _cursor.SkipBalanced();
                        break;
                }
            }
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>A window definition at its opening parenthesis: <c>(w PARTITION BY ... ORDER BY ... ROWS ...)</c>.</summary>
    private void WalkWindow(ExpressionContext context)
    {
        if (!TryEnter())
        {
            _cursor.SkipBalanced();
            return;
        }

        try
        {
            _cursor.Advance();
            var token = _cursor.Current;
            if (token.IsName && !IsWindowClauseWord(token))
            {
                _cursor.Advance();
            }

            var inFrame = false;
            while (true)
            {
                token = _cursor.Current;
                if (token.Kind == SqlTokenKind.RightParen)
                {
                    _cursor.Advance();
                    return;
                }

                if (token.Kind == SqlTokenKind.EndOfInput)
                {
                    return;
                }

                if ((token.IsWord("partition") || token.IsWord("order")) && _cursor.Is("by", 1))
                {
                    _cursor.Advance(2);
                    inFrame = false;
                }
                else if (token.IsWord("rows") || token.IsWord("range") || token.IsWord("groups"))
                {
                    _cursor.Advance();
                    inFrame = true;
                }
                else if ((inFrame && token.IsAnyWord && FrameWords.Contains(token.Value!)) || token.Kind == SqlTokenKind.Comma)
                {
                    _cursor.Advance();
                }
                else
                {
                    var before = _cursor.Position;
                    WalkExpression(context, StopSet.Window);
                    if (_cursor.Position == before)
                    {
                        _cursor.SkipBalanced();
                    }
                }
            }
        }
        finally
        {
            Leave();
        }
    }

    private static bool IsWindowClauseWord(SqlToken token) =>
        token.IsWord("partition") || token.IsWord("order") || token.IsWord("rows") || token.IsWord("range") || token.IsWord("groups");
}
