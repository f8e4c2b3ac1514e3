using System;
using System.Threading;
using System.Threading.Tasks;

namespace SessionService;

/// <summary>
/// The originating session service, rebuilt on Tolerant. <c>demo</c> (what <c>./build.sh demo</c> runs) walks the
/// service's table through migrations 003 and 015 against a throwaway PostgreSQL and prints what happens.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var command = args.Length > 0 ? args[0] : "demo";
        switch (command)
        {
            case "demo":
                return await ConsoleDemo.RunAsync(Console.Out, cancellation.Token);
            default:
                Console.Error.WriteLine($"SessionService: unknown command '{command}'; use 'demo'.");
                return 2;
        }
    }
}
