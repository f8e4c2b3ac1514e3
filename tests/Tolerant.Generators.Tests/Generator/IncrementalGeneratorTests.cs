using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tolerant.Generators.Tests.Infrastructure;
using Xunit;

namespace Tolerant.Generators.Tests.Generator;

/// <summary>
/// The pipeline carries values only, so an edit re-runs just what it touches: an unrelated edit re-runs no step,
/// editing one table re-runs only that table.
/// </summary>
public sealed class IncrementalGeneratorTests
{
    private const string Sessions = """
        using System;
        using Tolerant;
        namespace App;
        [SqlTable("shared.user_sessions")]
        public sealed partial record UserSession
        {
            [SqlKey] public Guid Id { get; init; }
            [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;
        }
        """;

    private const string Events = """
        using System;
        using Tolerant;
        namespace App;
        [SqlTable("shared.session_events", Optional = true)]
        public sealed partial record SessionEvent([SqlKey] long Id, Guid SessionId);
        """;

    private const string Unrelated = """
        namespace App;
        public static class Clock { public static int Ticks => 1; }
        """;

    [Fact]
    public void Unrelated_edit_reruns_no_step()
    {
        var (driver, compilation) = FirstRun();

        var edited = Replace(compilation, "Unrelated.cs", Unrelated + "\npublic sealed class Added { }\n");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.TableModel, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.NamedTable, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.TableSource, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Editing_one_table_reruns_only_that_table()
    {
        var (driver, compilation) = FirstRun();

        var edited = Replace(compilation, "Sessions.cs", Sessions.Replace(
            "[SqlKey] public Guid Id { get; init; }",
            "[SqlKey] public Guid Id { get; init; }\n    public DateTimeOffset CreatedAt { get; init; }"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.TableModel, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.NamedTable, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.TableSource, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached);
        Assert.Contains("CreatedAt", result.GeneratedSources.Single(s => s.HintName == "App.UserSession.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Edit_that_leaves_the_model_equal_does_not_regenerate()
    {
        var (driver, compilation) = FirstRun();

        // A comment changes the syntax tree, so the model is read again, but it comes out equal to the last one:
        // the model step reports it cached and the emitter does not run.
        var edited = Replace(compilation, "Sessions.cs", Sessions.Replace("[SqlKey]", "// the key\n    [SqlKey]"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.TableModel, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.TableSource, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = TestCompilation.Create([("Sessions.cs", Sessions), ("Events.cs", Events), ("Unrelated.cs", Unrelated)]);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new TolerantGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);
        return (driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path));
    }

    /// <summary>Asserts the run reason of each output of a step, in the order of the tables: sessions, then events.</summary>
    private static void AssertReasons(GeneratorRunResult result, string step, IncrementalStepRunReason sessions, IncrementalStepRunReason events)
    {
        var outputs = result.TrackedSteps[step]
            .SelectMany(run => run.Outputs)
            .Select(output => (Name: HintOf(output.Value), output.Reason))
            .ToList();
        Assert.Equal(
            new[] { ("App.SessionEvent.g.cs", events), ("App.UserSession.g.cs", sessions) },
            outputs.OrderBy(o => o.Name, System.StringComparer.Ordinal).ToArray());
    }

    private static string HintOf(object value) => value switch
    {
        Tolerant.Generators.Model.TableModel table => table.HintName,
        Tolerant.Generators.Emitting.GeneratedSource source => source.HintName,
        Tolerant.Generators.Emitting.NamedTable named => named.HintName,
        _ => value.GetType().Name,
    };
}
