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
/// Schema, table and column names that only work when every identifier is quoted exactly: insert, select, update,
/// delete and count through PostgreSQL, with the hostile optional columns missing and then added; an unqualified
/// table found through search_path; and a qualified name that picks its schema when another holds the same table.
/// </summary>
public sealed class HostileIdentifierTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string CreateOddTable = """"
        DROP SCHEMA IF EXISTS "Odd.Schema" CASCADE;
        DROP SCHEMA IF EXISTS "odd.schema" CASCADE;
        CREATE SCHEMA "Odd.Schema";
        CREATE TABLE "Odd.Schema"."User ""Sessions""" (
            "ID" uuid PRIMARY KEY,
            "id" uuid,
            "select" text,
            "naïve café" text,
            "with ""quotes""" integer NOT NULL,
            "dotted.name" bigint NOT NULL,
            "Mixed Case" text NOT NULL,
            "drop; -- \ $1" text
        );
        CREATE SCHEMA "odd.schema";
        CREATE TABLE "odd.schema"."user ""sessions""" (
            "ID" uuid PRIMARY KEY,
            "with ""quotes""" integer NOT NULL,
            "Is ""Active""?" boolean NOT NULL DEFAULT true,
            "last.seen at" timestamptz
        );
        INSERT INTO "odd.schema"."user ""sessions""" VALUES ('99999999-9999-9999-9999-999999999999', 99, false, now());
        """";

    private const string Migration042 = """"
        ALTER TABLE "Odd.Schema"."User ""Sessions"""
            ADD COLUMN "Is ""Active""?" boolean NOT NULL DEFAULT true,
            ADD COLUMN "last.seen at" timestamptz;
        """";

    private const string CreatePathTables = """"
        DROP SCHEMA IF EXISTS "Tenant B" CASCADE;
        DROP TABLE IF EXISTS public."Path Found";
        CREATE SCHEMA "Tenant B";
        CREATE TABLE "Tenant B"."Path Found" ("Key" integer PRIMARY KEY, "value" text, "Extra ""x""" integer);
        CREATE TABLE public."Path Found" ("Key" integer PRIMARY KEY, "value" text);
        INSERT INTO public."Path Found" VALUES (1, 'public row');
        """";

    private const string SetTenantPath = "SET search_path TO \"Tenant B\"";

    private const string OddTableCount = """"SELECT count(*) FROM "Odd.Schema"."User ""Sessions""" """";

    private static readonly DateTimeOffset Seen = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Capabilities_name_the_missing_hostile_columns_exactly_and_see_them_once_added()
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, CreateOddTable);
        var catalog = new SchemaCatalog(database.DataSource);
        var table = catalog.Table<HostileSession>();

        var before = await table.GetCapabilitiesAsync();
        Assert.True(before.TableExists);
        Assert.Equal(["Is \"Active\"?", "last.seen at"], before.Missing.Select(c => c.Name));
        Assert.Equal(["IsActive", "LastSeen"], before.Missing.Select(c => c.PropertyName));
        Assert.Empty(before.MissingRequired);
        Assert.True(before.Has(HostileSession.Columns.Id));
        Assert.True(before.Has(HostileSession.Columns.Punctuation));
        Assert.Equal(
            "Odd.Schema.User \"Sessions\" is missing Is \"Active\"?, last.seen at (migration 042): reading declared defaults, writes leave them out",
            before.ToString());

        await RoundTripSql.ExecuteAsync(database.DataSource, Migration042);
        catalog.Invalidate();
        var after = await table.GetCapabilitiesAsync();

        Assert.True(after.IsComplete);
        Assert.Equal("Odd.Schema.User \"Sessions\" has all 9 mapped columns", after.ToString());
    }

    [Fact]
    public async Task Every_operation_works_while_the_hostile_optional_columns_are_missing()
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, CreateOddTable);
        await ExerciseEveryOperationAsync(migrated: false);
    }

    [Fact]
    public async Task Every_operation_works_once_the_hostile_optional_columns_are_added()
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, CreateOddTable + Migration042);
        await ExerciseEveryOperationAsync(migrated: true);
    }

    [Fact]
    public async Task Rows_written_before_migration_042_read_the_same_after_it()
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, CreateOddTable);
        var catalog = new SchemaCatalog(database.DataSource);
        var table = catalog.Table<HostileSession>();
        await table.InsertManyAsync(Enumerable.Range(1, 4).Select(n => Row(n)));
        var before = await table.Select().OrderBy(HostileSession.Columns.Quoted).ToListAsync();

        await RoundTripSql.ExecuteAsync(database.DataSource, Migration042);
        catalog.Invalidate();
        var after = await table.Select().OrderBy(HostileSession.Columns.Quoted).ToListAsync();

        Assert.Equal(before, after);
        Assert.Equal(Enumerable.Range(1, 4).Select(n => Row(n)), after);
        var logout = await table.Update().Set(HostileSession.Columns.IsActive, false).Set(HostileSession.Columns.LastSeen, Seen)
            .Where(HostileSession.Columns.Quoted.Eq(2)).ExecuteAsync();
        Assert.Equal(1, logout.Rows);
        Assert.Empty(logout.Skipped);
        Assert.Equal(Row(2, active: false, seen: Seen), Assert.Single(await table.Select().Where(HostileSession.Columns.IsActive.Eq(false)).ToListAsync()));
    }

    [Fact]
    public async Task An_unqualified_table_is_found_through_the_search_path_of_the_connection()
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, CreatePathTables);

        // "Tenant B" comes first on this path: its table, with the optional column, is the one statements use.
        await using (var tenant = RoundTripSql.CreateDataSource(database.ConnectionString, searchPath: "\"Tenant B\", public"))
        {
            var table = new SchemaCatalog(tenant).Table<PathFound>();
            Assert.True((await table.GetCapabilitiesAsync()).IsComplete);
            Assert.Equal(0L, await table.Select().CountAsync());

            Assert.Equal(1, (await table.InsertAsync(new PathFound { Key = 1, Value = "tenant row", Extra = 7 })).Rows);
            Assert.Equal(2, (await table.InsertManyAsync([new PathFound { Key = 2, Value = "two" }, new PathFound { Key = 3, Value = "three", Extra = 3 }])).Rows);
            Assert.Equal(1, (await table.Update().Set(PathFound.Columns.Extra, 2).Where(PathFound.Columns.Key.Eq(2)).ExecuteAsync()).Rows);
            Assert.Equal(1, (await table.Delete().Where(PathFound.Columns.Value.Eq("three")).ExecuteAsync()).Rows);

            Assert.Equal(
                [new PathFound { Key = 1, Value = "tenant row", Extra = 7 }, new PathFound { Key = 2, Value = "two", Extra = 2 }],
                await table.Select().OrderBy(PathFound.Columns.Key).ToListAsync());
            Assert.Equal(1L, await table.Select().Where(PathFound.Columns.Extra.Gt(5)).CountAsync());
        }

        // With only public on the path, the other table is found, and it lacks the optional column.
        await using (var plain = RoundTripSql.CreateDataSource(database.ConnectionString, searchPath: "public"))
        {
            var table = new SchemaCatalog(plain).Table<PathFound>();
            var caps = await table.GetCapabilitiesAsync();
            Assert.Equal("Path Found is missing Extra \"x\" (migration 009): reading declared defaults, writes leave them out", caps.ToString());
            Assert.Equal([new PathFound { Key = 1, Value = "public row" }], await table.Select().ToListAsync());
            var inserted = await table.InsertAsync(new PathFound { Key = 5, Value = "five", Extra = 5 });
            Assert.Equal(["Extra \"x\""], inserted.Skipped.Select(c => c.Name));
        }

        Assert.Equal(2L, await RoundTripSql.ScalarAsync<long>(database.DataSource, "SELECT count(*) FROM \"Tenant B\".\"Path Found\""));
        Assert.Equal(2L, await RoundTripSql.ScalarAsync<long>(database.DataSource, "SELECT count(*) FROM public.\"Path Found\""));
    }

    [Fact]
    public async Task An_unqualified_table_is_found_through_a_search_path_SET_on_every_pooled_connection()
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, CreatePathTables);
        // No Reset On Close keeps the SET across pool returns (Npgsql otherwise resets session settings on close).
        var builder = new NpgsqlDataSourceBuilder(database.ConnectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.UsePhysicalConnectionInitializer(
            connection =>
            {
                using var command = new NpgsqlCommand(SetTenantPath, connection);
                command.ExecuteNonQuery();
            },
            async connection =>
            {
                await using var command = new NpgsqlCommand(SetTenantPath, connection);
                await command.ExecuteNonQueryAsync();
            });
        await using var dataSource = builder.Build();
        var table = new SchemaCatalog(dataSource).Table<PathFound>();

        Assert.True((await table.GetCapabilitiesAsync()).IsComplete);
        for (var key = 1; key <= 3; key++)
        {
            var inserted = await table.InsertAsync(new PathFound { Key = key, Value = $"tenant {key}", Extra = key * 10 });
            Assert.Empty(inserted.Skipped);
        }

        Assert.Equal(
            [20, 30],
            (await table.Select().Where(PathFound.Columns.Extra.Ge(20)).OrderBy(PathFound.Columns.Key).ToListAsync()).Select(r => r.Extra));
        Assert.Equal(3L, await RoundTripSql.ScalarAsync<long>(database.DataSource, "SELECT count(*) FROM \"Tenant B\".\"Path Found\" WHERE \"Extra \"\"x\"\"\" IS NOT NULL"));
        Assert.Equal(1L, await RoundTripSql.ScalarAsync<long>(database.DataSource, "SELECT count(*) FROM public.\"Path Found\""));
    }

    [Fact]
    public async Task A_qualified_name_picks_its_schema_when_another_schema_on_the_path_has_the_same_table()
    {
        await RoundTripSql.ExecuteAsync(database.DataSource, """
            DROP SCHEMA IF EXISTS alpha CASCADE;
            DROP SCHEMA IF EXISTS "Beta Schema" CASCADE;
            CREATE SCHEMA alpha;
            CREATE SCHEMA "Beta Schema";
            CREATE TABLE alpha.twin (id integer PRIMARY KEY, label text NOT NULL);
            CREATE TABLE "Beta Schema".twin (id integer PRIMARY KEY, label text NOT NULL, extra integer);
            INSERT INTO alpha.twin VALUES (1, 'alpha one'), (2, 'alpha two');
            INSERT INTO "Beta Schema".twin VALUES (1, 'beta one', 10);
            """);
        await using var dataSource = RoundTripSql.CreateDataSource(database.ConnectionString, searchPath: "alpha, public");
        var catalog = new SchemaCatalog(dataSource);
        var beta = catalog.Table<TwinInBeta>();
        var onPath = catalog.Table<TwinOnPath>();

        Assert.True((await beta.GetCapabilitiesAsync()).IsComplete);
        Assert.Equal(["extra"], (await onPath.GetCapabilitiesAsync()).Missing.Select(c => c.Name));
        Assert.Equal([new TwinInBeta { Id = 1, Label = "beta one", Extra = 10 }], await beta.Select().ToListAsync());
        Assert.Equal(
            [new TwinOnPath { Id = 1, Label = "alpha one" }, new TwinOnPath { Id = 2, Label = "alpha two" }],
            await onPath.Select().OrderBy(TwinOnPath.Columns.Id).ToListAsync());

        Assert.Equal(1, (await beta.InsertAsync(new TwinInBeta { Id = 2, Label = "beta two", Extra = 20 })).Rows);
        Assert.Equal(2, (await beta.Update().Set(TwinInBeta.Columns.Label, "beta changed").AllRows().ExecuteAsync()).Rows);
        Assert.Equal(1, (await beta.Delete().Where(TwinInBeta.Columns.Id.Eq(1)).ExecuteAsync()).Rows);
        Assert.Equal(1L, await beta.Select().CountAsync());

        Assert.Equal(
            [new TwinOnPath { Id = 1, Label = "alpha one" }, new TwinOnPath { Id = 2, Label = "alpha two" }],
            await onPath.Select().OrderBy(TwinOnPath.Columns.Id).ToListAsync());
        Assert.Equal(
            "beta changed/2/20",
            await RoundTripSql.ScalarAsync<string>(dataSource, "SELECT string_agg(label || '/' || id || '/' || extra, ',') FROM \"Beta Schema\".twin"));
        Assert.Equal(
            "alpha one,alpha two",
            await RoundTripSql.ScalarAsync<string>(dataSource, "SELECT string_agg(label, ',' ORDER BY id) FROM alpha.twin"));
    }

    private async Task ExerciseEveryOperationAsync(bool migrated)
    {
        var catalog = new SchemaCatalog(database.DataSource);
        var table = catalog.Table<HostileSession>();
        var copying = new SchemaCatalog(database.DataSource, new SchemaCatalogOptions { CopyThreshold = 2 }).Table<HostileSession>();
        string[] optionalNames = ["Is \"Active\"?", "last.seen at"];
        var leftOut = migrated ? Array.Empty<string>() : optionalNames;

        // What the table holds: while the columns are missing, rows read their declared defaults.
        var expected = new List<HostileSession>();
        HostileSession Stored(HostileSession row) => migrated ? row : row with { IsActive = true, LastSeen = null };

        var rows = Enumerable.Range(1, 9).Select(n => Row(n, active: n % 3 != 0, seen: n % 2 == 0 ? Seen.AddMinutes(n) : null)).ToList();
        var single = await table.InsertAsync(rows[0]);
        Assert.Equal(1, single.Rows);
        Assert.Equal(leftOut, single.Skipped.Select(c => c.Name));
        var batch = await table.InsertManyAsync(rows[1..3]);
        Assert.Equal(2, batch.Rows);
        Assert.Equal(leftOut, batch.Skipped.Select(c => c.Name));
        var copy = await copying.InsertManyAsync(rows[3..]);
        Assert.Equal(6, copy.Rows);
        Assert.Equal(leftOut, copy.Skipped.Select(c => c.Name));
        expected.AddRange(rows.Select(Stored));

        Assert.Equal(expected, await table.Select().OrderBy(HostileSession.Columns.Quoted).ToListAsync());
        Assert.Equal(9L, await table.Select().CountAsync());
        Assert.Equal(Stored(rows[4]), await table.Select().Where(HostileSession.Columns.Id.Eq(rows[4].Id)).FirstOrDefaultAsync());

        var conditions = new (string What, Condition<HostileSession> Condition, Func<HostileSession, bool> Holds)[]
        {
            ("select = value", HostileSession.Columns.Select.Eq(rows[0].Select), r => r.Select == rows[0].Select),
            ("select IS NULL", HostileSession.Columns.Select.IsNull(), r => r.Select is null),
            ("naïve café IN", HostileSession.Columns.Cafe.In(rows[1].Cafe, rows[4].Cafe, "absent"), r => r.Cafe == rows[1].Cafe || r.Cafe == rows[4].Cafe),
            ("with quotes > 6", HostileSession.Columns.Quoted.Gt(6), r => r.Quoted > 6),
            ("dotted.name <= 3e10", HostileSession.Columns.Dotted.Le(30_000_000_000), r => r.Dotted <= 30_000_000_000),
            ("Mixed Case <> value", HostileSession.Columns.MixedCase.NotEq("Mixed 1"), r => r.MixedCase != "Mixed 1"),
            ("punctuation = injection", HostileSession.Columns.Punctuation.Eq(Injection), r => r.Punctuation == Injection),
            ("Is Active = true", HostileSession.Columns.IsActive.Eq(true), r => r.IsActive),
            ("Is Active = false", HostileSession.Columns.IsActive.Eq(false), r => !r.IsActive),
            ("last.seen at IS NULL", HostileSession.Columns.LastSeen.IsNull(), r => r.LastSeen is null),
            ("last.seen at >= value", HostileSession.Columns.LastSeen.Ge(Seen.AddMinutes(6)), r => r.LastSeen >= Seen.AddMinutes(6)),
            (
                "(quotes < 3 OR quotes >= 8) AND NOT select IS NULL AND Is Active",
                (HostileSession.Columns.Quoted.Lt(3) | HostileSession.Columns.Quoted.Ge(8)) & !HostileSession.Columns.Select.IsNull() & HostileSession.Columns.IsActive.Eq(true),
                r => (r.Quoted < 3 || r.Quoted >= 8) && r.Select is not null && r.IsActive),
        };
        foreach (var (what, condition, holds) in conditions)
        {
            var want = expected.Where(holds).OrderBy(r => r.Quoted).ToList();
            Assert.True(
                want.SequenceEqual(await table.Select().Where(condition).OrderBy(HostileSession.Columns.Quoted).ToListAsync()),
                $"{what} selected other rows");
            Assert.Equal((long)want.Count, await table.Select().Where(condition).CountAsync());
        }

        var ordered = await table.Select()
            .OrderBy(HostileSession.Columns.IsActive, descending: true)
            .OrderBy(HostileSession.Columns.LastSeen, descending: true)
            .OrderBy(HostileSession.Columns.Quoted)
            .Limit(4)
            .ToListAsync();
        Assert.Equal(
            expected.OrderByDescending(r => r.IsActive).ThenBy(r => r.LastSeen is null ? 0 : 1).ThenByDescending(r => r.LastSeen).ThenBy(r => r.Quoted).Take(4),
            ordered);

        var streamed = new List<HostileSession>();
        await foreach (var row in table.Select().Where(HostileSession.Columns.Dotted.Gt(0)).AsAsyncEnumerable())
        {
            streamed.Add(row);
        }

        Assert.Equal(expected, streamed.OrderBy(r => r.Quoted));

        var renamed = await table.Update()
            .Set(HostileSession.Columns.Select, "updated \"select\" \\ 'x'")
            .Set(HostileSession.Columns.Cafe, null)
            .Where(HostileSession.Columns.Quoted.Eq(2))
            .ExecuteAsync();
        Assert.Equal(1, renamed.Rows);
        Assert.Empty(renamed.Skipped);
        Replace(expected, 2, r => r with { Select = "updated \"select\" \\ 'x'", Cafe = null });

        var deactivated = await table.Update()
            .Set(HostileSession.Columns.IsActive, false)
            .Set(HostileSession.Columns.MixedCase, "Changed")
            .Where(HostileSession.Columns.Dotted.Ge(70_000_000_000))
            .ExecuteAsync();
        Assert.Equal(3, deactivated.Rows);
        Assert.Equal(migrated ? Array.Empty<string>() : ["Is \"Active\"?"], deactivated.Skipped.Select(c => c.Name));
        foreach (var quoted in new[] { 7, 8, 9 })
        {
            Replace(expected, quoted, r => r with { IsActive = migrated ? false : r.IsActive, MixedCase = "Changed" });
        }

        var seen = await table.Update().Set(HostileSession.Columns.LastSeen, Seen).Where(HostileSession.Columns.Quoted.Eq(1)).ExecuteAsync();
        Assert.Equal(migrated ? 1 : 0, seen.Rows);
        Assert.Equal(migrated ? Array.Empty<string>() : ["last.seen at"], seen.Skipped.Select(c => c.Name));
        Replace(expected, 1, r => Stored(r with { LastSeen = Seen }));

        var deleted = await table.Delete().Where(HostileSession.Columns.Cafe.Eq(rows[4].Cafe)).ExecuteAsync();
        Assert.Equal(1, deleted.Rows);
        expected.RemoveAll(r => r.Quoted == 5);
        var inactiveDeleted = await table.Delete().Where(HostileSession.Columns.IsActive.Eq(false) & HostileSession.Columns.Quoted.Lt(7)).ExecuteAsync();
        Assert.Equal(expected.Count(r => !r.IsActive && r.Quoted < 7), inactiveDeleted.Rows);
        expected.RemoveAll(r => !r.IsActive && r.Quoted < 7);

        Assert.Equal(expected, await table.Select().OrderBy(HostileSession.Columns.Quoted).ToListAsync());
        Assert.Equal((long)expected.Count, await table.Select().CountAsync());
        Assert.Equal((long)expected.Count, await RoundTripSql.ScalarAsync<long>(database.DataSource, OddTableCount));
        Assert.Equal(
            0L,
            await RoundTripSql.ScalarAsync<long>(database.DataSource, """"SELECT count("id") FROM "Odd.Schema"."User ""Sessions""" """"));
        Assert.Equal(
            "99/false",
            await RoundTripSql.ScalarAsync<string>(database.DataSource, """"SELECT string_agg("with ""quotes""" || '/' || "Is ""Active""?", ',') FROM "odd.schema"."user ""sessions""" """"));
    }

    private const string Injection = "'; DROP SCHEMA \"Odd.Schema\" CASCADE; --";

    private static HostileSession Row(int n, bool active = true, DateTimeOffset? seen = null) => new()
    {
        Id = Guid.Parse($"00000000-0000-0000-0000-{n:D12}"),
        Select = n % 2 == 0 ? null : $"select * from \"x\" -- {n}",
        Cafe = $"café {n} 'quoted'",
        Quoted = n,
        Dotted = n * 10_000_000_000L,
        MixedCase = $"Mixed {n}",
        Punctuation = n == 3 ? null : Injection,
        IsActive = active,
        LastSeen = seen,
    };

    private static void Replace(List<HostileSession> rows, int quoted, Func<HostileSession, HostileSession> change)
    {
        var index = rows.FindIndex(r => r.Quoted == quoted);
        rows[index] = change(rows[index]);
    }
}
