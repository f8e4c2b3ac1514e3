using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SessionService;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Description">What is missing and what to do about it.</param>
/// <param name="Missing">The missing tables (<c>schema.table</c>) and columns (<c>schema.table.column</c>).</param>
/// <param name="AddedBy">The migrations that add what is missing.</param>
/// <param name="Pending">The migrations of this build not applied to the database.</param>
public sealed record HealthResponse(string Status, string? Description, IReadOnlyList<string> Missing, IReadOnlyList<string> AddedBy, IReadOnlyList<string> Pending)
{
    /// <summary>Writes <paramref name="report"/> as JSON: the health endpoint's response writer.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var entry = report.Entries.TryGetValue(SchemaHealthCheck.Name, out var found) ? found : default;
        var body = new HealthResponse(
            report.Status.ToString(),
            entry.Description ?? entry.Exception?.Message,
            List(entry, "missing"),
            List(entry, "addedBy"),
            List(entry, "pending"));
        return context.Response.WriteAsJsonAsync(body);
    }

    private static IReadOnlyList<string> List(HealthReportEntry entry, string key) =>
        entry.Data is not null && entry.Data.TryGetValue(key, out var value) && value is IEnumerable<string> items ? items.ToList() : [];
}
