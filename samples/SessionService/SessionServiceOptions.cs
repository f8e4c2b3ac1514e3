using System;

namespace SessionService;

/// <summary>The service's settings, bound from the <c>Sessions</c> configuration section.</summary>
public sealed class SessionServiceOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Sessions";

    /// <summary>How long a new session lasts unless the user logs out first.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often the cleanup job runs.</summary>
    public TimeSpan CleanupPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long ended sessions and audit events are kept for the login history before the cleanup job deletes them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long the schema catalog trusts what it saw before probing again by itself (<see cref="TimeSpan.Zero"/>: only
    /// when told, or after a statement failed because the schema changed). A backstop for deployments that run a
    /// migration and forget to call <c>POST /admin/schema/refresh</c>.
    /// </summary>
    public TimeSpan SchemaTimeToLive { get; set; } = TimeSpan.FromMinutes(5);
}
