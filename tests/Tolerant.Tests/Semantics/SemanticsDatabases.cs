using System.Threading.Tasks;
using Tolerant.Tests.Postgres;
using Xunit;

namespace Tolerant.Tests.Semantics;

/// <summary>A class's own database, named after the suite so a leftover is easy to place.</summary>
public class NamedDatabase(string prefix) : PostgresDatabaseFixture
{
    protected override string DatabaseNamePrefix => prefix;
}

public sealed class LiveDdlDatabase() : NamedDatabase("tolerant_live_ddl");

public sealed class ConcurrencyDatabase() : NamedDatabase("tolerant_concurrency");

/// <summary>
/// Two databases on the shared server for the differential tests: <see cref="Partial"/> holds the table at 003 plus
/// the columns a case chooses, <see cref="Complete"/> the table with all of migration 015. The table name is fixed
/// (<c>shared.user_sessions</c>), so the two states need two databases.
/// </summary>
public sealed class SideBySideDatabases : IAsyncLifetime
{
    public PostgresDatabaseFixture Partial { get; } = new NamedDatabase("tolerant_diff_partial");

    public PostgresDatabaseFixture Complete { get; } = new NamedDatabase("tolerant_diff_complete");

    public async Task InitializeAsync()
    {
        await Partial.InitializeAsync();
        await Complete.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Complete.DisposeAsync();
        await Partial.DisposeAsync();
    }
}
