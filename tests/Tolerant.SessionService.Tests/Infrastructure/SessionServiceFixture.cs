using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace SessionService.Tests;

/// <summary>
/// One database and one running service per test class, migrated to <see cref="MigrateTo"/> at startup. Tests of the
/// class run one after another; each starts with <see cref="ServiceUnderTest.ResetAsync"/>.
/// </summary>
public abstract class SessionServiceFixture : IAsyncLifetime
{
    private ServiceUnderTest? _service;

    /// <summary>The service and its database.</summary>
    public ServiceUnderTest Service => _service ?? throw new System.InvalidOperationException("Take the fixture as a class fixture.");

    /// <summary>What the service logged while it started, before the first test cleared the log.</summary>
    public IReadOnlyList<LogEntry> StartupLogs { get; private set; } = [];

    /// <summary>The migration the service stops at.</summary>
    protected abstract string MigrateTo { get; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _service = await ServiceUnderTest.StartAsync(MigrateTo);
        StartupLogs = _service.Logs.Entries;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}

/// <summary>A service started with <c>MIGRATE_TO=003</c>.</summary>
public sealed class At003Fixture : SessionServiceFixture
{
    /// <inheritdoc />
    protected override string MigrateTo => "003";
}

/// <summary>A service started with <c>MIGRATE_TO=015</c>.</summary>
public sealed class At015Fixture : SessionServiceFixture
{
    /// <inheritdoc />
    protected override string MigrateTo => "015";
}
