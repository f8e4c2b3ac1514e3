using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace SessionService;

/// <summary>
/// The originating session service, rebuilt on Tolerant. With no arguments it serves its HTTP API (connection string in
/// <c>ConnectionStrings__Sessions</c>); <c>demo</c> (what <c>./build.sh demo</c> runs) starts a throwaway PostgreSQL
/// and the service beside it, and walks it through a live migration.
/// </summary>
/// <remarks>A class, not a static class, so that tests can name it: <c>WebApplicationFactory&lt;Program&gt;</c>.</remarks>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Serves the API, or runs the demo when the first argument is <c>demo</c>.</summary>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "demo")
        {
            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
            };
            return await LiveMigrationDemo.RunAsync(Console.Out, new DemoOptions(), cancellation.Token).ConfigureAwait(false);
        }

        WebApplication app;
        try
        {
            app = SessionServiceApp.Build(args);
        }
        catch (SessionServiceConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"SessionService: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (app.ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(app.Configuration.GetConnectionString(SessionServiceApp.ConnectionStringName)))
            {
                await Console.Error.WriteLineAsync($"SessionService: {SessionServiceApp.MissingConnectionString}").ConfigureAwait(false);
                return 2;
            }

            await app.RunAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
