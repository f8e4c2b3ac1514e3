using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Tests.Postgres;
using Tolerant.Tests.RoundTrip.Models;
using Xunit;

namespace Tolerant.Tests.RoundTrip;

/// <summary>
/// Every CLR type Tolerant maps, non-nullable and nullable, at its edge values: written by InsertAsync, by a batch,
/// by binary COPY, read back by Select and compared value by value, then found again by Eq and In with prepared
/// statements, which proves each parameter binds with the column's type.
/// </summary>
public sealed class EveryTypeRoundTripTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => RoundTripSql.ExecuteAsync(database.DataSource, RoundTripSql.CreateTypeTables);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task InsertAsync_then_Select_reads_back_every_value()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var rows = TypeData.EveryTypeRows();
        foreach (var row in rows)
        {
            var result = await table.InsertAsync(row);
            Assert.Equal(1, result.Rows);
            Assert.Empty(result.Skipped);
        }

        var read = await table.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync();
        RowChecks.AssertSameRows(rows, read, TypeData.EveryTypeCases(), r => r.Id);
    }

    [Fact]
    public async Task InsertManyAsync_as_a_batch_reads_back_every_value()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var rows = TypeData.EveryTypeRows();
        Assert.True(rows.Count < new SchemaCatalogOptions().CopyThreshold);

        var result = await table.InsertManyAsync(rows);

        Assert.Equal(rows.Count, result.Rows);
        RowChecks.AssertSameRows(rows, await table.Select().ToListAsync(), TypeData.EveryTypeCases(), r => r.Id);
    }

    [Fact]
    public async Task InsertManyAsync_as_a_binary_COPY_reads_back_every_value()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        var table = new SchemaCatalog(dataSource, new SchemaCatalogOptions { CopyThreshold = 2 }).Table<EveryTypeRow>();
        var rows = TypeData.EveryTypeRows();

        var result = await table.InsertManyAsync(rows);

        Assert.Equal(rows.Count, result.Rows);
        RowChecks.AssertSameRows(rows, await table.Select().ToListAsync(), TypeData.EveryTypeCases(), r => r.Id);
    }

    [Fact]
    public async Task InsertManyAsync_above_the_default_COPY_threshold_reads_back_every_value()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var rows = TypeData.Repeated(TypeData.EveryTypeRows(), 9);
        Assert.True(rows.Count >= 64);

        var result = await table.InsertManyAsync(rows);

        Assert.Equal(72, result.Rows);
        Assert.Equal(72L, await table.Select().CountAsync());
        RowChecks.AssertSameRows(rows, await table.Select().ToListAsync(), TypeData.EveryTypeCases(), r => r.Id);
    }

    [Fact]
    public async Task Eq_selects_the_rows_holding_each_value_through_prepared_statements()
    {
        // One pooled connection: every query reuses the statements prepared on it before.
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString, maxPoolSize: 1);
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var rows = TypeData.EveryTypeRows();
        await table.InsertManyAsync(rows);

        await RowChecks.AssertEqFindsEachValueAsync(table, rows, TypeData.EveryTypeCases(), r => r.Id);

        var prepared = await PreparedStatementsAsync(dataSource);
        Assert.Contains("SELECT count(*) FROM \"round_trip\".\"every_type\" WHERE \"stamp_tz\" = $1", prepared);
        Assert.Contains(prepared, sql => sql.EndsWith(" FROM \"round_trip\".\"every_type\" WHERE \"tags\" = $1::text[]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_selects_the_rows_holding_one_of_the_values_through_prepared_statements()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString, maxPoolSize: 1);
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var rows = TypeData.EveryTypeRows();
        await table.InsertManyAsync(rows);

        await RowChecks.AssertInFindsValuesAsync(table, rows, TypeData.EveryTypeCases(), r => r.Id);

        var prepared = await PreparedStatementsAsync(dataSource);
        Assert.Contains("SELECT count(*) FROM \"round_trip\".\"every_type\" WHERE \"document\" = ANY($1::jsonb[])", prepared);
    }

    [Fact]
    public async Task Nullable_forms_read_back_every_value_and_every_NULL_by_each_insert_path()
    {
        var rows = TypeData.NullableRows();
        var cases = TypeData.NullableCases();
        foreach (var path in new[] { "InsertAsync", "batch", "COPY" })
        {
            await RoundTripSql.ExecuteAsync(database.DataSource, "TRUNCATE round_trip.nullable_type;");
            await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
            var options = new SchemaCatalogOptions { CopyThreshold = path == "COPY" ? 2 : 64 };
            var table = new SchemaCatalog(dataSource, options).Table<NullableTypeRow>();
            if (path == "InsertAsync")
            {
                foreach (var row in rows)
                {
                    Assert.Equal(1, (await table.InsertAsync(row)).Rows);
                }
            }
            else
            {
                Assert.Equal(rows.Count, (await table.InsertManyAsync(rows)).Rows);
            }

            // The row of NULLs holds SQL NULL in all 21 columns (not 'null'::jsonb, not an empty array).
            Assert.Equal(21, await RoundTripSql.ScalarAsync<int>(database.DataSource, AllNullsSql));
            RowChecks.AssertSameRows(rows, await table.Select().ToListAsync(), cases, r => r.Id);
        }
    }

    [Fact]
    public async Task Nullable_forms_Eq_and_In_select_by_value_and_Eq_null_selects_the_NULLs()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString, maxPoolSize: 1);
        var table = new SchemaCatalog(dataSource).Table<NullableTypeRow>();
        var rows = TypeData.NullableRows();
        await table.InsertManyAsync(rows);

        await RowChecks.AssertEqFindsEachValueAsync(table, rows, TypeData.NullableCases(), r => r.Id);
        await RowChecks.AssertInFindsValuesAsync(table, rows, TypeData.NullableCases(), r => r.Id);

        Assert.Equal([100], (await table.Select().Where(NullableTypeRow.Columns.Number.Eq(null)).ToListAsync()).Select(r => r.Id));
        Assert.Equal(
            [100, 101],
            (await table.Select().Where(NullableTypeRow.Columns.Small.Eq(null)).OrderBy(NullableTypeRow.Columns.Id).ToListAsync()).Select(r => r.Id));
        Assert.Equal(
            [100, 101],
            (await table.Select().Where(NullableTypeRow.Columns.Code.IsNull()).OrderBy(NullableTypeRow.Columns.Id).ToListAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task DateTimeOffset_with_an_offset_other_than_UTC_is_stored_as_its_instant_by_every_path()
    {
        // PostgreSQL keeps the instant of a timestamptz, not its offset: what comes back is the same instant in UTC.
        var instants = new[]
        {
            new DateTimeOffset(2026, 11, 28, 17, 30, 0, TimeSpan.FromHours(5.5)),
            new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.FromHours(-8)),
            new DateTimeOffset(2026, 11, 29, 2, 0, 0, 123, 456, TimeSpan.FromHours(14)),
            new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(-12)),
        };
        var rows = instants.Select((at, i) => TypeData.EveryTypeRows()[2] with { Id = 10 + i, StampTz = at }).ToList();
        var problems = new List<string>();
        foreach (var path in new[] { "InsertAsync", "batch", "COPY" })
        {
            await RoundTripSql.ExecuteAsync(database.DataSource, "TRUNCATE round_trip.every_type;");
            await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
            var table = new SchemaCatalog(dataSource, new SchemaCatalogOptions { CopyThreshold = path == "COPY" ? 2 : 64 }).Table<EveryTypeRow>();
            try
            {
                if (path == "InsertAsync")
                {
                    foreach (var row in rows)
                    {
                        await table.InsertAsync(row);
                    }
                }
                else
                {
                    await table.InsertManyAsync(rows);
                }
            }
            catch (Exception exception)
            {
                problems.Add($"{path}: threw {exception.GetType().FullName}: {exception.Message}");
                continue;
            }

            foreach (var read in await table.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync())
            {
                var written = rows.Single(r => r.Id == read.Id).StampTz;
                if (read.StampTz.UtcTicks != written.UtcTicks || read.StampTz.Offset != TimeSpan.Zero)
                {
                    problems.Add($"{path}: wrote {ValueText.Show(written)}, read {ValueText.Show(read.StampTz)}");
                }
            }
        }

        try
        {
            var table = new SchemaCatalog(database.DataSource).Table<EveryTypeRow>();
            var utc = instants[0].ToUniversalTime();
            var found = await table.Select().Where(EveryTypeRow.Columns.StampTz.Eq(utc)).CountAsync();
            var byOffset = await table.Select().Where(EveryTypeRow.Columns.StampTz.Eq(instants[0])).CountAsync();
            var byIn = await table.Select().Where(EveryTypeRow.Columns.StampTz.In(instants[1], instants[2])).CountAsync();
            // 17:30 at +05:30 and 04:00 at -08:00 are the same instant (12:00 UTC), so each of them finds both rows.
            if (found != 2 || byOffset != 2 || byIn != 3)
            {
                problems.Add($"Eq(UTC) found {found}, Eq(+05:30) found {byOffset}, In(-08:00, +14:00) found {byIn}; expected 2, 2, 3");
            }
        }
        catch (Exception exception)
        {
            problems.Add($"Eq/In with a non-UTC offset: threw {exception.GetType().FullName}: {exception.Message}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Json_varchar_and_text_array_columns_round_trip_and_compare_by_value()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        var table = new SchemaCatalog(dataSource, new SchemaCatalogOptions { CopyThreshold = 2 }).Table<EveryTypeRow>();
        var template = TypeData.EveryTypeRows()[2];
        var spaced = template with { Id = 1, Document = "{ \"b\" :[1,2],   \"a\":{\"n\":null} }", Code = "twenty characters!!!", Tags = ["x", "y"] };
        await table.InsertAsync(spaced);
        await table.InsertManyAsync([template with { Id = 2, Document = "{\"a\": {\"n\": null}, \"b\": [1, 2]}", Tags = ["y", "x"] }, template with { Id = 3 }]);

        var read = await table.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync();

        // jsonb stores the value, not the text: PostgreSQL writes it back in its own normal form.
        Assert.Equal("{\"a\": {\"n\": null}, \"b\": [1, 2]}", read[0].Document);
        Assert.Equal("twenty characters!!!", read[0].Code);
        Assert.Equal(["x", "y"], read[0].Tags);
        Assert.Equal(["y", "x"], read[1].Tags);

        // Eq on jsonb compares JSON values, whatever the spacing or key order of the text given.
        Assert.Equal([1, 2], (await table.Select().Where(EveryTypeRow.Columns.Document.Eq("{\"b\": [1, 2], \"a\": {\"n\": null}}")).OrderBy(EveryTypeRow.Columns.Id).ToListAsync()).Select(r => r.Id));
        // Arrays compare element by element, in order.
        Assert.Equal([1], (await table.Select().Where(EveryTypeRow.Columns.Tags.Eq(["x", "y"])).ToListAsync()).Select(r => r.Id));
        Assert.Equal([1], (await table.Select().Where(EveryTypeRow.Columns.Code.Eq("twenty characters!!!")).ToListAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task In_on_a_text_array_column_selects_the_rows_holding_one_of_the_arrays()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var rows = TypeData.EveryTypeRows();
        await table.InsertManyAsync(rows);

        var found = await table.Select().Where(EveryTypeRow.Columns.Tags.In(["a"], ["NULL"])).OrderBy(EveryTypeRow.Columns.Id).ToListAsync();

        Assert.Equal([0, 1, 3], found.Select(r => r.Id));
    }

    private const string AllNullsSql = """
        SELECT num_nulls(t.flag, t.small, t.number, t.big, t.single, t.double, t.money, t.text, t.uuid, t.stamp, t.stamp_tz,
                         t.day, t.time, t.duration, t.bytes, t.status, t.tiny, t.wide, t.document, t.code, t.tags)
        FROM round_trip.nullable_type t WHERE t.id = 100
        """;

    private static async Task<List<string>> PreparedStatementsAsync(NpgsqlDataSource dataSource)
    {
        // The data source holds one physical connection, so this is the session the queries ran on.
        await using var command = dataSource.CreateCommand("SELECT statement FROM pg_prepared_statements");
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new List<string>();
        while (await reader.ReadAsync())
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }
}
