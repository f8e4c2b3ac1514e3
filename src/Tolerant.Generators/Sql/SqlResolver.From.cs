using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>FROM lists: tables, CTE references, subqueries, functions, joins and aliases.</summary>
internal sealed partial class SqlResolver
{
    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    private void ReadFromList(SqlScope scope)
    {
        do
        {
            var joinStart = scope.Sources.Count;
            ReadFromItem(scope);
            ReadJoins(scope, joinStart);
        }
        while (_cursor.TryTake(SqlTokenKind.Comma));
    }

    /// <summary>Joins onto the items from <paramref name="joinStart"/>, which a <c>USING</c> column is read from.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void ReadJoins(SqlScope scope, int joinStart)
    {
        while (TryReadJoinKeyword())
        {
            ReadFromItem(scope);
            if (_cursor.TryTake("on"))
            {
                WalkExpression(new ExpressionContext(scope, SqlClause.JoinOn), StopSet.Clause);
            }
            else if (_cursor.Is("using") && _cursor.Is(SqlTokenKind.LeftParen, 1))
            {
                _cursor.Advance();
                ReadUsingColumns(scope.Sources.Skip(joinStart).ToList());
                if (_cursor.TryTake("as") && _cursor.Current.IsName)
                {
                    _cursor.Advance();
                }
            }
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private bool TryReadJoinKeyword()
    {
        var start = _cursor.Position;
        _cursor.TryTake("natural");
        if (!_cursor.TryTake("cross") && !_cursor.TryTake("inner") &&
            (_cursor.TryTake("left") || _cursor.TryTake("right") || _cursor.TryTake("full")))
        {
            _cursor.TryTake("outer");
        }

        if (_cursor.TryTake("join"))
        {
            return true;
        }

        _cursor.Position = start;
        return false;
    }

    private void ReadUsingColumns(IReadOnlyList<SqlSource> sources)
    {
        _cursor.Advance();
        while (!_cursor.AtEnd)
        {
            var token = _cursor.Current;
            if (token.Kind == SqlTokenKind.RightParen)
            {
                _cursor.Advance();
                return;
            }

            if (token.IsName)
            {
                _builder.AddJoinColumn(token, sources);
                _cursor.Advance();
            }

            SkipToItemEnd();
            _cursor.TryTake(SqlTokenKind.Comma);
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadFromItem(SqlScope scope)
    {
        var lateral = _cursor.TryTake("lateral");
        _cursor.TryTake("only");
        var token = _cursor.Current;
        if (token.Kind == SqlTokenKind.LeftParen)
        {
            var inner = _cursor.Peek(1);
            if (inner.IsWord("select") || inner.IsWord("values") || inner.IsWord("with") || inner.IsWord("table"))
            {
                ReadDerivedTable(scope, lateral);
            }
            else
            {
                ReadParenthesizedFromList(scope);
            }

            return;
        }

        if (token.IsWord("rows") && _cursor.Is("from", 1) && _cursor.Is(SqlTokenKind.LeftParen, 2))
        {
            _cursor.Advance(2);
            var before = ScopeSoFar(scope);
            var rowsFrom = AddSource(scope, SqlTableKind.Function, SqlTableUsage.Read, null, "rows from", token.Start, _cursor.Previous.End - token.Start);
            WalkParenthesized(new ExpressionContext(before, SqlClause.From), functionName: null);
            ReadFunctionTail(rowsFrom);
            return;
        }

        if (!token.IsName && !token.IsParameter && !(token.Kind == SqlTokenKind.Keyword && _cursor.Is(SqlTokenKind.LeftParen, 1)))
        {
            return;
        }

        var chain = ReadNameChain()!;
        if (_cursor.Is(SqlTokenKind.LeftParen) && !chain.Last.IsDynamic)
        {
            // A function's arguments see the items before it, as if LATERAL.
            var before = ScopeSoFar(scope);
            var function = AddSource(scope, SqlTableKind.Function, SqlTableUsage.Read, chain.FromEnd(1)?.Text, chain.Last.Text, chain.Start, chain.End - chain.Start);
            WalkParenthesized(new ExpressionContext(before, SqlClause.From), chain.Last.Text);
            ReadFunctionTail(function);
            return;
        }

        var source = AddTableSource(scope, chain, SqlTableUsage.Read);
        if (_cursor.Current.IsOperator("*"))
        {
            _cursor.Advance();
        }

        ReadAlias(source, allowBare: true);
        if (_cursor.TryTake("tablesample"))
        {
            ReadNameChain();
            _cursor.SkipBalanced();
            if (_cursor.TryTake("repeatable"))
            {
                _cursor.SkipBalanced();
            }
        }
    }

    /// <summary>What a LATERAL item sees: the items of <paramref name="scope"/> read so far, and the enclosing queries.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private static SqlScope ScopeSoFar(SqlScope scope)
    {
        var visible = new SqlScope(scope.Parent);
        foreach (var source in scope.Sources)
        {
            visible.Add(source);
        }

        return visible;
    }

    /// <summary>A table (or CTE, or unknown parameter) named by <paramref name="chain"/>.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private SqlSource AddTableSource(SqlScope scope, NameChain chain, SqlTableUsage usage)
    {
        var name = chain.Last;

        // A schema that is a parameter (schema-per-tenant: {tenant}.user_sessions) is as unknown as no schema.
        var schema = chain.FromEnd(1) is { IsDynamic: false } schemaPart ? schemaPart.Text : null;
        var kind = SqlTableKind.Table;
        List<string>? cteColumns = null;
        if (name.IsDynamic)
        {
            kind = SqlTableKind.Parameter;
        }
        else if (schema is null && usage == SqlTableUsage.Read && SqlScope.TryFindCte(scope, name.Text, out cteColumns))
        {
            kind = SqlTableKind.Cte;
        }

        var source = AddSource(scope, kind, usage, schema, name.Text, chain.Start, chain.End - chain.Start);
        source.OutputColumns = cteColumns is null ? null : new List<string>(cteColumns);
        return source;
    }

    /// <summary><c>(SELECT ...) [AS] alias [(columns)]</c>; LATERAL lets it see the items before it.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void ReadDerivedTable(SqlScope scope, bool lateral)
    {
        var open = _cursor.Current;
        var kind = _cursor.Is("values", 1) ? SqlTableKind.Values : SqlTableKind.Subquery;
        var sees = lateral ? ScopeSoFar(scope) : scope.Parent;
        var source = AddSource(scope, kind, SqlTableUsage.Read, null, null, open.Start, open.Length);
        if (TryEnter())
        {
            try
            {
                _cursor.Advance();
                source.OutputColumns = ReadQuery(sees);
                _cursor.SkipToClose();
            }
            finally
            {
                Leave();
            }
        }
        else
        {
            _cursor.SkipBalanced();
        }

        source.Length = _cursor.Previous.End - open.Start;
        ReadAlias(source, allowBare: true);
    }

    /// <summary><c>(a JOIN b ON ...) [AS j]</c>, or extra parentheses around one item: <c>((SELECT ...)) AS s</c>.</summary>
    private void ReadParenthesizedFromList(SqlScope scope)
    {
        var first = scope.Sources.Count;
        if (!TryEnter())
        {
            _cursor.SkipBalanced();
            return;
        }

        try
        {
            _cursor.Advance();
            ReadFromList(scope);
            _cursor.SkipToClose();
        }
        finally
        {
            Leave();
        }

        if (scope.Sources.Count == first + 1 && scope.Sources[first].Alias is null)
        {
            ReadAlias(scope.Sources[first], allowBare: true);
        }
        else
        {
            // The alias of a join hides the names inside it; this reader keeps them visible.
            ReadAlias(new SqlSource(SqlTableKind.Subquery, SqlTableUsage.Read, null, null, 0, 0), allowBare: true);
        }
    }

    /// <summary><c>[WITH ORDINALITY] [AS] alias [(columns or column definitions)]</c> after a function in FROM.</summary>
    private void ReadFunctionTail(SqlSource function)
    {
        if (_cursor.Is("with") && _cursor.Is("ordinality", 1))
        {
            _cursor.Advance(2);
        }

        ReadAlias(function, allowBare: true);
        if (function.Alias is null && _cursor.Is("as") && _cursor.Is(SqlTokenKind.LeftParen, 1))
        {
            // json_to_record(...) AS (a int, b text)
            _cursor.Advance();
            function.OutputColumns = ReadNameList();
        }
    }

    /// <summary>
    /// Reads <c>[AS] alias [(columns)]</c> onto <paramref name="source"/>. A bare alias must be an identifier and not
    /// the <c>SET</c> that follows an UPDATE target.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private void ReadAlias(SqlSource source, bool allowBare, bool allowColumns = true)
    {
        var token = _cursor.Current;
        if (token.IsWord("as") && (_cursor.Peek(1).IsName || _cursor.Peek(1).Kind == SqlTokenKind.Keyword))
        {
            _cursor.Advance();
            token = _cursor.Current;
        }
        else if (!allowBare || !token.IsName || token.IsWord("set"))
        {
            return;
        }

        source.Alias = token.Value;
        _cursor.Advance();
        if (allowColumns && _cursor.Is(SqlTokenKind.LeftParen))
        {
            source.OutputColumns = ReadNameList();
        }
    }
}
