using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tolerant;

namespace SessionService;

/// <summary>
/// Reports the schema as the service sees it: Healthy when every mapped table and column exists, Degraded when optional
/// ones are missing (the service works and reads their defaults), naming them and the migration that adds them, and
/// Unhealthy when a required table or column is missing (every operation on it fails).
/// </summary>
/// <remarks>
/// It reads the catalog's cached answer, so it reports what the service runs with, not what a migration did a moment
/// ago: after a migration, <c>POST /admin/schema/refresh</c> (or the catalog's time-to-live) brings both up to date.
/// </remarks>
public sealed class SchemaHealthCheck : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "schema";

    private readonly UserSessionService _sessions;
    private readonly MigrationRunner _migrations;

    /// <summary>Creates the check.</summary>
    public SchemaHealthCheck(UserSessionService sessions, MigrationRunner migrations)
    {
        _sessions = sessions;
        _migrations = migrations;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sessions = await _sessions.Sessions.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var events = await _sessions.Events.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var pending = (await _migrations.GetPendingAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Version).ToList();

        var missing = new List<string>();
        var addedBy = new SortedSet<string>(StringComparer.Ordinal);
        var required = new List<string>();
        Collect(sessions, createdBy: "003", missing, addedBy, required);
        Collect(events, SessionEvent.CreatedBy, missing, addedBy, required);

        var data = new Dictionary<string, object>
        {
            ["missing"] = missing,
            ["addedBy"] = addedBy.ToList(),
            ["pending"] = pending,
        };
        if (required.Count > 0)
        {
            return HealthCheckResult.Unhealthy(
                $"{string.Join("; ", required)}: every operation on it fails; {Advice(addedBy, pending)}", data: data);
        }

        if (missing.Count == 0)
        {
            return HealthCheckResult.Healthy("every mapped table and column exists", data);
        }

        var described = new List<string>();
        if (!sessions.IsComplete)
        {
            described.Add(sessions.ToString());
        }

        if (!events.IsComplete)
        {
            described.Add(events.ToString());
        }

        return HealthCheckResult.Degraded($"{string.Join("; ", described)}; {Advice(addedBy, pending)}", data: data);
    }

    private static void Collect<T>(TableCapabilities<T> caps, string createdBy, List<string> missing, SortedSet<string> addedBy, List<string> required)
        where T : ISqlTable<T>
    {
        var table = caps.Table.DisplayName;
        if (!caps.TableExists)
        {
            missing.Add(table);
            addedBy.Add(createdBy);
            if (!caps.Table.IsOptional)
            {
                required.Add($"{table} does not exist");
            }

            return;
        }

        foreach (var column in caps.Missing)
        {
            missing.Add($"{table}.{column.Name}");
            addedBy.Add(column.Since ?? createdBy);
        }

        if (caps.MissingRequired.Count > 0)
        {
            required.Add($"{table} lacks required {string.Join(", ", caps.MissingRequired.Select(c => c.Name))}");
        }
    }

    private static string Advice(IEnumerable<string> addedBy, List<string> pending)
    {
        var toRun = addedBy.Where(pending.Contains).ToList();
        var gone = addedBy.Where(m => !pending.Contains(m)).ToList();
        var advice = new List<string>();
        if (toRun.Count > 0)
        {
            advice.Add($"run migration {string.Join(", ", toRun)}");
        }

        if (gone.Count > 0)
        {
            // Either the migration ran after the catalog last looked, or a later (contract) migration removed what it
            // added: from here the two look alike, so the answer names both.
            advice.Add(
                $"migration {string.Join(", ", gone)} is recorded as applied: if it ran after the service last looked, POST /admin/schema/refresh; "
                + "otherwise a later migration removed what it added, which this build still maps");
        }

        return string.Join("; ", advice);
    }
}
