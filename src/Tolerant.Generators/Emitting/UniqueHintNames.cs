using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Emitting;

/// <summary>
/// Gives every table a hint name no other table has. Hint names are compared without regard to case, so
/// <c>Shop.Order</c> and <c>Shop.ORDER</c> would collide and fail the whole generator; the later one, in ordinal
/// order of full names, gets a numeric suffix.
/// </summary>
internal static class UniqueHintNames
{
    public static ImmutableArray<NamedTable> Assign(ImmutableArray<TableModel?> tables)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var named = ImmutableArray.CreateBuilder<NamedTable>(tables.Length);
        foreach (var table in tables.Where(t => t is not null).OrderBy(t => t!.FullyQualifiedName, StringComparer.Ordinal))
        {
            var hint = table!.HintName;
            var stem = hint.Substring(0, hint.Length - ".g.cs".Length);
            for (var n = 2; !taken.Add(hint); n++)
            {
                hint = $"{stem}.{n}.g.cs";
            }

            named.Add(new NamedTable(table, hint));
        }

        return named.ToImmutable();
    }
}
