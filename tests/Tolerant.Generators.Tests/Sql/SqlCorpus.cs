using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>Every SQL text of the resolver's case tables, as seed material for the fuzz test.</summary>
internal static class SqlCorpus
{
    public static IReadOnlyList<string> All { get; } = new[]
        {
            SqlSelectResolutionTests.Cases,
            SqlScopeResolutionTests.Cases,
            SqlChangeResolutionTests.Cases,
            SqlTextResolutionTests.Cases,
            SqlSessionServiceQueryTests.Cases,
        }
        .SelectMany(cases => cases.Select(row => (string)row[0]))
        .ToArray();
}
