using System;
using Tolerant;

namespace SessionService;

/// <summary>
/// Placeholder until the session service is rebuilt on the runtime: prints the model the generator built for
/// <see cref="UserSession"/>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var table = Definition<UserSession>();
        Console.WriteLine($"{table.DisplayName}: {table.Columns.Count} mapped columns");
        foreach (var column in table.Columns)
        {
            var optional = column.IsOptional
                ? $"  optional since {column.Since}, reads {column.DefaultSql ?? "NULL"} while missing"
                : string.Empty;
            Console.WriteLine($"  {column.Ordinal}: {column.QuotedName} {column.TypeName} <- {column.PropertyName}{optional}");
        }

        Console.WriteLine($"UserSession.Columns.IsActive is {UserSession.Columns.IsActive}");
        return 0;
    }

    private static TableDefinition<T> Definition<T>()
        where T : ISqlTable<T> => T.Definition;
}
