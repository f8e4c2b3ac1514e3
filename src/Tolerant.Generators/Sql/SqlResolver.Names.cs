using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>Dotted names (<c>schema.table</c>, <c>alias.column</c>, <c>t.*</c>) and the parameters that may stand in them.</summary>
internal sealed partial class SqlResolver
{
    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary>
    /// Reads one part of a name. An <c>@</c> parameter glued to a name (<c>sessions_@__hole0</c>, an interpolation
    /// hole inside an identifier) makes one part whose name is unknown: <see cref="NamePart.IsDynamic"/>, its text as
    /// written. (A <c>:name</c> glued to a name is not a hole but a slice, as in <c>a[lo:hi]</c>.)
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private NamePart ReadNamePart()
    {
        var first = _cursor.Current;
        _cursor.Advance();
        var end = first.End;
        var isDynamic = first.IsParameter;
        while (true)
        {
            var next = _cursor.Current;
            var glues = next.Start == end && (isDynamic || IsHole(next)) &&
                        (next.IsAnyWord || next.IsParameter || next.Kind == SqlTokenKind.Number);
            if (!glues)
            {
                break;
            }

            isDynamic = true;
            end = next.End;
            _cursor.Advance();
        }

        var text = isDynamic ? _sql.Substring(first.Start, end - first.Start) : first.Value ?? string.Empty;
        return new NamePart(first, text, isDynamic);
    }

    private static bool IsHole(SqlToken token) => token.Kind == SqlTokenKind.NamedParameter && token.Value?.Length > 0 && token.Value[0] == '@';

    /// <summary>Reads <c>a</c>, <c>a.b</c>, <c>a.b.c</c> or <c>a.*</c> at the cursor; null when no name starts there.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private NameChain? ReadNameChain()
    {
        var first = _cursor.Current;
        if (!first.IsName && !first.IsParameter && first.Kind != SqlTokenKind.Keyword)
        {
            return null;
        }

        var chain = new NameChain(first.Start);
        chain.Parts.Add(ReadNamePart());
        while (_cursor.Is(SqlTokenKind.Dot))
        {
            var next = _cursor.Peek(1);
            if (next.IsName || next.IsParameter || next.Kind == SqlTokenKind.Keyword)
            {
                _cursor.Advance();
                chain.Parts.Add(ReadNamePart());
            }
            else
            {
                if (next.IsOperator("*"))
                {
                    _cursor.Advance(2);
                    chain.Star = next;
                }

                break;
            }
        }

        chain.End = _cursor.Previous.End;
        return chain;
    }

    /// <summary>One part of a dotted name.</summary>
    private sealed class NamePart
    {
        public NamePart(SqlToken token, string text, bool isDynamic)
        {
            Token = token;
            Text = text;
            IsDynamic = isDynamic;
        }

        /// <summary>Its first token; for a static part the only one.</summary>
        public SqlToken Token { get; }

        /// <summary>The normalized name, or for a dynamic part its text as written.</summary>
        public string Text { get; }

        public bool IsDynamic { get; }
    }

    private sealed class NameChain
    {
        public NameChain(int start) => Start = start;

        public List<NamePart> Parts { get; } = new();

        /// <summary>The <c>*</c> of <c>t.*</c>; null when the chain names something.</summary>
        public SqlToken? Star { get; set; }

        public int Start { get; }

        public int End { get; set; }

        public NamePart Last => Parts[Parts.Count - 1];

        public bool IsDynamic => Parts.Exists(part => part.IsDynamic);

        /// <summary>The part <paramref name="offset"/> places before the last (0 is the last); null when there is none.</summary>
        public NamePart? FromEnd(int offset) => offset < Parts.Count ? Parts[Parts.Count - 1 - offset] : null;
    }
}
