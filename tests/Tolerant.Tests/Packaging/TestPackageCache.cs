using System;
using System.IO;
using System.Linq;

namespace Tolerant.Tests.Packaging;

/// <summary>
/// Keeps the packaging tests from leaving anything behind: the package each run restores into the global NuGet
/// cache, and the temp folders, including those of a run that was killed before it could clean up.
/// </summary>
internal static class TestPackageCache
{
    /// <summary>The prefix of every version these tests pack; nothing else publishes one like it.</summary>
    public const string VersionPrefix = "0.1.0-test.";

    /// <summary>The prefix of the temp folders these tests create.</summary>
    public const string TempFolderPrefix = "tolerant-packaging-";

    /// <summary>Leftovers older than this belong to a dead run; younger ones may belong to a run in another worktree.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    /// <summary>A version no earlier run used, so the global cache can never serve a stale copy.</summary>
    public static string NewVersion() => VersionPrefix + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where restore extracts Tolerant's versions: <c>$NUGET_PACKAGES/tolerant</c> or <c>~/.nuget/packages/tolerant</c>.</summary>
    public static string TolerantFolder()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
        {
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        return Path.Combine(packages, "tolerant");
    }

    /// <summary>Removes one packed version from the global cache.</summary>
    public static void Evict(string version)
    {
        var folder = TolerantFolder();
        DeleteQuietly(Path.Combine(folder, version.ToLowerInvariant()));
        try
        {
            // Only when empty: another run, or a real Tolerant version, may be in it.
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run restored into it meanwhile.
        }
    }

    /// <summary>Removes what killed runs left: test versions in the cache and temp folders, older than a day.</summary>
    public static void SweepStale()
    {
        Sweep(TolerantFolder(), VersionPrefix);
        Sweep(Path.GetTempPath(), TempFolderPrefix);
    }

    /// <summary>Deletes a folder and everything in it; a leftover is not worth failing a test over.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's sweep.
        }
    }

    private static void Sweep(string parent, string prefix)
    {
        try
        {
            if (!Directory.Exists(parent))
            {
                return;
            }

            foreach (var directory in Directory.EnumerateDirectories(parent, prefix + "*"))
            {
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > StaleAfter)
                {
                    DeleteQuietly(directory);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder we cannot list holds nothing of ours that we could delete.
        }
    }
}
