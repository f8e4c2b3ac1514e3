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
/// A table bound to one connection (<c>On(connection)</c>) keeps each statement's command and sends it again with
/// new values put into the parameters it already has. These tests send the same statement texts many times through
/// one bound table with every value, NULL and edge case, so a value that did not reach its reused parameter — or
/// reached the wrong one — reads back wrong; and they check that a failed statement leaves the table usable.
/// </summary>
public sealed class BoundCommandReuseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => RoundTripSql.ExecuteAsync(database.DataSource, RoundTripSql.CreateTypeTables);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_type_inserted_and_selected_through_one_bound_table_reads_back_every_value()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var bound = new SchemaCatalog(dataSource).Table<EveryTypeRow>().On(connection);
        var rows = TypeData.EveryTypeRows();

        foreach (var row in rows)
        {
            Assert.Equal(1, (await bound.InsertAsync(row)).Rows);
        }

        RowChecks.AssertSameRows(rows, await bound.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync(), TypeData.EveryTypeCases(), r => r.Id);
        await RowChecks.AssertEqFindsEachValueAsync(bound, rows, TypeData.EveryTypeCases(), r => r.Id);
        await RowChecks.AssertInFindsValuesAsync(bound, rows, TypeData.EveryTypeCases(), r => r.Id);
    }

    [Fact]
    public async Task Nullable_values_and_NULLs_alternate_in_the_same_reused_parameters()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var bound = new SchemaCatalog(dataSource).Table<NullableTypeRow>().On(connection);
        var rows = TypeData.NullableRows();

        foreach (var row in rows)
        {
            Assert.Equal(1, (await bound.InsertAsync(row)).Rows);
        }

        RowChecks.AssertSameRows(rows, await bound.Select().ToListAsync(), TypeData.NullableCases(), r => r.Id);
        await RowChecks.AssertEqFindsEachValueAsync(bound, rows, TypeData.NullableCases(), r => r.Id);
        Assert.Equal([100], (await bound.Select().Where(NullableTypeRow.Columns.Number.Eq(null)).ToListAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task A_DateTimeOffset_assigned_into_a_reused_parameter_is_converted_to_its_UTC_instant()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var bound = new SchemaCatalog(dataSource).Table<EveryTypeRow>().On(connection);
        var template = TypeData.EveryTypeRows()[2];
        var noon = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        // The first insert creates the parameters; the next two assign into them, with offsets other than UTC.
        await bound.InsertAsync(template with { Id = 1, StampTz = noon });
        await bound.InsertAsync(template with { Id = 2, StampTz = noon.ToOffset(TimeSpan.FromHours(5.5)) });
        await bound.InsertAsync(template with { Id = 3, StampTz = noon.ToOffset(TimeSpan.FromHours(-8)).AddHours(1) });

        var read = await bound.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync();
        Assert.Equal([noon, noon, noon.AddHours(1)], read.Select(r => r.StampTz));
        Assert.All(read, r => Assert.Equal(TimeSpan.Zero, r.StampTz.Offset));
        Assert.Equal(2, await bound.Select().Where(EveryTypeRow.Columns.StampTz.Eq(noon)).CountAsync());
        Assert.Equal(2, await bound.Select().Where(EveryTypeRow.Columns.StampTz.Eq(noon.ToOffset(TimeSpan.FromHours(-3)))).CountAsync());
        Assert.Equal(1, await bound.Select().Where(EveryTypeRow.Columns.StampTz.In(noon.AddHours(1).ToOffset(TimeSpan.FromHours(9)))).CountAsync());
    }

    [Fact]
    public async Task Updates_and_pages_through_one_bound_table_use_each_calls_values()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var bound = new SchemaCatalog(dataSource).Table<EveryTypeRow>().On(connection);
        var template = TypeData.EveryTypeRows()[2];
        await bound.InsertManyAsync(Enumerable.Range(1, 10).Select(i => template with { Id = i, Number = 0, Text = "" }));

        for (var i = 1; i <= 10; i++)
        {
            var result = await bound.Update()
                .Set(EveryTypeRow.Columns.Number, i * 11)
                .Set(EveryTypeRow.Columns.Text, $"row {i}")
                .Where(EveryTypeRow.Columns.Id.Eq(i))
                .ExecuteAsync();
            Assert.Equal(1, result.Rows);
        }

        var read = await bound.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (i, i * 11, $"row {i}")), read.Select(r => (r.Id, r.Number, r.Text)));

        var pages = new List<int[]>();
        for (var offset = 0; offset < 10; offset += 3)
        {
            var page = await bound.Select().OrderBy(EveryTypeRow.Columns.Id).Limit(3).Offset(offset).ToListAsync();
            pages.Add(page.Select(r => r.Id).ToArray());
        }

        Assert.Equal([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]], pages);
        Assert.Equal(7, (await bound.Delete().Where(EveryTypeRow.Columns.Id.Gt(3)).ExecuteAsync()).Rows);
        Assert.Equal(0, (await bound.Delete().Where(EveryTypeRow.Columns.Id.Gt(3)).ExecuteAsync()).Rows);
        Assert.Equal(3, await bound.Select().CountAsync());
    }

    [Fact]
    public async Task A_statement_that_fails_on_a_bound_table_leaves_the_next_ones_correct()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var bound = new SchemaCatalog(dataSource).Table<EveryTypeRow>().On(connection);
        var template = TypeData.EveryTypeRows()[2];
        await bound.InsertAsync(template with { Id = 1, Code = "first" });

        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => bound.InsertAsync(template with { Id = 1, Code = "again" }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        var tooLong = await Assert.ThrowsAsync<PostgresException>(() => bound.InsertAsync(template with { Id = 2, Code = new string('x', 21) }));
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, tooLong.SqlState);
        await bound.InsertAsync(template with { Id = 3, Code = "third" });

        var read = await bound.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync();
        Assert.Equal([(1, "first"), (3, "third")], read.Select(r => (r.Id, r.Code)));
    }

    [Fact]
    public async Task Two_callers_racing_on_one_bound_table_do_not_break_it_for_the_next_statement()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var bound = new SchemaCatalog(dataSource).Table<EveryTypeRow>().On(connection);
        var template = TypeData.EveryTypeRows()[2];
        await bound.InsertManyAsync([template with { Id = 1 }, template with { Id = 2 }]);

        // Misuse: a connection runs one statement at a time, so Npgsql may refuse the second caller. Whatever it
        // does, the kept commands must still hold the right parameters afterwards.
        var racing = new[] { bound.Select().Where(EveryTypeRow.Columns.Id.Eq(1)).ToListAsync(), bound.Select().Where(EveryTypeRow.Columns.Id.Eq(2)).ToListAsync() };
        try
        {
            await Task.WhenAll(racing);
        }
        catch (NpgsqlOperationInProgressException)
        {
        }

        Assert.All(racing.Where(t => t.IsCompletedSuccessfully), t => Assert.Single(t.Result));
        Assert.All(racing.Where(t => t.IsFaulted), t => Assert.IsType<NpgsqlOperationInProgressException>(t.Exception!.InnerException));
        for (var id = 1; id <= 2; id++)
        {
            Assert.Equal([id], (await bound.Select().Where(EveryTypeRow.Columns.Id.Eq(id)).ToListAsync()).Select(r => r.Id));
        }
    }
    [Fact]
    public async Task A_statement_sent_again_on_a_bound_connection_reuses_its_command_even_after_a_stream()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var bound = table.On(connection);
        var template = TypeData.EveryTypeRows()[2];
        await bound.InsertManyAsync(Enumerable.Range(1, 5).Select(i => template with { Id = i, Number = 0 }));
        var store = Execution.BoundCommands.For(connection);
        var before = store.CommandsCreated;

        for (var id = 1; id <= 5; id++)
        {
            Assert.Equal(id, (await bound.Select().Where(EveryTypeRow.Columns.Id.Eq(id)).FirstOrDefaultAsync())!.Id);
            await bound.Update().Set(EveryTypeRow.Columns.Number, id).Where(EveryTypeRow.Columns.Id.Eq(id)).ExecuteAsync();
        }

        Assert.Equal(before + 2, store.CommandsCreated);

        // A stream holds its command until it ends; ended early, it gives it back, and the next statements reuse.
        await foreach (var row in bound.Select().OrderBy(EveryTypeRow.Columns.Id).AsAsyncEnumerable())
        {
            Assert.Equal(1, row.Id);
            break;
        }

        Assert.Equal(before + 3, store.CommandsCreated);
        Assert.Equal(3, (await bound.Select().Where(EveryTypeRow.Columns.Id.Eq(3)).FirstOrDefaultAsync())!.Number);
        Assert.Equal(before + 3, store.CommandsCreated);

        // Another table bound to the same connection later (the next unit of work) finds the same commands.
        Assert.Equal(4, (await table.On(connection).Select().Where(EveryTypeRow.Columns.Id.Eq(4)).FirstOrDefaultAsync())!.Number);
        Assert.Equal(before + 3, store.CommandsCreated);
    }

    [Fact]
    public async Task DateTime_values_are_typed_by_their_own_Kind_on_every_call_as_on_an_unbound_table()
    {
        // Npgsql sends a DateTime of kind UTC as timestamptz and any other as timestamp; into a timestamp column the
        // server converts the former through the session's time zone. A command kept prepared with the first call's
        // types would send later values under the wrong type, so statements with DateTime parameters are not kept.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timezone = "America/New_York" };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var bound = table.On(connection);
        var template = TypeData.EveryTypeRows()[2];
        var utc = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
        var local = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Unspecified);

        await bound.InsertAsync(template with { Id = 1, Stamp = utc });
        await bound.InsertAsync(template with { Id = 2, Stamp = local });
        await bound.InsertAsync(template with { Id = 3, Stamp = utc });
        await table.InsertAsync(template with { Id = 11, Stamp = utc });
        await table.InsertAsync(template with { Id = 12, Stamp = local });

        var stamps = (await table.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync()).ToDictionary(r => r.Id, r => r.Stamp);
        Assert.Equal(stamps[11], stamps[1]);
        Assert.Equal(stamps[11], stamps[3]);
        Assert.Equal(local, stamps[2]);
        Assert.Equal(local, stamps[12]);
        Assert.Equal(2, await bound.Select().Where(EveryTypeRow.Columns.Stamp.Eq(local)).CountAsync());
    }
    [Fact]
    public async Task Kept_commands_follow_each_binding_into_its_own_transaction()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var table = new SchemaCatalog(dataSource).Table<EveryTypeRow>();
        var template = TypeData.EveryTypeRows()[2];
        await table.On(connection).InsertManyAsync(Enumerable.Range(1, 3).Select(i => template with { Id = i, Number = 0 }));
        var store = Execution.BoundCommands.For(connection);

        // Unit of work 1 commits, unit 2 rolls back, unit 3 runs outside a transaction: one kept UPDATE command serves
        // all three, and each statement belongs to the transaction open when it is sent (a kept command carrying the
        // first, completed transaction must neither fail nor leak into the next unit's outcome).
        await using (var committed = await connection.BeginTransactionAsync())
        {
            await table.On(connection, committed).Update().Set(EveryTypeRow.Columns.Number, 10).Where(EveryTypeRow.Columns.Id.Eq(1)).ExecuteAsync();
            await committed.CommitAsync();
        }

        var created = store.CommandsCreated;
        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            await table.On(connection, rolledBack).Update().Set(EveryTypeRow.Columns.Number, 20).Where(EveryTypeRow.Columns.Id.Eq(2)).ExecuteAsync();
            await rolledBack.RollbackAsync();
        }

        await table.On(connection).Update().Set(EveryTypeRow.Columns.Number, 30).Where(EveryTypeRow.Columns.Id.Eq(3)).ExecuteAsync();

        Assert.Equal(created, store.CommandsCreated);
        var read = await table.Select().OrderBy(EveryTypeRow.Columns.Id).ToListAsync();
        Assert.Equal([10, 0, 30], read.Select(r => r.Number));
    }

    [Fact]
    public async Task Kept_commands_are_reused_unprepared_when_the_catalog_does_not_prepare()
    {
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var bound = new SchemaCatalog(dataSource, new SchemaCatalogOptions { PrepareStatements = false }).Table<EveryTypeRow>().On(connection);
        var template = TypeData.EveryTypeRows()[2];
        await bound.InsertManyAsync(Enumerable.Range(1, 4).Select(i => template with { Id = i, Text = $"t{i}" }));

        for (var id = 1; id <= 4; id++)
        {
            Assert.Equal($"t{id}", (await bound.Select().Where(EveryTypeRow.Columns.Id.Eq(id)).FirstOrDefaultAsync())!.Text);
        }

        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements", connection);
        Assert.Equal(0L, (long)(await prepared.ExecuteScalarAsync())!);
    }
}
