using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Tolerant.Tests.Packaging;

/// <summary>The packed .nupkg holds the runtime, the generator and code fixes as analyzers, and the README, and nothing it should not.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageContentTests
{
    private readonly PackedPackage _package;

    public PackageContentTests(PackedPackage package) => _package = package;

    [Fact]
    public void Package_holds_runtime_with_docs_analyzers_and_readme()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(entry => entry.FullName).ToArray();

        // Exactly these under lib/ and analyzers/: the generator must not leak into lib/ as a runtime reference,
        // and the Roslyn assemblies the analyzers compile against must not be packed beside them.
        Assert.Equal(
            ["lib/net10.0/Tolerant.dll", "lib/net10.0/Tolerant.xml"],
            entries.Where(name => name.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["analyzers/dotnet/cs/Tolerant.CodeFixes.dll", "analyzers/dotnet/cs/Tolerant.Generators.dll"],
            entries.Where(name => name.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("README.md", entries);
        Assert.True(archive.GetEntry("README.md")!.Length > 0, "README.md in the package is empty.");
    }

    [Fact]
    public void Nuspec_depends_on_Npgsql_and_logging_but_not_on_the_analyzer_projects()
    {
        var metadata = ReadNuspecMetadata();
        var dependencies = metadata.Descendants().Where(element => element.Name.LocalName == "dependency")
            .Select(element => (string?)element.Attribute("id") ?? string.Empty)
            .ToArray();

        Assert.Equal("Tolerant", Element(metadata, "id"));
        Assert.Equal(_package.Version, Element(metadata, "version"));
        Assert.Equal("README.md", Element(metadata, "readme"));
        Assert.Contains("Npgsql", dependencies);
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", dependencies);
        // The generator and code fixes travel inside the package; as dependencies they would send every consumer
        // looking for packages that are never published.
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Tolerant", StringComparison.OrdinalIgnoreCase));
    }

    private XElement ReadNuspecMetadata()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var nuspec = Assert.Single(archive.Entries, entry => entry.FullName == "Tolerant.nuspec");
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        return Assert.Single(document.Root!.Elements(), element => element.Name.LocalName == "metadata");
    }

    private static string? Element(XElement metadata, string localName) =>
        metadata.Elements().SingleOrDefault(element => element.Name.LocalName == localName)?.Value;
}
