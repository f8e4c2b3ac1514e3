using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SessionService.Tests;

/// <summary>The cleanup job on its own timer (a short period) at both migration levels: it runs, does its work, logs no error, and stops with the host.</summary>
public sealed class CleanupJobTests
{
    private static readonly Dictionary<string, string?> ShortPeriod = new() { ["Sessions:CleanupPeriod"] = "00:00:00.050" };

    [Fact]
    public async Task At_003_the_timer_runs_the_job_which_purges_old_sessions_without_error()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: "003", ShortPeriod);
        var old = await service.Api.LoginAsync(Guid.NewGuid());
        service.Clock.Advance(TimeSpan.FromDays(31));

        await WaitUntilAsync(async () => await service.ScalarAsync<long>("SELECT count(*) FROM shared.user_sessions WHERE id = $1", old.Session.Id) == 0);
        var runs = service.Job.CompletedRuns;
        await WaitUntilAsync(() => Task.FromResult(service.Job.CompletedRuns > runs + 1));

        Assert.Equal(0, service.Job.FailedRuns);
        Assert.Equal(new CleanupReport(0, 0, 0, service.Clock.GetUtcNow().AddDays(-30)), service.Job.LastReport);
        Assert.Single(service.Logs.At(LogLevel.Information, "Cleanup: 0 sessions marked expired; 1 sessions and 0 audit events"));
        Assert.Single(service.Logs.At(LogLevel.Information, "Cleanup job runs every 00:00:00.0500000"));

        await service.StopAsync();
        Assert.Single(service.Logs.At(LogLevel.Information, "Cleanup job stopped"));
        service.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task At_015_the_timer_runs_the_job_which_marks_expired_sessions_inactive_without_error()
    {
        await using var service = await ServiceUnderTest.CreateAsync(migrateTo: "015", ShortPeriod);
        var session = await service.Api.LoginAsync(Guid.NewGuid(), tenant: "acme");
        service.Clock.Advance(TimeSpan.FromHours(9));

        await WaitUntilAsync(async () => !await service.ScalarAsync<bool>("SELECT is_active FROM shared.user_sessions WHERE id = $1", session.Session.Id));
        var runs = service.Job.CompletedRuns;
        await WaitUntilAsync(() => Task.FromResult(service.Job.CompletedRuns > runs + 1));

        Assert.Equal(0, service.Job.FailedRuns);
        Assert.Single(service.Logs.At(LogLevel.Information, "Cleanup: 1 sessions marked expired; 0 sessions and 0 audit events"));
        Assert.Equal(new CleanupReport(0, 0, 0, service.Clock.GetUtcNow().AddDays(-30)), service.Job.LastReport);

        await service.StopAsync();
        Assert.Single(service.Logs.At(LogLevel.Information, "Cleanup job stopped"));
        service.Logs.AssertNoErrors();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after a minute, which only a hung job takes.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new Xunit.Sdk.XunitException("The cleanup job did not do its work within a minute.");
            }

            await Task.Delay(20);
        }
    }
}
