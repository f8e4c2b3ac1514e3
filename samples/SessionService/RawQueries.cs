using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Tolerant;

namespace SessionService;

/// <summary>
/// Raw SQL beside the generated builders, as every real service has. The analyzer checks it against the mapped
/// model: <see cref="CountLoggedOutAsync"/> is guarded; <see cref="CountActiveUncheckedAsync"/> is the deliberate
/// TOL1001 this sample shows in its build output.
/// </summary>
public static class RawQueries
{
    /// <summary>Sessions ended by a logout, or 0 before migration 015 (no session could record one).</summary>
    public static async Task<long> CountLoggedOutAsync(NpgsqlDataSource dataSource, Table<UserSession> sessions, CancellationToken cancellationToken)
    {
        var caps = await sessions.GetCapabilitiesAsync(cancellationToken);
        if (!caps.Has(UserSession.Columns.LogoutAt))
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE logout_at IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The bug the originating service shipped: this fails with 42703 before migration 015. Kept on purpose so the
    /// build shows TOL1001; the demo never calls it.
    /// </summary>
    public static async Task<long> CountActiveUncheckedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE is_active");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
