using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>
/// Walks the tokens of one statement, comments left out: the elements <c>[start, end)</c> of a token array.
/// Reading outside them gives <see cref="SqlTokenKind.EndOfInput"/>. <see cref="Position"/> is an index into the array.
/// </summary>
/// <remarks>
/// The tokens are a plain array, not a list behind an interface: optimized callers then index them inline, where an
/// interface call would reach a <c>List&lt;SqlToken&gt;</c> indexer the compiler process runs unoptimized.
/// </remarks>
internal sealed class SqlTokenCursor
{
    private readonly SqlToken[] _tokens;
    private readonly int _start;
    private readonly int _endIndex;
    private readonly SqlToken _end;

    public SqlTokenCursor(SqlToken[] tokens, int start, int end, int textLength)
    {
        _tokens = tokens;
        _start = start;
        _endIndex = end;
        _end = new SqlToken(SqlTokenKind.EndOfInput, textLength, 0);
        Position = start;
    }

    public int Position { get; set; }

    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    public bool AtEnd { [MethodImpl((MethodImplOptions)512)] get => Position >= _endIndex; }

    public SqlToken Current { [MethodImpl((MethodImplOptions)512)] get => Peek(0); }

    public SqlToken Previous { [MethodImpl((MethodImplOptions)512)] get => Peek(-1); }

    [MethodImpl((MethodImplOptions)512)]
    public SqlToken Peek(int offset)
    {
        var index = Position + offset;
        return index >= _start && index < _endIndex ? _tokens[index] : _end;
    }

    [MethodImpl((MethodImplOptions)512)]
    public bool Is(string word, int offset = 0) => Peek(offset).IsWord(word);

    [MethodImpl((MethodImplOptions)512)]
    public bool Is(SqlTokenKind kind, int offset = 0) => Peek(offset).Kind == kind;

    [MethodImpl((MethodImplOptions)512)]
    public void Advance(int count = 1) => Position = System.Math.Min(Position + count, _endIndex);

    [MethodImpl((MethodImplOptions)512)]
    public bool TryTake(string word)
    {
        if (!Is(word))
        {
            return false;
        }

        Advance();
        return true;
    }

    [MethodImpl((MethodImplOptions)512)]
    public bool TryTake(SqlTokenKind kind)
    {
        if (!Is(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Skips a bracketed group whole when at its opening bracket, else one token.</summary>
    [MethodImpl((MethodImplOptions)512)]
    public void SkipBalanced()
    {
        if (Current.Kind is not (SqlTokenKind.LeftParen or SqlTokenKind.LeftBracket))
        {
            Advance();
            return;
        }

        Advance();
        SkipToClose();
    }

    /// <summary>Skips to just past the bracket that closes one opened before the current token.</summary>
    [MethodImpl((MethodImplOptions)512)]
    public void SkipToClose()
    {
        var depth = 0;
        while (!AtEnd)
        {
            var kind = Current.Kind;
            Advance();
            if (kind is SqlTokenKind.LeftParen or SqlTokenKind.LeftBracket)
            {
                depth++;
            }
            else if (kind is SqlTokenKind.RightParen or SqlTokenKind.RightBracket && depth-- == 0)
            {
                return;
            }
        }
    }
}
