using System.Runtime.CompilerServices;

namespace Tolerant.Generators.Sql;

/// <summary>Type names after <c>::</c>: skipped whole, since no part of a type is a column.</summary>
internal sealed partial class SqlResolver
{
    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    /// <summary>
    /// Skips a type name: <c>int</c>, <c>pg_catalog.int4</c>, <c>"MyType"</c>, <c>varchar(10)[]</c>,
    /// <c>double precision</c>, <c>character varying</c>, <c>timestamp(3) with time zone</c>, <c>interval day to second</c>.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)]
    private void SkipTypeName()
    {
        _cursor.TryTake("setof");
        var last = SkipTypeWords();
        if (last is null)
        {
            return;
        }

        switch (last)
        {
            case "double":
                _cursor.TryTake("precision");
                break;
            case "character" or "char" or "national" or "nchar":
                if (!_cursor.TryTake("character"))
                {
                    _cursor.TryTake("char");
                }

                _cursor.TryTake("varying");
                break;
            case "bit":
                _cursor.TryTake("varying");
                break;
        }

        if (_cursor.Is(SqlTokenKind.LeftParen))
        {
            _cursor.SkipBalanced();
        }

        if (last is "time" or "timestamp" && (_cursor.Is("with") || _cursor.Is("without")) && _cursor.Is("time", 1) && _cursor.Is("zone", 2))
        {
            _cursor.Advance(3);
        }
        else if (last == "interval")
        {
            SkipIntervalFields();
        }

        while (_cursor.Is(SqlTokenKind.LeftBracket) || _cursor.Is("array"))
        {
            _cursor.Advance();
            if (_cursor.Previous.Kind == SqlTokenKind.LeftBracket)
            {
                _cursor.SkipToClose();
            }
        }
    }

    /// <summary>Skips a possibly qualified type name; returns its last word, or null when there is none.</summary>
    private string? SkipTypeWords()
    {
        string? last = null;
        while (_cursor.Current.IsName || _cursor.Current.Kind == SqlTokenKind.Keyword)
        {
            last = _cursor.Current.Value;
            _cursor.Advance();
            if (!_cursor.Is(SqlTokenKind.Dot))
            {
                break;
            }

            _cursor.Advance();
        }

        return last;
    }

    /// <summary>The fields that may follow <c>interval</c>: <c>YEAR TO MONTH</c>, <c>DAY TO SECOND(3)</c>.</summary>
    private void SkipIntervalFields()
    {
        while (_cursor.Is("year") || _cursor.Is("month") || _cursor.Is("day") || _cursor.Is("hour") ||
               _cursor.Is("minute") || _cursor.Is("second") || _cursor.Is("to"))
        {
            _cursor.Advance();
            if (_cursor.Is(SqlTokenKind.LeftParen))
            {
                _cursor.SkipBalanced();
            }
        }
    }
}
