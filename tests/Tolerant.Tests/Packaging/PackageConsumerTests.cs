using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Sdk;

namespace Tolerant.Tests.Packaging;

/// <summary>
/// A project that knows Tolerant only as a package restores it, gets the generated model from the generator in
/// it, runs against its runtime, and is stopped by its analyzer on a broken model.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageConsumerTests
{
    private readonly PackedPackage _package;

    public PackageConsumerTests(PackedPackage package) => _package = package;

    [Fact]
    public async Task Consumer_builds_with_warnings_as_errors_and_runs_on_the_generated_model()
    {
        var consumer = ConsumerProject.Create(_package, "runs");

        (await consumer.BuildAsync()).EnsureSucceeded("Building the consumer against the packed package");
        var run = (await consumer.RunAsync()).EnsureSucceeded("Running the consumer");

        // What UserSession declares: snake_case names unless [SqlColumn] renames, [SqlIgnore] left out,
        // IsActive optional since migration 015 with the SQL default true.
        string[] expected =
        [
            "IsActive.Name=is_active",
            "IsActive.PropertyName=IsActive",
            "IsActive.TypeName=boolean",
            "IsActive.IsOptional=True",
            "IsActive.Since=015",
            "IsActive.DefaultSql=true",
            "IpAddress.Name=ip",
            "Table.Schema=shared",
            "Table.Name=user_sessions",
            "Table.DisplayName=shared.user_sessions",
            "Table.Columns.Count=8",
            "Table.Columns=id,user_id,ip,created_at,expires_at,is_active,updated_at,logout_at",
            "Table.Columns[5] is IsActive=True",
        ];
        var actual = run.StandardOutput.Split('\n').Where(line => line.Length > 0).ToArray();
        if (!actual.SequenceEqual(expected))
        {
            throw new XunitException(
                $"The consumer printed other lines than expected.\nExpected:\n  {string.Join("\n  ", expected)}\n" +
                $"Actual:\n  {string.Join("\n  ", actual)}\n{run.Describe()}");
        }
    }

    [Fact]
    public async Task Consumer_build_fails_with_TOL0001_on_a_non_partial_model()
    {
        var consumer = ConsumerProject.Create(_package, "broken", "BrokenSession.cs");

        var build = await consumer.BuildAsync();

        Assert.True(build.ExitCode is not null and not 0, "The build of a non-partial [SqlTable] record should fail.\n" + build.Describe());
        var errors = build.AllOutput.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)).ToArray();
        var reportsTol0001 = errors.Any(line =>
            line.Contains("BrokenSession.cs(", StringComparison.Ordinal) &&
            line.Contains("error TOL0001", StringComparison.Ordinal) &&
            line.Contains("'BrokenSession' must be declared partial", StringComparison.Ordinal));
        Assert.True(reportsTol0001, "The analyzer in the package should report TOL0001 on BrokenSession.\n" + build.Describe());
        // Only TOL0001: the rest of the consumer, UserSession included, compiles against the package.
        var onlyTol0001 = errors.All(line => line.Contains("error TOL0001", StringComparison.Ordinal));
        Assert.True(onlyTol0001, "The build failed for another reason than TOL0001.\n" + build.Describe());
    }
}
