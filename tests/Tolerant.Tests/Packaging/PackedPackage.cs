using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Sdk;

namespace Tolerant.Tests.Packaging;

/// <summary>
/// The Tolerant package, packed once per test run from the current build outputs into a fresh temp folder under
/// a version of its own. Disposing it deletes the folder and evicts that version from the global NuGet cache.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private string? _tempRoot;
    private string? _packagePath;

    internal RepositoryLayout Repository { get; } = RepositoryLayout.Find();

    /// <summary>The version this run packed, e.g. <c>0.1.0-test.639001234567890123</c>.</summary>
    public string Version { get; } = TestPackageCache.NewVersion();

    /// <summary>The temp folder holding everything this run writes (outside the repository, so no repo props apply).</summary>
    public string TempRoot => _tempRoot ?? throw new InvalidOperationException("The package has not been packed.");

    /// <summary>The folder holding the one .nupkg; consumers use it as a local package source.</summary>
    public string PackageFolder => Path.Combine(TempRoot, "packages");

    /// <summary>The packed .nupkg.</summary>
    public string PackagePath => _packagePath ?? throw new InvalidOperationException("The package has not been packed.");

    /// <summary>The <c>dotnet pack</c> run, for tests that want to quote it.</summary>
    internal CommandResult? Pack { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        TestPackageCache.SweepStale();
        Repository.EnsureBuilt();
        _tempRoot = Path.Combine(Path.GetTempPath(), TestPackageCache.TempFolderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tempRoot);
        try
        {
            Pack = (await DotnetCli.RunAsync(
                    Repository.Root,
                    "pack", Repository.RuntimeProject,
                    "--configuration", Repository.Configuration,
                    "--no-build",
                    "--output", PackageFolder,
                    "--disable-build-servers",
                    "-nologo",
                    "-p:PackageVersion=" + Version,
                    // Keeps the generated .nuspec out of src/Tolerant/obj, so packing leaves the repository untouched.
                    "-p:NuspecOutputPath=" + Path.Combine(_tempRoot, "nuspec") + Path.DirectorySeparatorChar)
                .ConfigureAwait(false))
                .EnsureSucceeded("Packing src/Tolerant");

            var packages = Directory.GetFiles(PackageFolder, "*.nupkg");
            var expected = Path.Combine(PackageFolder, $"Tolerant.{Version}.nupkg");
            if (packages.Length != 1 || packages[0] != expected)
            {
                throw new XunitException(
                    $"Expected exactly {expected}, found: {string.Join(", ", packages.Select(Path.GetFileName))}.\n{Pack.Describe()}");
            }

            _packagePath = expected;
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (_tempRoot is not null)
        {
            TestPackageCache.DeleteQuietly(_tempRoot);
        }

        TestPackageCache.Evict(Version);
        return Task.CompletedTask;
    }
}
