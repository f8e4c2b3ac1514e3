using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>WITH clauses: the CTEs a statement defines, and the tables their names hide.</summary>
internal sealed partial class SqlResolver
{
    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary><c>WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (statement), ...</c></summary>
    [MethodImpl((MethodImplOptions)512)]
    private SqlScope ReadWith(SqlScope? parent)
    {
        // The CTEs live in a scope of their own, with no FROM items, so their bodies see nothing of the main query.
        var scope = new SqlScope(parent);
        _cursor.Advance();
        var recursive = _cursor.TryTake("recursive");
        while (_cursor.Current.IsName)
        {
            var name = _cursor.Current.Value ?? string.Empty;
            _cursor.Advance();
            var columns = _cursor.Is(SqlTokenKind.LeftParen) ? ReadNameList() : null;
            _cursor.TryTake("as");
            _cursor.TryTake("not");
            _cursor.TryTake("materialized");
            if (recursive)
            {
                scope.DefineCte(name, columns);
            }

            if (_cursor.Is(SqlTokenKind.LeftParen))
            {
                var bodyColumns = ReadCteBody(scope);
                columns ??= bodyColumns;
            }

            scope.DefineCte(name, columns);
            SkipSearchAndCycle();
            if (!_cursor.TryTake(SqlTokenKind.Comma))
            {
                break;
            }
        }

        return scope;
    }

    [MethodImpl((MethodImplOptions)512)]
    private List<string>? ReadCteBody(SqlScope scope)
    {
        if (!TryEnter())
        {
            _cursor.SkipBalanced();
            return null;
        }

        try
        {
            _cursor.Advance();
            ReadStatement(scope, out var outputs);
            _cursor.SkipToClose();
            return outputs;
        }
        finally
        {
            Leave();
        }
    }

    /// <summary><c>SEARCH ... SET col</c> and <c>CYCLE ... USING col</c> after a recursive CTE: no columns of a table.</summary>
    private void SkipSearchAndCycle()
    {
        while (_cursor.Is("search") || _cursor.Is("cycle"))
        {
            _cursor.Advance();
            while (!_cursor.AtEnd && !_cursor.Is(SqlTokenKind.Comma) && !_cursor.Is(SqlTokenKind.LeftParen) &&
                   !IsQueryStart() && !_cursor.Is("insert") && !_cursor.Is("update") && !_cursor.Is("delete") &&
                   !_cursor.Is("merge") && !_cursor.Is("search") && !_cursor.Is("cycle"))
            {
                _cursor.Advance();
            }
        }
    }
}
