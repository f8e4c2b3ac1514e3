using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>Statements that change data: INSERT, UPDATE, DELETE, MERGE, and COPY.</summary>
internal sealed partial class SqlResolver
{
    /// <summary>
    /// <c>INSERT INTO t [AS a] [(columns)] {VALUES ... | query | DEFAULT VALUES} [ON CONFLICT ...] [RETURNING ...]</c>.
    /// The rows and the query see no table of the INSERT; ON CONFLICT sees the target and <c>excluded</c>.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadInsert(SqlScope? parent)
    {
        _cursor.Advance();
        _cursor.TryTake("into");
        var targetScope = new SqlScope(parent);
        var target = ReadTarget(targetScope, SqlTableUsage.Insert);
        if (target is not null && _cursor.Is("as") && _cursor.Peek(1).IsName)
        {
            _cursor.Advance();
            target.Alias = _cursor.Current.Value;
            _cursor.Advance();
        }

        if (_cursor.Is(SqlTokenKind.LeftParen) && !IsQueryStart())
        {
            ReadTargetColumns(target, SqlClause.InsertColumn);
        }

        SkipOverriding();
        if (_cursor.Is("default") && _cursor.Is("values", 1))
        {
            _cursor.Advance(2);
        }
        else if (IsQueryStart())
        {
            ReadQuery(parent);
        }

        if (_cursor.Is("on") && _cursor.Is("conflict", 1))
        {
            _cursor.Advance(2);
            ReadOnConflict(parent, targetScope, target);
        }

        return ReadReturning(targetScope, target);
    }

    private void SkipOverriding()
    {
        if (_cursor.TryTake("overriding"))
        {
            _cursor.Advance();
            _cursor.TryTake("value");
        }
    }

    private void ReadOnConflict(SqlScope? parent, SqlScope targetScope, SqlSource? target)
    {
        if (_cursor.Is(SqlTokenKind.LeftParen))
        {
            var context = new ExpressionContext(targetScope, SqlClause.ConflictTarget);
            WalkParenthesized(context, functionName: null);
            if (_cursor.TryTake("where"))
            {
                WalkExpression(context, StopSet.Clause);
            }
        }
        else if (_cursor.Is("on") && _cursor.Is("constraint", 1))
        {
            _cursor.Advance(2);
            ReadNameChain();
        }

        if (!_cursor.TryTake("do") || !_cursor.Is("update") || !_cursor.Is("set", 1))
        {
            return;
        }

        _cursor.Advance(2);
        var scope = new SqlScope(parent);
        if (target is not null)
        {
            scope.Add(target);
            scope.AddName("excluded", target);
        }

        ReadSetList(scope, target);
        ReadWhere(scope);
    }

    /// <summary><c>UPDATE [ONLY] t [[AS] a] SET ... [FROM ...] [WHERE ...] [RETURNING ...]</c></summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadUpdate(SqlScope? parent)
    {
        _cursor.Advance();
        _cursor.TryTake("only");
        var scope = new SqlScope(parent);
        var target = ReadTarget(scope, SqlTableUsage.Update);
        if (_cursor.TryTake("set"))
        {
            ReadSetList(scope, target);
        }

        if (_cursor.TryTake("from"))
        {
            ReadFromList(scope);
        }

        ReadWhere(scope);
        return ReadReturning(scope, target);
    }

    /// <summary><c>DELETE FROM [ONLY] t [[AS] a] [USING ...] [WHERE ...] [RETURNING ...]</c></summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadDelete(SqlScope? parent)
    {
        _cursor.Advance();
        _cursor.TryTake("from");
        _cursor.TryTake("only");
        var scope = new SqlScope(parent);
        var target = ReadTarget(scope, SqlTableUsage.Delete);
        if (_cursor.TryTake("using"))
        {
            ReadFromList(scope);
        }

        ReadWhere(scope);
        return ReadReturning(scope, target);
    }

    /// <summary>
    /// <c>MERGE INTO t [[AS] a] USING source ON ... WHEN [NOT] MATCHED [AND ...] THEN {UPDATE SET ... | DELETE |
    /// INSERT ... | DO NOTHING} ... [RETURNING ...]</c>
    /// </summary>
    private List<string>? ReadMerge(SqlScope? parent)
    {
        _cursor.Advance();
        _cursor.TryTake("into");
        _cursor.TryTake("only");
        var scope = new SqlScope(parent);
        var target = ReadTarget(scope, SqlTableUsage.Merge);
        if (_cursor.TryTake("using"))
        {
            var joinStart = scope.Sources.Count;
            ReadFromItem(scope);
            ReadJoins(scope, joinStart);
        }

        if (_cursor.TryTake("on"))
        {
            WalkExpression(new ExpressionContext(scope, SqlClause.MergeOn), StopSet.Clause);
        }

        while (_cursor.TryTake("when"))
        {
            ReadMergeAction(scope, target);
            while (!_cursor.AtEnd && !_cursor.Is("when") && !_cursor.Is("returning"))
            {
                _cursor.SkipBalanced();
            }
        }

        return ReadReturning(scope, target);
    }

    private void ReadMergeAction(SqlScope scope, SqlSource? target)
    {
        _cursor.TryTake("not");
        _cursor.TryTake("matched");
        if (_cursor.Is("by") && (_cursor.Is("source", 1) || _cursor.Is("target", 1)))
        {
            _cursor.Advance(2);
        }

        if (_cursor.TryTake("and"))
        {
            WalkExpression(new ExpressionContext(scope, SqlClause.MergeCondition), StopSet.Clause);
        }

        _cursor.TryTake("then");
        if (_cursor.Is("update") && _cursor.Is("set", 1))
        {
            _cursor.Advance(2);
            ReadSetList(scope, target);
        }
        else if (_cursor.TryTake("insert"))
        {
            if (_cursor.Is(SqlTokenKind.LeftParen))
            {
                ReadTargetColumns(target, SqlClause.InsertColumn);
            }

            SkipOverriding();
            if (_cursor.TryTake("values"))
            {
                var context = new ExpressionContext(scope, SqlClause.Values);
                while (_cursor.Is(SqlTokenKind.LeftParen))
                {
                    WalkParenthesized(context, functionName: null);
                }
            }
        }
    }

    /// <summary><c>COPY t [(columns)] FROM/TO ...</c> or <c>COPY (query) TO ...</c>.</summary>
    private void ReadCopy()
    {
        _cursor.Advance();
        if (_cursor.Is(SqlTokenKind.LeftParen))
        {
            if (!TryEnter())
            {
                _cursor.SkipBalanced();
                return;
            }

            try
            {
                _cursor.Advance();
                ReadStatement(parent: null, out _);
                _cursor.SkipToClose();
            }
            finally
            {
                Leave();
            }

            return;
        }

        var target = ReadTarget(new SqlScope(null), SqlTableUsage.Copy);
        if (_cursor.Is(SqlTokenKind.LeftParen))
        {
            ReadTargetColumns(target, SqlClause.CopyColumn);
        }
    }

    /// <summary><c>TRUNCATE [TABLE] [ONLY] t [*], ...</c></summary>
    private void ReadTruncate()
    {
        _cursor.Advance();
        _cursor.TryTake("table");
        var scope = new SqlScope(null);
        do
        {
            _cursor.TryTake("only");
            if (ReadNameChain() is { } chain)
            {
                AddTableSource(scope, chain, SqlTableUsage.Delete);
            }

            if (_cursor.Current.IsOperator("*"))
            {
                _cursor.Advance();
            }
        }
        while (_cursor.TryTake(SqlTokenKind.Comma));
    }

    /// <summary>The table a statement changes, with its alias; null when no name follows.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private SqlSource? ReadTarget(SqlScope scope, SqlTableUsage usage)
    {
        if (ReadNameChain() is not { } chain)
        {
            return null;
        }

        var target = AddTableSource(scope, chain, usage);
        if (_cursor.Current.IsOperator("*"))
        {
            _cursor.Advance();
        }

        if (usage != SqlTableUsage.Insert && usage != SqlTableUsage.Copy)
        {
            ReadAlias(target, allowBare: true, allowColumns: false);
        }

        return target;
    }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary><c>(col, ...)</c>: columns that can only be <paramref name="target"/>'s.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void ReadTargetColumns(SqlSource? target, SqlClause clause)
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
                if (target is not null)
                {
                    _builder.AddTargetColumn(token, target, clause);
                }

                _cursor.Advance();
            }

            // A subscript or field of the column (col[1], col.field), or something unexpected.
            SkipToItemEnd();
            _cursor.TryTake(SqlTokenKind.Comma);
        }
    }

    /// <summary><c>col = value, (a, b) = (...), ...</c>: targets are the changed table's, values see the whole scope.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private void ReadSetList(SqlScope scope, SqlSource? target)
    {
        var values = new ExpressionContext(scope, SqlClause.SetValue);
        do
        {
            var token = _cursor.Current;
            if (token.Kind == SqlTokenKind.LeftParen)
            {
                ReadTargetColumns(target, SqlClause.SetTarget);
            }
            else if (token.IsName)
            {
                if (target is not null)
                {
                    _builder.AddTargetColumn(token, target, SqlClause.SetTarget);
                }

                _cursor.Advance();
                SkipTargetSubfields(values);
            }
            else
            {
                return;
            }

            if (_cursor.Current.IsOperator("="))
            {
                _cursor.Advance();
            }

            WalkExpression(values, StopSet.Clause);
        }
        while (_cursor.TryTake(SqlTokenKind.Comma));
    }

    /// <summary><c>.field</c> and <c>[subscript]</c> after a SET target.</summary>
    private void SkipTargetSubfields(ExpressionContext values)
    {
        while (true)
        {
            if (_cursor.Is(SqlTokenKind.Dot) && (_cursor.Peek(1).IsName || _cursor.Peek(1).Kind == SqlTokenKind.Keyword))
            {
                _cursor.Advance(2);
            }
            else if (_cursor.Is(SqlTokenKind.LeftBracket))
            {
                WalkBracketed(values);
            }
            else
            {
                return;
            }
        }
    }

    [MethodImpl((MethodImplOptions)512)]
    private void ReadWhere(SqlScope scope)
    {
        if (!_cursor.TryTake("where"))
        {
            return;
        }

        if (_cursor.Is("current") && _cursor.Is("of", 1))
        {
            _cursor.Advance(2);
            ReadNameChain();
            return;
        }

        WalkExpression(new ExpressionContext(scope, SqlClause.Where), StopSet.Clause);
    }

    /// <summary><c>RETURNING ...</c>, where <c>old</c> and <c>new</c> (PostgreSQL 18) also name the target.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadReturning(SqlScope scope, SqlSource? target)
    {
        if (!_cursor.TryTake("returning"))
        {
            return null;
        }

        if (_cursor.Is("with") && _cursor.Is(SqlTokenKind.LeftParen, 1))
        {
            _cursor.Advance();
            _cursor.SkipBalanced();
        }

        if (target is not null)
        {
            scope.AddName("old", target);
            scope.AddName("new", target);
        }

        return ReadSelectList(new ExpressionContext(scope, SqlClause.Returning), new HashSet<string>());
    }
}
