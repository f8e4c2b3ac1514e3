using Tolerant.Generators.Sql;
using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>Checks one SQL text against the tables and columns expected of it, as <see cref="SqlFindings"/> renders them.</summary>
internal static class SqlCase
{
    public static void Check(string sql, string tables, string columns)
    {
        var analysis = SqlAnalysis.Analyze(sql);
        var expected = $"tables:  {tables}\ncolumns: {columns}";
        var actual = $"tables:  {SqlFindings.Tables(analysis)}\ncolumns: {SqlFindings.Columns(analysis)}";
        Assert.Equal(expected, actual);
    }
}
