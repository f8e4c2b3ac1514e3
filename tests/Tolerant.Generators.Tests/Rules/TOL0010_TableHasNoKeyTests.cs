using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Analyzers;
using Tolerant.Generators.Diagnostics;
using Tolerant.Generators.Tests.Infrastructure;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>TOL0010 (Info): the table declares no [SqlKey]; the model is still generated.</summary>
public sealed class TOL0010_TableHasNoKeyTests
{
    [Fact]
    public void Descriptor_is_Info_and_enabled_by_default()
    {
        var descriptor = new TableModelAnalyzer().SupportedDiagnostics.Single(d => d.Id == DiagnosticIds.TableHasNoKey);

        Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.EndsWith("docs/rules/TOL0010.md", descriptor.HelpLinkUri, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Table_without_key_fires_as_Info_on_the_type() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Logs;

            [SqlTable("logs.lines")]
            public partial record {|#0:LogLine|}
            {
                public DateTimeOffset At { get; init; }
                public string? Message { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.TableHasNoKey).WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("LogLine"));

    [Fact]
    public Task Positional_record_without_key_fires() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Logs;

            [SqlTable("logs.lines")]
            public sealed partial record {|#0:LogLine|}(DateTimeOffset At, string Message);
            """,
            VerifyCS.Diagnostic(DiagnosticIds.TableHasNoKey).WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("LogLine"));

    [Fact]
    public Task Key_that_is_not_mapped_does_not_count() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Logs;

            [SqlTable("logs.lines")]
            public partial record {|#0:LogLine|}
            {
                [SqlKey, SqlIgnore] public long Id { get; init; }
                [SqlKey] internal long Sequence { get; init; }
                public DateTimeOffset At { get; init; }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.TableHasNoKey).WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("LogLine"));

    [Fact]
    public Task Single_key_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Logs;

            [SqlTable("logs.lines")]
            public partial record LogLine
            {
                [SqlKey] public long Id { get; init; }
                public DateTimeOffset At { get; init; }
            }
            """);

    [Fact]
    public Task Composite_key_on_positional_parameters_does_not_fire() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using Tolerant;

            namespace Logs;

            [SqlTable("logs.lines")]
            public sealed partial record LogLine([SqlKey] Guid Host, [property: SqlKey] long Sequence, DateTimeOffset At);
            """);

    [Fact]
    public Task Type_without_columns_reports_TOL0005_instead() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Logs;

            [SqlTable("logs.lines")]
            public partial record {|#0:LogLine|};
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NoMappedColumns).WithLocation(0).WithArguments("LogLine", "logs.lines"));

    [Fact]
    public void Info_does_not_stop_generation()
    {
        var run = GeneratorRun.Of(
            """
            using System;
            using Tolerant;

            namespace Logs;

            [SqlTable("logs.lines")]
            public partial record LogLine
            {
                public DateTimeOffset At { get; init; }
                public string? Message { get; init; }
            }
            """);

        var diagnostic = Assert.Single(run.TolerantDiagnostics);
        Assert.Equal(DiagnosticIds.TableHasNoKey, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
        Assert.Contains("Logs.LogLine.g.cs", run.Generated.Keys);
        Assert.Contains("public static readonly global::Tolerant.Column<global::Logs.LogLine, global::System.DateTimeOffset> At =", run.Generated["Logs.LogLine.g.cs"], System.StringComparison.Ordinal);
    }
}
