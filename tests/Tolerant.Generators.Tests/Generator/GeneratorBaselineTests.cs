using System.Collections.Generic;
using System.Linq;
using Tolerant.Generators.Tests.Infrastructure;
using Xunit;

namespace Tolerant.Generators.Tests.Generator;

/// <summary>The whole generated output for each well-formed model equals its checked-in baseline, and compiles.</summary>
public sealed class GeneratorBaselineTests
{
    public static IEnumerable<object[]> Cases => BaselineCases.All.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_output_matches_baseline_and_compiles(string caseName)
    {
        var run = GeneratorRun.Of(BaselineCases.All[caseName]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
        Assert.DoesNotContain(run.TolerantDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.NotEmpty(run.Generated);
        foreach (var (hintName, text) in run.Generated.OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            Baseline.Match(caseName, hintName, text);
        }

        Baseline.HasNoOthers(caseName, run.Generated.Keys);
    }
}
