using System;
using System.Linq;
using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Tolerant;

namespace SessionService;

/// <summary>
/// Builds the session service: its services, its endpoints and its startup steps. <see cref="Program"/>, the demo and
/// the tests all start the service through here.
/// </summary>
public static class SessionServiceApp
{
    /// <summary>The connection string's name: <c>ConnectionStrings:Sessions</c>, or <c>ConnectionStrings__Sessions</c> in the environment.</summary>
    public const string ConnectionStringName = "Sessions";

    /// <summary>What is wrong when no connection string is configured.</summary>
    public const string MissingConnectionString =
        $"No connection string: set ConnectionStrings__{ConnectionStringName} (or --ConnectionStrings:{ConnectionStringName}=...), or run 'demo'.";

    /// <summary>Where the service listens unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise; loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Builds the service from <paramref name="args"/> and the environment. <paramref name="configure"/> runs after the
    /// logging defaults and before the service's own registrations, for the demo to add its clock, settings and log.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        // One line per request and per command is too much for a service's console; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);

        // The health endpoint reports a degraded schema in its answer; logging it at Warning on every probe as well
        // would repeat at each poll what the catalog already logged once, at Information. Unhealthy is still an Error.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error);

        configure?.Invoke(builder);

        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        else
        {
            RequireLoopback(urls);
        }

        AddSessionService(builder.Services);

        var app = builder.Build();
        app.MapSessionEndpoints();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }

    /// <summary>Registers the data source, its one schema catalog, the service, the migration and cleanup steps and the health check.</summary>
    public static IServiceCollection AddSessionService(IServiceCollection services)
    {
        services.AddOptions<SessionServiceOptions>().BindConfiguration(SessionServiceOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Read when first resolved, not while building, so that settings added later (tests, the demo) count.
        services.AddSingleton(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new SessionServiceConfigurationException(MissingConnectionString);
            }

            return new NpgsqlDataSourceBuilder(connectionString)
                .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
                .Build();
        });

        // One catalog per data source: it probes every mapped table in one catalog query and caches the answer.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SessionServiceOptions>>().Value;
            return new SchemaCatalog(
                provider.GetRequiredService<NpgsqlDataSource>(),
                new SchemaCatalogOptions
                {
                    LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
                    TimeToLive = options.SchemaTimeToLive > TimeSpan.Zero ? options.SchemaTimeToLive : null,
                });
        });
        services.AddSingleton<UserSessionService>();
        services.AddSingleton(provider => new MigrationRunner(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<ILogger<MigrationRunner>>()));

        // Hosted services start in order: the migrations before the cleanup job, both before the server.
        services.AddHostedService<MigrationStartup>();
        services.AddSingleton<SessionCleanupJob>();
        services.AddHostedService(provider => provider.GetRequiredService<SessionCleanupJob>());

        services.AddHealthChecks().AddCheck<SchemaHealthCheck>(SchemaHealthCheck.Name);
        return services;
    }

    private static void RequireLoopback(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
            var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
            {
                throw new SessionServiceConfigurationException($"The session service listens on loopback only; '{url}' is not a loopback address.");
            }
        }
    }
}
