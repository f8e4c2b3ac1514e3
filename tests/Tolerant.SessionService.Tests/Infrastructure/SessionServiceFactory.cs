using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SessionService.Tests;

/// <summary>The session service in memory (TestServer), with the test's settings, clock and log capture.</summary>
public sealed class SessionServiceFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider _clock;
    private readonly CapturedLogs _logs;

    /// <summary>Creates the factory; the service starts on the first client.</summary>
    public SessionServiceFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider clock, CapturedLogs logs)
    {
        _settings = settings;
        _clock = clock;
        _logs = logs;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development turns on the service provider's scope and build-time validation.
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        builder.ConfigureServices(services => services.AddSingleton(_clock));
    }
}
