using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>Queries: WITH, set operations, SELECT, VALUES, TABLE and the clauses that close a query.</summary>
internal sealed partial class SqlResolver
{
    private const string UnnamedColumn = "?column?";

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary>
    /// Reads a query whose SELECT cores see <paramref name="parent"/> as their enclosing scope; returns its output
    /// column names, or null when they are not known (a <c>*</c>).
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadQuery(SqlScope? parent)
    {
        if (!TryEnter())
        {
            return null;
        }

        try
        {
            if (_cursor.Is("with"))
            {
                parent = ReadWith(parent);
            }

            var outputs = ReadQueryTerm(parent, out var core);
            var isSetOperation = false;
            while (_cursor.Is("union") || _cursor.Is("intersect") || _cursor.Is("except"))
            {
                _cursor.Advance();
                if (!_cursor.TryTake("all"))
                {
                    _cursor.TryTake("distinct");
                }

                ReadQueryTerm(parent, out _);
                isSetOperation = true;
            }

            // After a set operation, ORDER BY names output columns, which are no table's columns.
            var tail = core is not null && !isSetOperation
                ? new ExpressionContext(core.Scope, SqlClause.OrderBy, core.Aliases)
                : new ExpressionContext(new SqlScope(parent), SqlClause.OrderBy, suppressColumns: true);
            ReadQueryTail(tail);
            return outputs;
        }
        finally
        {
            Leave();
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadQueryTerm(SqlScope? parent, out SelectCore? core)
    {
        core = null;
        if (_cursor.Is(SqlTokenKind.LeftParen))
        {
            _cursor.Advance();
            var outputs = ReadQuery(parent);
            _cursor.SkipToClose();
            return outputs;
        }

        if (_cursor.Is("select"))
        {
            core = ReadSelectCore(parent);
            return core.Outputs;
        }

        if (_cursor.Is("values"))
        {
            return ReadValues(parent);
        }

        if (_cursor.Is("table"))
        {
            ReadTableQuery(parent);
        }

        return null;
    }

    /// <summary><c>TABLE t</c>: the same as <c>SELECT * FROM t</c>.</summary>
    private void ReadTableQuery(SqlScope? parent)
    {
        var keyword = _cursor.Current;
        _cursor.Advance();
        _cursor.TryTake("only");
        var scope = new SqlScope(parent);
        if (ReadNameChain() is { } chain)
        {
            AddTableSource(scope, chain, SqlTableUsage.Read);
            _builder.AddStar(keyword, null, null, scope, SqlClause.Select);
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private SelectCore ReadSelectCore(SqlScope? parent)
    {
        var core = new SelectCore(new SqlScope(parent));
        _cursor.Advance();
        if (_cursor.TryTake("distinct"))
        {
            if (_cursor.Is("on") && _cursor.Is(SqlTokenKind.LeftParen, 1))
            {
                _cursor.Advance();
                WalkParenthesized(new ExpressionContext(core.Scope, SqlClause.DistinctOn), functionName: null);
            }
        }
        else
        {
            _cursor.TryTake("all");
        }

        core.Outputs = ReadSelectList(new ExpressionContext(core.Scope, SqlClause.Select), core.Aliases);
        while (true)
        {
            if (_cursor.TryTake("into"))
            {
                SkipIntoTarget();
            }
            else if (_cursor.TryTake("from"))
            {
                ReadFromList(core.Scope);
            }
            else if (_cursor.TryTake("where"))
            {
                WalkExpression(new ExpressionContext(core.Scope, SqlClause.Where), StopSet.Clause);
            }
            else if (_cursor.Is("group") && _cursor.Is("by", 1))
            {
                _cursor.Advance(2);
                if (!_cursor.TryTake("all"))
                {
                    _cursor.TryTake("distinct");
                }

                ReadExpressionList(new ExpressionContext(core.Scope, SqlClause.GroupBy, core.Aliases));
            }
            else if (_cursor.TryTake("having"))
            {
                WalkExpression(new ExpressionContext(core.Scope, SqlClause.Having), StopSet.Clause);
            }
            else if (_cursor.TryTake("window"))
            {
                ReadWindowClause(new ExpressionContext(core.Scope, SqlClause.Window));
            }
            else if (EndsSelectCore(_cursor.Current))
            {
                return core;
            }
            else
            {
                // Something this reader does not know: step over it and look for the next clause.
                _cursor.SkipBalanced();
            }
        }
    }

    private static bool EndsSelectCore(SqlToken token) =>
        token.Kind is SqlTokenKind.EndOfInput or SqlTokenKind.RightParen or SqlTokenKind.Semicolon ||
        (token.IsAnyWord && token.Value is "order" or "limit" or "offset" or "fetch" or "for" or "union" or "intersect"
            or "except" or "on" or "returning" or "when" or "then" or "else" or "end" or "do" or "with");

    private void SkipIntoTarget()
    {
        while (_cursor.Is("temporary") || _cursor.Is("temp") || _cursor.Is("unlogged") || _cursor.Is("table"))
        {
            _cursor.Advance();
        }

        ReadNameChain();
    }

    /// <summary>
    /// Reads a select or RETURNING list; collects the aliases it gives in <paramref name="aliases"/> and returns the
    /// output column names, or null when a <c>*</c> makes them unknown.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadSelectList(ExpressionContext context, HashSet<string> aliases)
    {
        var outputs = new List<string>();
        var hasStar = false;
        do
        {
            var token = _cursor.Current;
            if (token.IsOperator("*"))
            {
                _builder.AddStar(token, null, null, context.Scope, context.Clause);
                _cursor.Advance();
                hasStar = true;
                continue;
            }

            var start = _cursor.Position;
            WalkExpression(context, StopSet.Clause);
            if (_cursor.Position == start && !_cursor.Is("as"))
            {
                break;
            }

            var name = FigureColumnName(start, _cursor.Position);
            hasStar |= name is null;
            if (_cursor.TryTake("as"))
            {
                if (_cursor.Current.IsName || _cursor.Current.Kind == SqlTokenKind.Keyword)
                {
                    name = TakeAlias(aliases);
                }
            }
            else if (_cursor.Current.IsName)
            {
                name = TakeAlias(aliases);
            }

            outputs.Add(name ?? UnnamedColumn);
        }
        while (_cursor.TryTake(SqlTokenKind.Comma));

        return hasStar ? null : outputs;
    }

    [MethodImpl((MethodImplOptions)512)]
    private string TakeAlias(HashSet<string> aliases)
    {
        var alias = _cursor.Current.Value ?? string.Empty;
        aliases.Add(alias);
        _cursor.Advance();
        return alias;
    }

    /// <summary>
    /// The name PostgreSQL gives an output column without an alias: a column's own name (also through a cast), a
    /// function's name, <c>case</c>; null for <c>t.*</c>.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private string? FigureColumnName(int start, int end)
    {
        SqlToken At(int index) => index < end ? _cursor.Peek(index - _cursor.Position) : default;

        var first = At(start);
        if (first.IsWord("case"))
        {
            return "case";
        }

        if (!first.IsName && first.Kind != SqlTokenKind.Keyword)
        {
            return UnnamedColumn;
        }

        var last = first.Value ?? UnnamedColumn;
        var index = start + 1;
        while (At(index).Kind == SqlTokenKind.Dot)
        {
            var part = At(index + 1);
            if (part.IsOperator("*"))
            {
                return null;
            }

            if (!part.IsName && part.Kind != SqlTokenKind.Keyword)
            {
                break;
            }

            last = part.Value ?? UnnamedColumn;
            index += 2;
        }

        var next = At(index);
        return index == end || next.Kind is SqlTokenKind.Cast or SqlTokenKind.LeftParen ? last : UnnamedColumn;
    }

    /// <summary><c>VALUES (...), (...)</c>: its rows see no table, only enclosing queries.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string> ReadValues(SqlScope? parent)
    {
        var context = new ExpressionContext(new SqlScope(parent), SqlClause.Values);
        _cursor.Advance();
        var columns = -1;
        while (_cursor.Is(SqlTokenKind.LeftParen))
        {
            var count = WalkParenthesized(context, functionName: null);
            columns = columns < 0 ? count : columns;
            if (!_cursor.TryTake(SqlTokenKind.Comma))
            {
                break;
            }
        }

        var outputs = new List<string>();
        for (var i = 1; i <= columns; i++)
        {
            outputs.Add("column" + i.ToString(CultureInfo.InvariantCulture));
        }

        return outputs;
    }

    /// <summary>ORDER BY, LIMIT, OFFSET, FETCH and locking clauses, in any order.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void ReadQueryTail(ExpressionContext context)
    {
        while (true)
        {
            if (_cursor.Is("order") && _cursor.Is("by", 1))
            {
                _cursor.Advance(2);
                ReadOrderByList(context);
            }
            else if (_cursor.TryTake("limit"))
            {
                WalkExpression(context.With(SqlClause.Limit), StopSet.Clause);
            }
            else if (_cursor.TryTake("offset"))
            {
                WalkExpression(context.With(SqlClause.Limit), StopSet.Clause);
                TakeRows();
            }
            else if (_cursor.TryTake("fetch"))
            {
                ReadFetch(context.With(SqlClause.Limit));
            }
            else if (_cursor.Is("for"))
            {
                SkipLockingClause();
            }
            else
            {
                return;
            }
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadOrderByList(ExpressionContext context)
    {
        do
        {
            WalkExpression(context, StopSet.Clause);
            if (_cursor.TryTake("using"))
            {
                _cursor.TryTake(SqlTokenKind.Operator);
            }

            if (_cursor.Is("nulls"))
            {
                _cursor.Advance(2);
            }
        }
        while (_cursor.TryTake(SqlTokenKind.Comma));
    }

    private void ReadFetch(ExpressionContext context)
    {
        if (!_cursor.TryTake("first"))
        {
            _cursor.TryTake("next");
        }

        if (!_cursor.Is("row") && !_cursor.Is("rows"))
        {
            WalkExpression(context, StopSet.Clause);
        }

        TakeRows();
        if (!_cursor.TryTake("only") && _cursor.Is("with") && _cursor.Is("ties", 1))
        {
            _cursor.Advance(2);
        }
    }

    private void TakeRows()
    {
        if (!_cursor.TryTake("rows"))
        {
            _cursor.TryTake("row");
        }
    }

    /// <summary><c>FOR UPDATE [OF t, ...] [NOWAIT | SKIP LOCKED]</c>, and its siblings: no columns.</summary>
    private void SkipLockingClause()
    {
        while (_cursor.TryTake("for"))
        {
            while (_cursor.Current.IsName || _cursor.Current.Kind is SqlTokenKind.Comma or SqlTokenKind.Dot)
            {
                _cursor.Advance();
            }
        }
    }

    /// <summary>A parenthesized list of names: CTE columns, alias columns, column definitions (types skipped).</summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string> ReadNameList()
    {
        var names = new List<string>();
        _cursor.Advance();
        while (!_cursor.AtEnd)
        {
            var token = _cursor.Current;
            if (token.Kind == SqlTokenKind.RightParen)
            {
                _cursor.Advance();
                break;
            }

            if (token.IsName || token.Kind == SqlTokenKind.Keyword)
            {
                names.Add(token.Value ?? string.Empty);
                _cursor.Advance();
            }

            SkipToItemEnd();
            _cursor.TryTake(SqlTokenKind.Comma);
        }

        return names;
    }

    /// <summary>Skips to the comma or closing parenthesis that ends the current list item.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void SkipToItemEnd()
    {
        while (_cursor.Current.Kind is not (SqlTokenKind.Comma or SqlTokenKind.RightParen or SqlTokenKind.EndOfInput))
        {
            _cursor.SkipBalanced();
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadExpressionList(ExpressionContext context)
    {
        do
        {
            WalkExpression(context, StopSet.Clause);
        }
        while (_cursor.TryTake(SqlTokenKind.Comma));
    }

    /// <summary><c>WINDOW w AS (...), ...</c></summary>
    private void ReadWindowClause(ExpressionContext context)
    {
        do
        {
            if (_cursor.Current.IsName)
            {
                _cursor.Advance();
            }

            _cursor.TryTake("as");
            if (_cursor.Is(SqlTokenKind.LeftParen))
            {
                WalkWindow(context);
            }
        }
        while (_cursor.TryTake(SqlTokenKind.Comma));
    }

    /// <summary>One SELECT: its scope, the aliases its select list gives, and its output column names.</summary>
    private sealed class SelectCore
    {
        public SelectCore(SqlScope scope) => Scope = scope;

        public SqlScope Scope { get; }

        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);

        public List<string>? Outputs { get; set; }
    }
}
