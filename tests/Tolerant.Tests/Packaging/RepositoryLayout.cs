using System;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace Tolerant.Tests.Packaging;

/// <summary>
/// Where the repository and its build outputs are, as seen from this test assembly. The packaging tests pack
/// with <c>--no-build</c> in the configuration this assembly was built in: <c>./build.sh test</c> has just built
/// everything, and a build started from inside a test would fight the one that holds the build lock.
/// </summary>
internal sealed class RepositoryLayout
{
    private RepositoryLayout(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    /// <summary>The folder holding Generators.sln.</summary>
    public string Root { get; }

    /// <summary><c>Release</c> or <c>Debug</c>: the <c>bin/&lt;Configuration&gt;</c> folder this assembly runs from.</summary>
    public string Configuration { get; }

    /// <summary>The runtime project that is packed.</summary>
    public string RuntimeProject => Path.Combine(Root, "src", "Tolerant", "Tolerant.csproj");

    /// <summary>The consumer project template and its sources.</summary>
    public string ConsumerTemplates => Path.Combine(Root, "tests", "Tolerant.Tests", "Packaging", "Consumer");

    /// <summary>The build outputs that <c>dotnet pack --no-build</c> puts into the package.</summary>
    public string[] PackedBuildOutputs =>
    [
        Path.Combine(Root, "src", "Tolerant", "bin", Configuration, "net10.0", "Tolerant.dll"),
        Path.Combine(Root, "src", "Tolerant", "bin", Configuration, "net10.0", "Tolerant.xml"),
        Path.Combine(Root, "src", "Tolerant.Generators", "bin", Configuration, "netstandard2.0", "Tolerant.Generators.dll"),
        Path.Combine(Root, "src", "Tolerant.CodeFixes", "bin", Configuration, "netstandard2.0", "Tolerant.CodeFixes.dll"),
    ];

    /// <summary>Finds the repository above <see cref="AppContext.BaseDirectory"/> (<c>tests/Tolerant.Tests/bin/&lt;Configuration&gt;/net10.0</c>).</summary>
    public static RepositoryLayout Find()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent;
        if (configuration?.Parent is not { Name: "bin" })
        {
            throw new XunitException(
                $"The test assembly runs from {output.FullName}, not from bin/<Configuration>/<TargetFramework>: " +
                "cannot tell which configuration to pack.");
        }

        for (var directory = configuration.Parent; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")) &&
                File.Exists(Path.Combine(directory.FullName, "src", "Tolerant", "Tolerant.csproj")))
            {
                return new RepositoryLayout(directory.FullName, configuration.Name);
            }
        }

        throw new XunitException($"Cannot find the repository (Generators.sln) above {output.FullName}.");
    }

    /// <summary>Fails with what to run when the build outputs to pack are missing.</summary>
    public void EnsureBuilt()
    {
        var missing = PackedBuildOutputs.Where(path => !File.Exists(path)).ToArray();
        if (missing.Length > 0)
        {
            throw new XunitException(
                $"The packaging tests pack the {Configuration} build outputs without building, and these are missing:\n  " +
                string.Join("\n  ", missing) +
                $"\nBuild first: `./build.sh build` (Release), or `dotnet build Generators.sln -c {Configuration}`.");
        }
    }
}
