using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Tolerant;
using Xunit;

namespace SessionService.Tests;

/// <summary>The tiny migration runner, and the service's SKIP_MIGRATIONS and MIGRATE_TO switches.</summary>
public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task Applies_the_migrations_in_order_once_and_records_them()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: null);

        Assert.Equal(["003", "015"], service.Migrations.Available.Select(m => m.Version));
        Assert.Empty(await service.Migrations.GetAppliedAsync(default));
        Assert.Equal(["003", "015"], (await service.MigrateAsync()).Select(m => m.Version));
        Assert.Equal(["003", "015"], await service.Migrations.GetAppliedAsync(default));
        Assert.Empty(await service.Migrations.GetPendingAsync(default));
        Assert.Empty(await service.MigrateAsync());
        Assert.Equal(
            "user_sessions,session_state",
            await service.ScalarAsync<string>("SELECT string_agg(name, ',' ORDER BY version) FROM public.schema_migrations"));

        var catalog = new SchemaCatalog(service.DataSource);
        Assert.True((await catalog.Table<UserSession>().GetCapabilitiesAsync()).IsComplete);
        Assert.True((await catalog.Table<SessionEvent>().GetCapabilitiesAsync()).IsComplete);
    }

    [Fact]
    public async Task A_target_stops_at_its_migration()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: null);

        Assert.Equal(["003"], (await service.MigrateAsync("3")).Select(m => m.Version));
        Assert.Equal(["015"], (await service.Migrations.GetPendingAsync(default)).Select(m => m.Version));
        var caps = await new SchemaCatalog(service.DataSource).Table<UserSession>().GetCapabilitiesAsync();
        Assert.Equal(["is_active", "updated_at", "logout_at", "tenant_id"], caps.MissingOptional.Select(c => c.Name));
        Assert.Empty(await service.MigrateAsync("003"));
        Assert.Equal(["015"], (await service.MigrateAsync("015")).Select(m => m.Version));
    }

    [Fact]
    public async Task An_unknown_target_is_refused_before_anything_runs()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: null);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => service.MigrateAsync("007"));
        Assert.StartsWith("There is no migration 007 in ", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("there are 003, 015", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => service.MigrateAsync("latest"));
        Assert.Empty(await service.Migrations.GetAppliedAsync(default));
    }

    [Fact]
    public async Task Runners_started_together_apply_each_migration_once()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: null);
        var other = new MigrationRunner(service.DataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var both = await Task.WhenAll(service.MigrateAsync(), other.MigrateAsync(null, default));

        Assert.Equal(["003", "015"], both.SelectMany(applied => applied).Select(m => m.Version).Order());
        Assert.Equal(["003", "015"], await service.Migrations.GetAppliedAsync(default));
    }

    [Fact]
    public async Task The_contract_folder_is_not_applied_by_the_runner()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: null);

        await service.MigrateAsync();

        Assert.Contains("logout_at", await service.ColumnsOfAsync("shared.user_sessions"));
        Assert.True(await service.DropLogoutAtAsync());
        Assert.False(await service.DropLogoutAtAsync());
        Assert.Equal(["003", "015", "020"], await service.Migrations.GetAppliedAsync(default));
    }

    [Fact]
    public async Task SKIP_MIGRATIONS_serves_the_schema_as_it_is()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: null, new Dictionary<string, string?> { ["SKIP_MIGRATIONS"] = "true" });
        await service.MigrateAsync("003");

        var health = await service.Api.HealthAsync();

        Assert.Equal("Degraded", health.Status);
        Assert.Equal(["015"], health.Pending);
        Assert.Equal(["003"], await service.Migrations.GetAppliedAsync(default));
        Assert.Single(service.Logs.At(LogLevel.Information, "SKIP_MIGRATIONS=true: no migration is run"));
        service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task SKIP_MIGRATIONS_on_an_empty_database_is_unhealthy_naming_migration_003()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: null, new Dictionary<string, string?> { ["SKIP_MIGRATIONS"] = "true" });

        var health = await service.Api.HealthAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Unhealthy", health.Status);
        Assert.Equal(["shared.user_sessions", "shared.session_events"], health.Missing);
        Assert.Equal(["003", "015"], health.Pending);
        Assert.StartsWith("shared.user_sessions does not exist: every operation on it fails; run migration 003, 015", health.Description, StringComparison.Ordinal);
        // A missing required table is an error, logged once when the catalog sees it and once by each unhealthy check.
        Assert.Equal(
            [
                "Tolerant.SchemaCatalog: shared.user_sessions does not exist",
                "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService: Health check schema with status Unhealthy completed after",
            ],
            service.Logs.Errors.Select(e => $"{e.Category}: {e.Message}").Select(text => text.Contains(" completed after", StringComparison.Ordinal) ? text[..(text.IndexOf(" completed after", StringComparison.Ordinal) + 16)] : text));
    }

    [Fact]
    public async Task An_unknown_MIGRATE_TO_stops_the_service_from_starting()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: "999");

        var failure = Assert.Throws<ArgumentException>(() => service.Client);

        Assert.StartsWith("There is no migration 999 in ", failure.Message, StringComparison.Ordinal);
    }
}
