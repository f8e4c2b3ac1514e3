using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Tolerant.Tests.RoundTrip;

/// <summary>
/// Checks rows value by value and collects every difference before failing, so that one broken type does not hide
/// the others and the failure message lists each column, row and value.
/// </summary>
internal static class RowChecks
{
    /// <summary>The rows read are the rows written: same keys, and every column equal.</summary>
    public static void AssertSameRows<T>(IReadOnlyList<T> written, IReadOnlyList<T> read, IReadOnlyList<ValueCase<T>> cases, Func<T, int> id)
        where T : ISqlTable<T>
    {
        Assert.Equal(written.Select(id).Order(), read.Select(id).Order());
        var problems = new List<string>();
        foreach (var expected in written.OrderBy(id))
        {
            var actual = read.Single(r => id(r) == id(expected));
            foreach (var valueCase in cases)
            {
                if (valueCase.Mismatch(expected, actual) is { } problem)
                {
                    problems.Add($"row {id(expected)}: {problem}");
                }
            }
        }

        FailOn(problems, "values changed on the way through PostgreSQL");
    }

    /// <summary>For every column and every row's value, <c>Eq</c> selects exactly the rows holding an equal value.</summary>
    public static async Task AssertEqFindsEachValueAsync<T>(Table<T> table, IReadOnlyList<T> rows, IReadOnlyList<ValueCase<T>> cases, Func<T, int> id)
        where T : ISqlTable<T>
    {
        var problems = new List<string>();
        foreach (var valueCase in cases)
        {
            foreach (var row in rows)
            {
                var expected = rows.Where(r => valueCase.Same(r, row)).Select(id).Order().ToArray();
                await CheckAsync(table, valueCase.Eq(row), expected, $"{valueCase.Property}.Eq({valueCase.Show(row)})", problems, id);
            }
        }

        FailOn(problems, "Eq did not select the rows holding the value");
    }

    /// <summary>For every column, <c>In</c> over some rows' values and over all of them selects exactly the rows holding one of them.</summary>
    public static async Task AssertInFindsValuesAsync<T>(Table<T> table, IReadOnlyList<T> rows, IReadOnlyList<ValueCase<T>> cases, Func<T, int> id)
        where T : ISqlTable<T>
    {
        var problems = new List<string>();
        var everyOther = rows.Where((_, i) => i % 2 == 0).ToList();
        foreach (var valueCase in cases)
        {
            if (valueCase.In is null)
            {
                continue;
            }

            foreach (var chosen in new[] { everyOther, rows.ToList() })
            {
                var values = chosen.Where(r => !valueCase.IsNull(r)).ToList();
                var expected = rows.Where(r => !valueCase.IsNull(r) && values.Any(v => valueCase.Same(r, v))).Select(id).Order().ToArray();
                await CheckAsync(table, valueCase.In(chosen), expected, $"{valueCase.Property}.In({values.Count} values)", problems, id);
            }
        }

        FailOn(problems, "In did not select the rows holding one of the values");
    }

    private static async Task CheckAsync<T>(Table<T> table, Condition<T> condition, int[] expected, string what, List<string> problems, Func<T, int> id)
        where T : ISqlTable<T>
    {
        try
        {
            var found = (await table.Select().Where(condition).ToListAsync()).Select(id).Order().ToArray();
            if (!expected.SequenceEqual(found))
            {
                problems.Add($"{what}: expected rows [{string.Join(", ", expected)}], selected [{string.Join(", ", found)}]");
            }

            var counted = await table.Select().Where(condition).CountAsync();
            if (counted != expected.Length)
            {
                problems.Add($"{what}: expected a count of {expected.Length}, counted {counted}");
            }
        }
        catch (Exception exception)
        {
            problems.Add($"{what}: threw {exception.GetType().FullName}: {exception.Message}");
        }
    }

    private static void FailOn(List<string> problems, string summary)
    {
        if (problems.Count > 0)
        {
            Assert.Fail($"{problems.Count} {summary}:\n" + string.Join("\n", problems));
        }
    }
}
