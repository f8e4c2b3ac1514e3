using System;
using System.Globalization;
using System.IO;

namespace Tolerant.Benchmarks.Infrastructure;

/// <summary>
/// Carries the catalog-query counts out of BenchmarkDotNet's child processes: each writes one small file into the
/// folder <see cref="FolderVariable"/> names, and <see cref="CatalogQueriesColumn"/> reads them in the host when it
/// prints the summary.
/// </summary>
internal static class CatalogQueryLog
{
    public const string FolderVariable = "TOLERANT_BENCH_LOG";

    public static void Write(Type type, string method, long operations, long catalogQueries)
    {
        if (Folder() is { } folder)
        {
            File.WriteAllText(PathFor(folder, type, method), string.Create(CultureInfo.InvariantCulture, $"{operations} {catalogQueries}"));
        }
    }

    public static (long Operations, long CatalogQueries)? Read(Type type, string method)
    {
        if (Folder() is not { } folder || !File.Exists(PathFor(folder, type, method)))
        {
            return null;
        }

        var parts = File.ReadAllText(PathFor(folder, type, method)).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string? Folder() => Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : null;

    private static string PathFor(string folder, Type type, string method) => Path.Combine(folder, $"{type.Name}.{method}.txt");
}
