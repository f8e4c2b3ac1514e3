using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Tolerant.Generators.Sql;
using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>
/// Random token soup and mutated corpus statements: the lexer and resolver must never throw, must finish each text
/// quickly, and must report only offsets inside the text. The seed is fixed; <c>TOLERANT_FUZZ_ITERATIONS</c> sets how
/// many texts to try (ten thousand by default, well under a second here).
/// </summary>
public sealed class SqlFuzzTests
{
    private const int Seed = 20261128;
    private const int DefaultIterations = 10_000;

    private static readonly string[] Fragments =
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IS", "NULL", "AS", "JOIN", "LEFT", "ON", "USING", "LATERAL",
        "WITH", "RECURSIVE", "INSERT", "INTO", "VALUES", "DEFAULT", "UPDATE", "SET", "DELETE", "MERGE", "WHEN",
        "MATCHED", "THEN", "CASE", "ELSE", "END", "RETURNING", "ON CONFLICT", "DO", "NOTHING", "EXCLUDED", "UNION",
        "ORDER BY", "GROUP BY", "HAVING", "LIMIT", "OFFSET", "FETCH", "FOR UPDATE", "OVER", "PARTITION BY", "FILTER",
        "WITHIN GROUP", "ROWS", "BETWEEN", "DISTINCT", "ON", "CAST", "EXTRACT", "INTERVAL", "COPY", "EXPLAIN", "TABLE",
        "shared.user_sessions", "s", "s.is_active", "is_active", "t.*", "*", "\"Quoted\"", "\"a\"\"b\"", "U&\"d\\0061\"",
        "'", "''", "\"", "$$", "$a$", "$", "E'", "E'\\'", "U&'", "B'", "X'", "N'", "'str'", "/*", "*/", "--", "\n",
        "(", ")", "((", "))", "[", "]", ",", ";", ".", "::", ":", ":=", "@p", "@__hole0", "$1", ":name", "=", "<>", "->>",
        "+", "-", "||", "@>", "1", "1.5e3", ".5", "0x1F", "\\", "{", "}", "é", "\u00a0", "\uD800", "\uDC00", "\0", "UESCAPE",
        "int[]", "double precision", "timestamp with time zone", "now()", "count(*)", "NULLS LAST",
    };

    [Fact]
    public void Any_text_is_read_without_throwing_and_within_its_bounds()
    {
        var iterations = Iterations();
        var random = new Random(Seed);
        var corpus = SqlCorpus.All;
        var slowest = TimeSpan.Zero;
        var slowestText = string.Empty;
        for (var i = 0; i < iterations; i++)
        {
            var sql = Generate(random, corpus);
            var watch = Stopwatch.StartNew();
            try
            {
                Check(sql);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"Iteration {i} failed on: {Escape(sql)}", exception);
            }

            if (watch.Elapsed > slowest)
            {
                (slowest, slowestText) = (watch.Elapsed, sql);
            }
        }

        Assert.True(slowest < TimeSpan.FromSeconds(1), $"Slowest text took {slowest}: {Escape(slowestText)}");
    }

    [Theory]
    [InlineData(50_000, "(")]
    [InlineData(50_000, ")")]
    [InlineData(10_000, "(SELECT ")]
    [InlineData(10_000, "SELECT (")]
    [InlineData(10_000, "CASE WHEN a THEN ")]
    [InlineData(10_000, "a.")]
    [InlineData(10_000, "WITH x AS (")]
    [InlineData(10_000, "/* ")]
    [InlineData(10_000, "x::")]
    [InlineData(10_000, "ARRAY[")]
    [InlineData(5_000, "SELECT a FROM t JOIN u ON ")]
    [InlineData(20_000, ";")]
    [InlineData(10_000, "SELECT a FROM t WHERE b IN (SELECT c FROM u WHERE d = (")]
    [InlineData(10_000, "SELECT a, b FROM t WHERE c = 1 AND d IN (SELECT e FROM u);\n")]
    public void Pathological_repetition_is_read_quickly(int count, string unit)
    {
        var sql = new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
        var watch = Stopwatch.StartNew();
        Check(sql);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Took {watch.Elapsed}");
    }

    [Fact]
    public void Deep_nesting_is_skipped_not_recursed_into()
    {
        const int Depth = 10_000;
        var sql = string.Concat(Enumerable.Repeat("(SELECT a FROM t WHERE b = ", Depth)) + "1" + new string(')', Depth);
        var statement = Assert.Single(SqlAnalysis.Analyze(sql).Statements);
        Assert.InRange(statement.Columns.Count, SqlResolver.MaxDepth / 4, SqlResolver.MaxDepth * 2);
    }

    private static int Iterations()
    {
        var text = Environment.GetEnvironmentVariable("TOLERANT_FUZZ_ITERATIONS");
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var iterations) && iterations > 0
            ? iterations
            : DefaultIterations;
    }

    private static string Generate(Random random, IReadOnlyList<string> corpus)
    {
        switch (random.Next(10))
        {
            case 0:
            case 1:
                return Soup(random, random.Next(1, 60));
            case 2:
                return RandomCharacters(random, random.Next(0, 200));
            case 3:
                return Splice(random, Pick(random, corpus), Pick(random, corpus));
            default:
                var sql = Pick(random, corpus);
                var mutations = random.Next(1, 5);
                for (var i = 0; i < mutations; i++)
                {
                    sql = Mutate(random, sql, corpus);
                }

                return sql;
        }
    }

    private static string Soup(Random random, int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            builder.Append(Pick(random, Fragments));
            builder.Append(random.Next(4) switch { 0 => string.Empty, 1 => "\n", _ => " " });
        }

        return builder.ToString();
    }

    private static string RandomCharacters(Random random, int length)
    {
        const string Interesting = "'\"$()[];,.:*@-/\\E&Ux_ \n\t0123456789abcSELECTfrom";
        var characters = new char[length];
        for (var i = 0; i < length; i++)
        {
            characters[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : Interesting[random.Next(Interesting.Length)];
        }

        return new string(characters);
    }

    private static string Mutate(Random random, string sql, IReadOnlyList<string> corpus)
    {
        var at = random.Next(sql.Length + 1);
        switch (random.Next(7))
        {
            case 0:
                return sql.Substring(0, at);
            case 1:
            case 2:
                return sql.Insert(at, Pick(random, Fragments));
            case 3:
                return sql.Remove(at, random.Next(sql.Length - at + 1));
            case 4:
                return Splice(random, sql, Pick(random, corpus));
            case 5:
                var length = random.Next(sql.Length - at + 1);
                return sql.Insert(at, sql.Substring(at, length));
            default:
                return at == sql.Length ? sql : sql.Remove(at, 1).Insert(at, ((char)random.Next(0, 0x10000)).ToString());
        }
    }

    private static string Splice(Random random, string first, string second) =>
        first.Substring(0, random.Next(first.Length + 1)) + second.Substring(random.Next(second.Length + 1));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static void Check(string sql)
    {
        var previousEnd = 0;
        foreach (var token in SqlLexer.Tokenize(sql))
        {
            Assert.True(token.Start >= previousEnd && token.Length > 0 && token.End <= sql.Length, $"Token {token} out of order or bounds");
            previousEnd = token.End;
        }

        var analysis = SqlAnalysis.Analyze(sql);
        foreach (var statement in analysis.Statements)
        {
            AssertWithin(sql, statement.Start, statement.Length, "statement");
            var tables = new HashSet<SqlTableReference>(statement.Tables);
            foreach (var table in statement.Tables)
            {
                AssertWithin(sql, table.Start, table.Length, "table");
            }

            foreach (var column in statement.Columns)
            {
                AssertWithin(sql, column.Start, column.Length, "column");
                Assert.True(column.Start >= statement.Start && column.Start + column.Length <= statement.Start + statement.Length, "column outside its statement");
                Assert.All(column.Candidates, candidate => Assert.Contains(candidate.Table, tables));
            }

            foreach (var star in statement.Stars)
            {
                AssertWithin(sql, star.Start, star.Length, "star");
                Assert.All(star.Tables, candidate => Assert.Contains(candidate.Table, tables));
            }
        }
    }

    private static void AssertWithin(string sql, int start, int length, string what) =>
        Assert.True(start >= 0 && length >= 0 && start + length <= sql.Length, $"{what} at {start}+{length} is outside a text of {sql.Length}");

    private static string Escape(string sql) =>
        string.Concat(sql.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
