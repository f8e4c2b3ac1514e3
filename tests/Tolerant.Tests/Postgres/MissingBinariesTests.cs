using System.IO;
using System.Threading.Tasks;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>Without server binaries (and without TOLERANT_PG) the failure says how to get them, in one line.</summary>
public sealed class MissingBinariesTests
{
    [Fact]
    public async Task A_bin_folder_without_initdb_gives_PostgresUnavailableException_with_the_install_hint()
    {
        string bin = Directory.CreateTempSubdirectory("tolerant-nobin-").FullName;
        try
        {
            // Only initdb is missing.
            await File.WriteAllTextAsync(Path.Combine(bin, "pg_ctl"), "");

            PostgresUnavailableException error = await Assert.ThrowsAsync<PostgresUnavailableException>(() =>
                PostgresServer.StartAsync(new PostgresServerOptions { BinDirectory = bin, IgnoreEnvironmentServer = true }));

            Assert.Contains("there is no initdb in " + bin, error.Message);
            Assert.Contains("apt-get install -y postgresql", error.Message);
            Assert.Contains("./build.sh test", error.Message);
            Assert.Contains("set TOLERANT_PG to the connection string", error.Message);
            Assert.DoesNotContain("\n", error.Message);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }
}
