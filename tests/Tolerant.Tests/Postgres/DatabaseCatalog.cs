using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Tests.Postgres;

/// <summary>Asks a server which databases it has, to check what was created and dropped.</summary>
internal static class DatabaseCatalog
{
    /// <summary>Whether the database <paramref name="databaseConnectionString"/> names exists on the server of <paramref name="adminConnectionString"/>.</summary>
    public static async Task<bool> ExistsAsync(string adminConnectionString, string databaseConnectionString)
    {
        string? name = new NpgsqlConnectionStringBuilder(databaseConnectionString).Database;
        await using NpgsqlDataSource admin = NpgsqlDataSource.Create(adminConnectionString);
        await using NpgsqlCommand exists = admin.CreateCommand("select exists (select 1 from pg_database where datname = $1)");
        exists.Parameters.Add(new NpgsqlParameter { Value = name });
        return (bool)(await exists.ExecuteScalarAsync())!;
    }
}
