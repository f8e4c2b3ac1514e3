using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant.Tests.Postgres;
using Tolerant.Tests.RoundTrip.Models;
using Xunit;

namespace Tolerant.Tests.RoundTrip;

/// <summary>
/// What goes wrong, and how it is reported: a missing required table or column and <c>Require</c> as
/// <see cref="SchemaMismatchException"/> naming table, column, property and migration; a value PostgreSQL refuses as
/// Npgsql's own <see cref="PostgresException"/>; a failed InsertManyAsync that applies nothing; unsafe updates and
/// deletes refused before anything is sent; a cancelled token that writes nothing; and capabilities as text.
/// </summary>
public sealed class ErrorTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private const string CreateGadgets = """
        DROP SCHEMA IF EXISTS errors CASCADE;
        CREATE SCHEMA errors;
        CREATE TABLE errors.gadgets (id integer PRIMARY KEY, name text NOT NULL, code varchar(20) NOT NULL);
        INSERT INTO errors.gadgets VALUES (1, 'first', 'ONE');
        """;

    private const string AddWeightAndRemark = "ALTER TABLE errors.gadgets ADD COLUMN weight integer, ADD COLUMN remark text;";
    private const string AddColour = "ALTER TABLE errors.gadgets ADD COLUMN \"Colour Name\" text NOT NULL DEFAULT 'grey';";
    private const string GadgetState = "SELECT count(*)::text || ':' || string_agg(id || '=' || name || '/' || code, ',' ORDER BY id) FROM errors.gadgets";
    private const string Untouched = "1:1=first/ONE";
    private const string TwentyOneCharacters = "ABCDEFGHIJKLMNOPQRSTU";

    public Task InitializeAsync() => RoundTripSql.ExecuteAsync(database.DataSource, CreateGadgets);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_missing_required_column_fails_every_operation_naming_table_column_and_property()
    {
        var table = new SchemaCatalog(database.DataSource).Table<GadgetWithSerial>();
        var row = new GadgetWithSerial { Id = 2, Name = "second", Serial = "S-2" };
        var operations = new (string Name, Func<Task> Run)[]
        {
            ("InsertAsync", () => table.InsertAsync(row)),
            ("InsertManyAsync", () => table.InsertManyAsync([row, row with { Id = 3 }])),
            ("ToListAsync", () => table.Select().ToListAsync()),
            ("FirstOrDefaultAsync", () => table.Select().Where(GadgetWithSerial.Columns.Id.Eq(1)).FirstOrDefaultAsync()),
            ("CountAsync", () => table.Select().CountAsync()),
            ("AsAsyncEnumerable", async () => { await foreach (var _ in table.Select().AsAsyncEnumerable()) { } }),
            ("Update", () => table.Update().Set(GadgetWithSerial.Columns.Name, "renamed").AllRows().ExecuteAsync()),
            ("Delete", () => table.Delete().AllRows().ExecuteAsync()),
        };

        foreach (var (name, run) in operations)
        {
            var error = await Assert.ThrowsAsync<SchemaMismatchException>(run);
            Assert.True(
                error.Message == "Table errors.gadgets has no column \"serial\" (property GadgetWithSerial.Serial); run the migration that adds it.",
                $"{name}: {error.Message}");
            Assert.Equal("errors.gadgets", error.Table);
            Assert.Equal("serial", error.Column);
            Assert.Null(error.Since);
        }

        Assert.Equal(Untouched, await StateAsync());
    }

    [Fact]
    public async Task A_missing_required_table_fails_every_operation_naming_the_table()
    {
        var table = new SchemaCatalog(database.DataSource).Table<Nowhere>();
        var operations = new (string Name, Func<Task> Run)[]
        {
            ("InsertAsync", () => table.InsertAsync(new Nowhere { Id = 1 })),
            ("InsertManyAsync", () => table.InsertManyAsync([new Nowhere { Id = 1 }])),
            ("ToListAsync", () => table.Select().ToListAsync()),
            ("CountAsync", () => table.Select().CountAsync()),
            ("AsAsyncEnumerable", async () => { await foreach (var _ in table.Select().AsAsyncEnumerable()) { } }),
            ("Update", () => table.Update().Set(Nowhere.Columns.Id, 2).AllRows().ExecuteAsync()),
            ("Delete", () => table.Delete().AllRows().ExecuteAsync()),
        };

        foreach (var (name, run) in operations)
        {
            var error = await Assert.ThrowsAsync<SchemaMismatchException>(run);
            Assert.True(
                error.Message == "Table errors.nowhere does not exist; run the migration that creates it, or mark the type [SqlTable(..., Optional = true)].",
                $"{name}: {error.Message}");
            Assert.Equal("errors.nowhere", error.Table);
            Assert.Null(error.Column);
        }

        var caps = await table.GetCapabilitiesAsync();
        Assert.False(caps.TableExists);
        Assert.Equal("errors.nowhere does not exist", caps.ToString());
    }

    [Fact]
    public async Task Require_on_a_missing_optional_column_names_table_column_property_and_migration()
    {
        var table = new SchemaCatalog(database.DataSource).Table<Gadget>();
        var caps = await table.GetCapabilitiesAsync();

        var weight = Assert.Throws<SchemaMismatchException>(() => caps.Require(Gadget.Columns.Weight));
        Assert.Equal("Table errors.gadgets has no optional column \"weight\" (property Gadget.Weight); run migration 042.", weight.Message);
        Assert.Equal(("errors.gadgets", "weight", "042"), (weight.Table, weight.Column, weight.Since));

        var colour = Assert.Throws<SchemaMismatchException>(() => caps.Require(Gadget.Columns.Colour));
        Assert.Equal("Table errors.gadgets has no optional column \"Colour Name\" (property Gadget.Colour); run migration 043.", colour.Message);
        Assert.Equal(("errors.gadgets", "Colour Name", "043"), (colour.Table, colour.Column, colour.Since));

        var remark = Assert.Throws<SchemaMismatchException>(() => caps.Require(Gadget.Columns.Remark));
        Assert.Equal("Table errors.gadgets has no optional column \"remark\" (property Gadget.Remark); run the migration that adds it.", remark.Message);
        Assert.Null(remark.Since);

        caps.Require(Gadget.Columns.Name);
        caps.Require(Gadget.Columns.Code);

        await RoundTripSql.ExecuteAsync(database.DataSource, AddWeightAndRemark);
        table.Catalog.Invalidate();
        caps = await table.GetCapabilitiesAsync();
        caps.Require(Gadget.Columns.Weight);
        caps.Require(Gadget.Columns.Remark);
        Assert.Equal("043", Assert.Throws<SchemaMismatchException>(() => caps.Require(Gadget.Columns.Colour)).Since);
    }

    [Fact]
    public async Task Require_on_a_column_of_a_missing_optional_table_names_the_column_and_does_not_ask_to_mark_the_table_optional()
    {
        var caps = await new SchemaCatalog(database.DataSource).Table<Someday>().GetCapabilitiesAsync();

        var error = Assert.Throws<SchemaMismatchException>(() => caps.Require(Someday.Columns.Note));

        Assert.Equal("errors.someday", error.Table);
        Assert.StartsWith("Table errors.someday does not exist; run the migration that creates it", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mark the type [SqlTable(..., Optional = true)]", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"note\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("note", error.Column);
    }

    [Fact]
    public async Task A_missing_optional_table_reads_empty_and_skips_writes()
    {
        var table = new SchemaCatalog(database.DataSource).Table<Someday>();

        Assert.Empty(await table.Select().ToListAsync());
        Assert.Equal(0L, await table.Select().CountAsync());
        var inserted = await table.InsertAsync(new Someday { Id = 1, Note = "later" });
        Assert.True(inserted.TableMissing);
        Assert.Equal(0, inserted.Rows);
        Assert.Equal(["id", "note"], inserted.Skipped.Select(c => c.Name));
        Assert.Equal("skipped: the table does not exist", inserted.ToString());
        var updated = await table.Update().Set(Someday.Columns.Note, "x").AllRows().ExecuteAsync();
        Assert.True(updated.TableMissing);
        Assert.Equal(["note"], updated.Skipped.Select(c => c.Name));
        Assert.True((await table.Delete().AllRows().ExecuteAsync()).TableMissing);
    }

    [Fact]
    public async Task Capabilities_describe_themselves_exactly_at_each_level()
    {
        var catalog = new SchemaCatalog(database.DataSource);
        var gadgets = catalog.Table<Gadget>();
        var serials = catalog.Table<GadgetWithSerial>();

        var missingOptional = await gadgets.GetCapabilitiesAsync();
        Assert.Equal(
            "errors.gadgets is missing weight, Colour Name, remark (migrations 042, 043): reading declared defaults, writes leave them out",
            missingOptional.ToString());
        Assert.Equal(["weight", "Colour Name", "remark"], missingOptional.MissingOptional.Select(c => c.Name));
        Assert.Empty(missingOptional.MissingRequired);
        Assert.False(missingOptional.IsComplete);

        var missingRequired = await serials.GetCapabilitiesAsync();
        Assert.Equal(
            "errors.gadgets lacks required serial: operations fail until a migration adds them; it is missing weight (migration 042): reading declared defaults, writes leave them out",
            missingRequired.ToString());
        Assert.Equal(["serial"], missingRequired.MissingRequired.Select(c => c.Name));
        Assert.Equal(["serial", "weight"], missingRequired.Missing.Select(c => c.Name));

        await RoundTripSql.ExecuteAsync(database.DataSource, AddWeightAndRemark);
        catalog.Invalidate();
        Assert.Equal(
            "errors.gadgets is missing Colour Name (migration 043): reading declared defaults, writes leave them out",
            (await gadgets.GetCapabilitiesAsync()).ToString());
        Assert.Equal(
            "errors.gadgets lacks required serial: operations fail until a migration adds them",
            (await serials.GetCapabilitiesAsync()).ToString());

        await RoundTripSql.ExecuteAsync(database.DataSource, AddColour);
        catalog.Invalidate();
        var complete = await gadgets.GetCapabilitiesAsync();
        Assert.True(complete.IsComplete);
        Assert.Equal("errors.gadgets has all 6 mapped columns", complete.ToString());

        Assert.Equal("errors.nowhere does not exist", (await catalog.Table<Nowhere>().GetCapabilitiesAsync()).ToString());
        Assert.Equal(
            "errors.someday does not exist (optional table): reads are empty, writes are skipped",
            (await catalog.Table<Someday>().GetCapabilitiesAsync()).ToString());
    }

    [Theory]
    [InlineData("InsertAsync")]
    [InlineData("batch")]
    [InlineData("COPY")]
    [InlineData("Update")]
    public async Task Text_too_long_for_varchar_20_is_refused_by_PostgreSQL_not_cut_short(string path)
    {
        var error = await RecordAsync(path, new Gadget { Id = 2, Name = "second", Code = TwentyOneCharacters });

        var state = await StateAsync();
        Assert.True(error is not null, $"{path} raised no error and the table now holds {state}");
        var postgres = Assert.IsType<PostgresException>(error);
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, postgres.SqlState);
        Assert.Equal(Untouched, state);
    }

    [Fact]
    public async Task Eq_and_In_with_text_longer_than_varchar_20_do_not_match_its_first_20_characters()
    {
        var table = new SchemaCatalog(database.DataSource).Table<Gadget>();
        await table.InsertAsync(new Gadget { Id = 2, Name = "second", Code = TwentyOneCharacters[..20] });

        Assert.Equal(1L, await table.Select().Where(Gadget.Columns.Code.Eq(TwentyOneCharacters[..20])).CountAsync());
        Assert.Equal(0L, await table.Select().Where(Gadget.Columns.Code.Eq(TwentyOneCharacters)).CountAsync());
        Assert.Equal(0L, await table.Select().Where(Gadget.Columns.Code.In(TwentyOneCharacters, "nothing")).CountAsync());
        var deleted = await table.Delete().Where(Gadget.Columns.Code.NotEq(TwentyOneCharacters) & Gadget.Columns.Id.Eq(2)).ExecuteAsync();
        Assert.Equal(1, deleted.Rows);
    }

    [Theory]
    [InlineData("InsertAsync")]
    [InlineData("batch")]
    [InlineData("COPY")]
    [InlineData("Update")]
    public async Task A_NULL_in_a_NOT_NULL_column_surfaces_as_PostgresException_23502(string path)
    {
        var error = await RecordAsync(path, new Gadget { Id = 2, Name = null!, Code = "TWO" });

        var postgres = Assert.IsType<PostgresException>(error);
        Assert.Equal(PostgresErrorCodes.NotNullViolation, postgres.SqlState);
        Assert.Equal(("errors", "gadgets", "name"), (postgres.SchemaName, postgres.TableName, postgres.ColumnName));
        Assert.Equal(Untouched, await StateAsync());
    }

    [Theory]
    [InlineData("InsertAsync")]
    [InlineData("batch")]
    [InlineData("COPY")]
    [InlineData("Update")]
    public async Task A_duplicate_key_surfaces_as_PostgresException_23505(string path)
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, "INSERT INTO errors.gadgets VALUES (2, 'second', 'TWO');");

        var error = await RecordAsync(path, new Gadget { Id = 1, Name = "again", Code = "DUP" }, updateId: 2);

        var postgres = Assert.IsType<PostgresException>(error);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
        Assert.Equal("gadgets_pkey", postgres.ConstraintName);
        Assert.Equal("2:1=first/ONE,2=second/TWO", await StateAsync());
    }

    [Theory]
    [InlineData(5, "duplicate")]
    [InlineData(5, "null")]
    [InlineData(5, "too long")]
    [InlineData(100, "duplicate")]
    [InlineData(100, "null")]
    [InlineData(100, "too long")]
    public async Task InsertManyAsync_with_one_bad_row_in_the_middle_applies_nothing(int count, string fault)
    {
        var table = new SchemaCatalog(database.DataSource).Table<Gadget>();
        var rows = Enumerable.Range(10, count).Select(i => new Gadget { Id = i, Name = $"gadget {i}", Code = $"G{i}" }).ToList();
        var middle = count / 2;
        rows[middle] = fault switch
        {
            "duplicate" => rows[middle] with { Id = 1 },
            "null" => rows[middle] with { Name = null! },
            _ => rows[middle] with { Code = TwentyOneCharacters },
        };
        var expectedState = fault == "duplicate" ? PostgresErrorCodes.UniqueViolation
            : fault == "null" ? PostgresErrorCodes.NotNullViolation
            : PostgresErrorCodes.StringDataRightTruncation;

        var error = await Record.ExceptionAsync(() => table.InsertManyAsync(rows));

        var state = await StateAsync();
        Assert.True(error is not null, $"InsertManyAsync of {count} rows raised no error and the table now holds {state}");
        Assert.Equal(expectedState, Assert.IsType<PostgresException>(error).SqlState);
        Assert.Equal(Untouched, state);

        // The connection the failure happened on goes back to the pool in a usable state.
        Assert.Equal(2, (await table.InsertManyAsync([rows[0], rows[^1]])).Rows);
    }

    [Fact]
    public async Task Update_and_Delete_without_a_condition_or_a_Set_are_refused_before_anything_is_sent()
    {
        var table = new SchemaCatalog(database.DataSource).Table<Gadget>();

        var noWhere = await Assert.ThrowsAsync<InvalidOperationException>(() => table.Update().Set(Gadget.Columns.Name, "all").ExecuteAsync());
        Assert.Equal("The update of errors.gadgets has no condition; call Where(...) or, to update every row, AllRows().", noWhere.Message);

        var noSet = await Assert.ThrowsAsync<InvalidOperationException>(() => table.Update().Where(Gadget.Columns.Id.Eq(1)).ExecuteAsync());
        Assert.Equal("The update of errors.gadgets sets no column; call Set(...) first.", noSet.Message);

        var nothing = await Assert.ThrowsAsync<InvalidOperationException>(() => table.Update().AllRows().ExecuteAsync());
        Assert.Equal("The update of errors.gadgets sets no column; call Set(...) first.", nothing.Message);

        var deleteAll = await Assert.ThrowsAsync<InvalidOperationException>(() => table.Delete().ExecuteAsync());
        Assert.Equal("The delete from errors.gadgets has no condition; call Where(...) or, to delete every row, AllRows().", deleteAll.Message);

        var unstartedUpdate = await Assert.ThrowsAsync<InvalidOperationException>(() => default(UpdateQuery<Gadget>).ExecuteAsync());
        Assert.Equal("Start an update with Table<T>.Update().", unstartedUpdate.Message);
        var unstartedDelete = await Assert.ThrowsAsync<InvalidOperationException>(() => default(DeleteQuery<Gadget>).ExecuteAsync());
        Assert.Equal("Start a delete with Table<T>.Delete().", unstartedDelete.Message);

        var twice = Assert.Throws<ArgumentException>(() => table.Update().Set(Gadget.Columns.Name, "a").Set(Gadget.Columns.Name, "b"));
        Assert.StartsWith("Column \"name\" is already set in this update.", twice.Message, StringComparison.Ordinal);

        Assert.Equal(Untouched, await StateAsync());

        // The explicit forms do what they say.
        Assert.Equal(1, (await table.Update().Set(Gadget.Columns.Name, "every").AllRows().ExecuteAsync()).Rows);
        Assert.Equal("1:1=every/ONE", await StateAsync());
        Assert.Equal(1, (await table.Delete().AllRows().ExecuteAsync()).Rows);
        Assert.Equal(0L, await RoundTripSql.ScalarAsync<long>(database.DataSource, "SELECT count(*) FROM errors.gadgets"));
    }

    [Theory]
    [InlineData("cold catalog", true)]
    [InlineData("warm catalog", true)]
    [InlineData("warm catalog", false)]
    [InlineData("bound connection", true)]
    [InlineData("bound connection", false)]
    public async Task An_already_cancelled_token_throws_OperationCanceledException_and_writes_nothing(string setting, bool prepare)
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var options = new SchemaCatalogOptions { PrepareStatements = prepare };
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var token = cancelled.Token;
        var row = new Gadget { Id = 2, Name = "second", Code = "TWO" };
        var many = Enumerable.Range(10, 100).Select(i => row with { Id = i }).ToList();

        Table<Gadget> Fresh()
        {
            var table = new SchemaCatalog(dataSource, options).Table<Gadget>();
            return setting == "bound connection" ? table.On(connection) : table;
        }

        var operations = new (string Name, Func<Table<Gadget>, Task> Run)[]
        {
            ("InsertAsync", t => t.InsertAsync(row, token)),
            ("InsertManyAsync batch", t => t.InsertManyAsync([row, row with { Id = 3 }], token)),
            ("InsertManyAsync COPY", t => t.InsertManyAsync(many, token)),
            ("Update", t => t.Update().Set(Gadget.Columns.Name, "renamed").AllRows().ExecuteAsync(token)),
            ("Delete", t => t.Delete().AllRows().ExecuteAsync(token)),
            ("ToListAsync", t => t.Select().ToListAsync(token)),
            ("FirstOrDefaultAsync", t => t.Select().FirstOrDefaultAsync(token)),
            ("CountAsync", t => t.Select().CountAsync(token)),
            ("AsAsyncEnumerable", async t => { await foreach (var _ in t.Select().AsAsyncEnumerable(token)) { } }),
        };

        var problems = new List<string>();
        foreach (var (name, run) in operations)
        {
            var table = Fresh();
            if (setting != "cold catalog")
            {
                await table.GetCapabilitiesAsync();
            }

            var error = await Record.ExceptionAsync(() => run(table));
            if (error is not OperationCanceledException)
            {
                problems.Add($"{name}: {(error is null ? "no exception" : error.GetType().FullName + ": " + error.Message)}");
            }

            var state = await StateAsync();
            if (state != Untouched)
            {
                problems.Add($"{name}: the table now holds {state}");
                await RoundTripSql.ExecuteAsync(database.DataSource, CreateGadgets);
            }

            // A token cancelled before the call has nothing to interrupt: the caller's connection stays usable.
            if (connection.State != System.Data.ConnectionState.Open)
            {
                problems.Add($"{name}: left the caller's connection {connection.State}");
                await connection.OpenAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        if (setting == "cold catalog")
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fresh().GetCapabilitiesAsync(token).AsTask());
        }
    }

    private async Task<Exception?> RecordAsync(string path, Gadget row, int updateId = 1)
    {
        var options = new SchemaCatalogOptions { CopyThreshold = path == "COPY" ? 2 : 64 };
        var table = new SchemaCatalog(database.DataSource, options).Table<Gadget>();
        return await Record.ExceptionAsync(path switch
        {
            "InsertAsync" => () => table.InsertAsync(row),
            "batch" or "COPY" => () => table.InsertManyAsync([row with { Id = 50, Name = "fine", Code = "FINE" }, row]),
            _ => () => table.Update()
                .Set(Gadget.Columns.Id, row.Id)
                .Set(Gadget.Columns.Name, row.Name)
                .Set(Gadget.Columns.Code, row.Code)
                .Where(Gadget.Columns.Id.Eq(updateId))
                .ExecuteAsync(),
        });
    }

    private Task<string> StateAsync() => RoundTripSql.ScalarAsync<string>(database.DataSource, GadgetState);
}
