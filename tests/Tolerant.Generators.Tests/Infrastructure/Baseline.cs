using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Tolerant.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a checked-in baseline file. A mismatch fails with a line diff; the baseline is
/// rewritten only when TOLERANT_UPDATE_BASELINES=1 is set, and never in CI.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "TOLERANT_UPDATE_BASELINES";

    public static void Match(string caseName, string fileName, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Root(callerPath), caseName, fileName);
        var updating = Environment.GetEnvironmentVariable(UpdateVariable) == "1" &&
                       Environment.GetEnvironmentVariable("CI") != "true";
        if (updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            throw new XunitException(
                $"No baseline at {path}. Run the tests with {UpdateVariable}=1 to write it, then review and commit it.\n" +
                $"Generated:\n{actual}");
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            throw new XunitException(
                $"Generated {fileName} differs from its baseline {path}.\n" +
                $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.\n" + Diff(expected, actual));
        }
    }

    /// <summary>
    /// Fails when the case's baseline folder holds a file the generator no longer writes (a renamed hint name, a
    /// removed table), which would otherwise linger unchecked; in update mode such files are deleted.
    /// </summary>
    public static void HasNoOthers(string caseName, System.Collections.Generic.IEnumerable<string> generatedFiles, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(Root(callerPath), caseName);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var expected = new System.Collections.Generic.HashSet<string>(generatedFiles, StringComparer.Ordinal);
        var orphans = Directory.GetFiles(folder).Select(Path.GetFileName).Where(name => !expected.Contains(name!)).ToList();
        if (orphans.Count == 0)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            orphans.ForEach(name => File.Delete(Path.Combine(folder, name!)));
            return;
        }

        throw new XunitException(
            $"Baselines of {caseName} that the generator no longer writes: {string.Join(", ", orphans)}. " +
            $"Rerun with {UpdateVariable}=1 to delete them.");
    }

    /// <summary>The checked-in Baselines folder of this test project, as the build recorded it.</summary>
    private static string Root(string callerPath)
    {
        var projectDirectory = typeof(Baseline).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TolerantTestProjectDirectory")?.Value;
        if (projectDirectory is null || !Directory.Exists(projectDirectory))
        {
            throw new InvalidOperationException($"The test assembly does not say where its project is (called from {callerPath}).");
        }

        return Path.Combine(projectDirectory, "Baselines");
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var text = new StringBuilder();
        foreach (var line in diff.Lines)
        {
            var prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            text.Append(prefix).AppendLine(line.Text);
        }

        return text.ToString();
    }
}
