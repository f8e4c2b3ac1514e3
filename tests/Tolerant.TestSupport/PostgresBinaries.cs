using System;
using System.IO;
using System.Linq;

namespace Tolerant.TestSupport;

/// <summary>Finds the folder holding <c>initdb</c> and <c>pg_ctl</c>.</summary>
internal static class PostgresBinaries
{
    /// <summary>Where Debian and Ubuntu install one <c>VERSION/bin</c> folder per server version.</summary>
    public const string InstallRoot = "/usr/lib/postgresql";

    private static readonly string[] RequiredTools = ["initdb", "pg_ctl"];

    /// <summary>
    /// <paramref name="binDirectory"/> when given, otherwise the newest <c>/usr/lib/postgresql/*/bin</c>; either
    /// way it must hold every tool we run.
    /// </summary>
    /// <exception cref="PostgresUnavailableException">No such folder has the tools.</exception>
    public static string Locate(string? binDirectory)
    {
        if (binDirectory is not null)
        {
            string full = Path.GetFullPath(binDirectory);
            string? missing = RequiredTools.FirstOrDefault(tool => !File.Exists(Path.Combine(full, tool)));
            if (missing is not null)
            {
                throw new PostgresUnavailableException($"there is no {missing} in {full}");
            }

            return full;
        }

        string? newest = Directory.Exists(InstallRoot)
            ? Directory.EnumerateDirectories(InstallRoot)
                .Select(folder => (Version: ParseVersion(Path.GetFileName(folder)), Bin: Path.Combine(folder, "bin")))
                .Where(candidate => candidate.Version is not null
                    && RequiredTools.All(tool => File.Exists(Path.Combine(candidate.Bin, tool))))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;

        return newest ?? throw new PostgresUnavailableException(
            $"no PostgreSQL server binaries (initdb, pg_ctl) under {InstallRoot}/*/bin");
    }

    // Folder names are "15" or, before PostgreSQL 10, "9.6"; Version wants at least two parts.
    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out Version? version)
            ? version
            : null;
}
