using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Sql;

/// <summary>
/// Reads each statement of a PostgreSQL text far enough to tell which tables it names and which columns of them.
/// It is not a full parser: it follows the clause structure of SELECT, VALUES, INSERT, UPDATE, DELETE, MERGE and COPY
/// and skips what it does not know. Every loop consumes a token or stops, and nesting deeper than
/// <see cref="MaxDepth"/> is skipped unread, so any input ends quickly and nothing throws.
/// </summary>
/// <remarks>
/// The parts live in partial files: statements here; then WITH, queries, FROM, data changes, expressions, bracketed
/// groups, names and types.
/// </remarks>
internal sealed partial class SqlResolver
{
    /// <summary>Parentheses and subqueries nested deeper than this are skipped rather than read.</summary>
    public const int MaxDepth = 48;

    private readonly string _sql;
    private readonly SqlTokenCursor _cursor;
    private readonly SqlStatementBuilder _builder = new();
    private int _depth;

    private SqlResolver(string sql, SqlToken[] tokens, int start, int end)
    {
        _sql = sql;
        _cursor = new SqlTokenCursor(tokens, start, end, sql.Length);
    }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    public static SqlAnalysis Analyze(string sql)
    {
        // Comments are dropped in place: the statements are then consecutive ranges of one array, split at top-level
        // semicolons, and no token is copied into a list per statement.
        var statements = ImmutableArray.CreateBuilder<SqlStatement>();
        var tokens = SqlLexer.Tokenize(sql, out var count);
        var kept = 0;
        var statementStart = 0;
        var depth = 0;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            if (token.IsComment)
            {
                continue;
            }

            if (token.Kind == SqlTokenKind.Semicolon && depth == 0)
            {
                AddStatement(statements, sql, tokens, statementStart, kept);
                statementStart = kept;
                continue;
            }

            depth += token.Kind switch
            {
                SqlTokenKind.LeftParen => 1,
                SqlTokenKind.RightParen when depth > 0 => -1,
                _ => 0,
            };
            tokens[kept++] = token;
        }

        AddStatement(statements, sql, tokens, statementStart, kept);
        return new SqlAnalysis(sql, new EquatableArray<SqlStatement>(statements.ToImmutable()));
    }

    [MethodImpl((MethodImplOptions)512)]
    private static void AddStatement(ImmutableArray<SqlStatement>.Builder statements, string sql, SqlToken[] tokens, int start, int end)
    {
        if (start == end)
        {
            return;
        }

        var resolver = new SqlResolver(sql, tokens, start, end);
        var kind = resolver.ReadStatement(parent: null, out _);
        var textStart = tokens[start].Start;
        statements.Add(resolver._builder.Build(kind, textStart, tokens[end - 1].End - textStart));
    }

    /// <summary>
    /// Reads one statement, or the body of a CTE, in <paramref name="parent"/>; reports the columns it outputs
    /// (its select list or RETURNING list) when the text tells them.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private SqlStatementKind ReadStatement(SqlScope? parent, out List<string>? outputColumns)
    {
        outputColumns = null;
        SkipExplain();
        var scope = _cursor.Is("with") ? ReadWith(parent) : parent;
        var first = _cursor.Current;
        if (first.IsWord("insert"))
        {
            outputColumns = ReadInsert(scope);
            return SqlStatementKind.Insert;
        }

        if (first.IsWord("update"))
        {
            outputColumns = ReadUpdate(scope);
            return SqlStatementKind.Update;
        }

        if (first.IsWord("delete"))
        {
            outputColumns = ReadDelete(scope);
            return SqlStatementKind.Delete;
        }

        if (first.IsWord("merge"))
        {
            outputColumns = ReadMerge(scope);
            return SqlStatementKind.Merge;
        }

        if (first.IsWord("copy"))
        {
            ReadCopy();
            return SqlStatementKind.Copy;
        }

        if (first.IsWord("truncate"))
        {
            ReadTruncate();
            return SqlStatementKind.Truncate;
        }

        if ((first.IsWord("prepare") || first.IsWord("declare") || first.IsWord("create")) && SkipToEmbeddedStatement())
        {
            // PREPARE p AS ..., DECLARE c CURSOR FOR ..., CREATE VIEW v AS ...: read the statement they hold.
            return ReadStatement(parent, out outputColumns);
        }

        if (IsQueryStart())
        {
            var kind = first.IsWord("values") ? SqlStatementKind.Values : SqlStatementKind.Select;
            outputColumns = ReadQuery(scope);
            return kind;
        }

        return SqlStatementKind.Other;
    }

    [MethodImpl((MethodImplOptions)512)]
    private void SkipExplain()
    {
        while (_cursor.TryTake("explain"))
        {
            if (_cursor.Is(SqlTokenKind.LeftParen))
            {
                _cursor.SkipBalanced();
            }

            while (_cursor.Is("analyze") || _cursor.Is("analyse") || _cursor.Is("verbose"))
            {
                _cursor.Advance();
            }
        }
    }

    /// <summary>Moves to the statement after a top-level <c>AS</c> or <c>FOR</c>; false (and no move) when there is none.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private bool SkipToEmbeddedStatement()
    {
        var start = _cursor.Position;
        while (!_cursor.AtEnd)
        {
            var isIntroducer = _cursor.Is("as") || _cursor.Is("for");
            _cursor.SkipBalanced();
            if (isIntroducer && (IsQueryStart() || _cursor.Is("insert") || _cursor.Is("update") || _cursor.Is("delete") || _cursor.Is("merge")))
            {
                return true;
            }
        }

        _cursor.Position = start;
        return false;
    }

    /// <summary>Whether a query (SELECT, VALUES, TABLE, WITH, or one in parentheses) starts at the current token.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private bool IsQueryStart(int offset = 0)
    {
        while (_cursor.Is(SqlTokenKind.LeftParen, offset))
        {
            offset++;
        }

        var token = _cursor.Peek(offset);
        return token.IsWord("select") || token.IsWord("values") || token.IsWord("with") || token.IsWord("table");
    }

    /// <summary>Counts one level of nesting; false (and nothing counted) when too deep to read.</summary>
    private bool TryEnter()
    {
        if (_depth >= MaxDepth)
        {
            return false;
        }

        _depth++;
        return true;
    }

    private void Leave() => _depth--;

    [MethodImpl((MethodImplOptions)512)]
    private SqlSource AddSource(SqlScope? scope, SqlTableKind kind, SqlTableUsage usage, string? schema, string? name, int start, int length)
    {
        var source = new SqlSource(kind, usage, schema, name, start, length);
        _builder.AddSource(source);
        scope?.Add(source);
        return source;
    }
}
