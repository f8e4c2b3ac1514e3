using System.IO;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Tolerant.Tests.Packaging;

/// <summary>
/// A throwaway console app that takes Tolerant from the packed .nupkg, as a user's project would: written from
/// the templates in <c>Packaging/Consumer</c> into the run's temp folder, outside the repository.
/// </summary>
internal sealed class ConsumerProject
{
    private const string LocalSourceName = "tolerant-under-test";

    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// Writes the consumer <paramref name="name"/> with <c>Program.cs</c> and the given extra source templates
    /// (file names in <c>Packaging/Consumer</c>, without the <c>.txt</c>).
    /// </summary>
    public static ConsumerProject Create(PackedPackage package, string name, params string[] extraSources)
    {
        var directory = Path.Combine(package.TempRoot, "consumers", name);
        System.IO.Directory.CreateDirectory(directory);

        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig(package.PackageFolder));

        // Both files end MSBuild's upward search here, so nothing above the temp folder (a repository's central
        // package management, a stray props file in /tmp) can change how the consumer builds.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), new XDocument(
            new XElement("Project",
                new XElement("PropertyGroup",
                    new XElement("TolerantPackageVersion", package.Version)))).ToString());
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), new XDocument(
            new XElement("Project",
                new XElement("PropertyGroup",
                    new XElement("ManagePackageVersionsCentrally", "false")))).ToString());

        // The SDK the repository pins, so the consumer compiles with the Roslyn the analyzers are built for.
        File.Copy(Path.Combine(package.Repository.Root, "global.json"), Path.Combine(directory, "global.json"));

        var templates = package.Repository.ConsumerTemplates;
        File.Copy(Path.Combine(templates, "Consumer.csproj.txt"), Path.Combine(directory, "Consumer.csproj"));
        File.Copy(Path.Combine(templates, "Program.cs.txt"), Path.Combine(directory, "Program.cs"));
        foreach (var source in extraSources)
        {
            File.Copy(Path.Combine(templates, source + ".txt"), Path.Combine(directory, source));
        }

        return new ConsumerProject(directory);
    }

    /// <summary>Restores (the package from the local folder, its dependencies from nuget.org) and builds.</summary>
    public Task<CommandResult> BuildAsync() =>
        DotnetCli.RunAsync(Directory, "build", "Consumer.csproj", "--disable-build-servers", "-nologo");

    /// <summary>Runs the built app.</summary>
    public Task<CommandResult> RunAsync() =>
        DotnetCli.RunAsync(Directory, "run", "--project", "Consumer.csproj", "--no-build");

    /// <summary>
    /// Only the temp folder may serve Tolerant, and only nuget.org may serve the rest: package source mapping
    /// keeps a Tolerant from any other feed from standing in for the one under test.
    /// </summary>
    private static string NuGetConfig(string packageFolder) => new XDocument(
        new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", LocalSourceName), new XAttribute("value", packageFolder)),
                new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))),
            new XElement("packageSourceMapping",
                new XElement("clear"),
                new XElement("packageSource", new XAttribute("key", LocalSourceName),
                    new XElement("package", new XAttribute("pattern", "Tolerant"))),
                new XElement("packageSource", new XAttribute("key", "nuget.org"),
                    new XElement("package", new XAttribute("pattern", "*")))))).ToString();
}
