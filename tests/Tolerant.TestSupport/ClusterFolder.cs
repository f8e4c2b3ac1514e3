using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tolerant.TestSupport;

/// <summary>
/// The private folder of one throwaway cluster: <c>data/</c> (the cluster), <c>server.log</c>, the server's Unix
/// socket, and <c>owner.pid</c> (the process that created it). Everything the cluster leaves is in here, so
/// deleting the folder removes all of it.
/// </summary>
internal sealed class ClusterFolder
{
    /// <summary>The name every cluster folder starts with; the stale sweep looks at nothing else.</summary>
    public const string NamePrefix = "tolerant-pg-";

    /// <summary>The file recording the owning process (see <see cref="ClusterOwner"/>).</summary>
    public const string OwnerFileName = "owner.pid";

    /// <summary>The port the server listens on. Only the socket's file name depends on it, and the folder is private.</summary>
    public const int Port = 5432;

    // sun_path holds 108 bytes with its terminating NUL.
    private const int MaxSocketPathBytes = 107;

    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Refers to the cluster folder at <paramref name="path"/>, which need not exist.</summary>
    public ClusterFolder(string path)
    {
        Path = path;
    }

    /// <summary>The folder itself; also the server's socket directory.</summary>
    public string Path { get; }

    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => System.IO.Path.Combine(Path, "data");

    /// <summary>Where the server writes its log.</summary>
    public string LogFile => System.IO.Path.Combine(Path, "server.log");

    /// <summary>The file naming the process that created the folder.</summary>
    public string OwnerFile => System.IO.Path.Combine(Path, OwnerFileName);

    /// <summary>The running server's lock file; its first line is the postmaster's pid.</summary>
    public string PostmasterPidFile => System.IO.Path.Combine(DataDirectory, "postmaster.pid");

    /// <summary>The socket clients connect to.</summary>
    public string SocketPath => System.IO.Path.Combine(Path, ".s.PGSQL." + Port.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Creates a new folder in <paramref name="root"/> owned by this process and, when
    /// <paramref name="forPostgresUser"/>, handed to the <c>postgres</c> account that will run the server.
    /// </summary>
    /// <exception cref="PostgresClusterException">The folder would be unusable: too long a socket path, or a parent <c>postgres</c> cannot enter.</exception>
    public static async Task<ClusterFolder> CreateAsync(string root, bool forPostgresUser, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PostgresUnavailableException("a throwaway cluster needs Linux (a Unix socket folder and /proc), not Windows");
        }

        root = System.IO.Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        if (forPostgresUser)
        {
            RequireTraversable(root);
        }

        ClusterFolder folder;
        do
        {
            // 36^8 names: a clash is practically impossible, and the check below catches the rest.
            folder = new ClusterFolder(System.IO.Path.Combine(root, NamePrefix + RandomNumberGenerator.GetString(NameAlphabet, 8)));
        }
        while (Directory.Exists(folder.Path));

        int socketBytes = Encoding.UTF8.GetByteCount(folder.SocketPath);
        if (socketBytes > MaxSocketPathBytes)
        {
            throw new PostgresClusterException(
                $"The server's socket path {folder.SocketPath} would be {socketBytes} bytes; Unix sockets allow {MaxSocketPathBytes}. "
                + "Use a shorter TempRoot, such as /tmp.");
        }

        Directory.CreateDirectory(folder.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // First thing, so a sweep in another process never takes a folder being set up for a stale one.
        ClusterOwner.Current.WriteTo(folder.OwnerFile);

        if (forPostgresUser)
        {
            try
            {
                await GiveToPostgresUserAsync(folder.Path, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                folder.Delete();
                throw;
            }
        }

        return folder;
    }

    /// <summary>The pid in <c>postmaster.pid</c>, or <see langword="null"/> when no server has it locked.</summary>
    public int? ReadPostmasterPid()
    {
        try
        {
            using var reader = new StreamReader(PostmasterPidFile);
            return int.TryParse(reader.ReadLine(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The postmaster serving this folder's data directory, if one is running. A pid alone is not proof: after a
    /// crash the pid in <c>postmaster.pid</c> may have been reused by something we must not stop.
    /// </summary>
    public int? FindRunningPostmaster()
    {
        int? pid = ReadPostmasterPid();
        return pid is int candidate
            && ProcessProbe.IsAlive(candidate)
            && ProcessProbe.CommandLine(candidate).Contains(DataDirectory, StringComparison.Ordinal)
            ? candidate
            : null;
    }

    /// <summary>Deletes the folder and everything in it; nothing happens if it is already gone.</summary>
    public void Delete()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already deleted, for instance by another process's sweep.
        }
    }

    // The server runs as 'postgres' and must reach its folder through every parent.
    private static void RequireTraversable(string root)
    {
        for (DirectoryInfo? folder = new(root); folder is not null; folder = folder.Parent)
        {
            if ((folder.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                throw new PostgresClusterException(
                    $"The server runs as '{PostgresTools.PostgresUser}' (this process is root) and cannot enter {folder.FullName}: "
                    + "make it traversable (chmod o+x) or use a TempRoot under /tmp.");
            }
        }
    }

    private static async Task GiveToPostgresUserAsync(string path, CancellationToken cancellationToken)
    {
        // .NET has no chown; 'postgres:' also sets the account's login group.
        ChildProcessResult result = await ChildProcess
            .RunAsync("chown", [PostgresTools.PostgresUser + ":", path], "/", cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new PostgresUnavailableException(
                $"this process is root, so the server must run as '{PostgresTools.PostgresUser}', but {path} could not be given to that account ({OutputTail.Of(result.Output).ReplaceLineEndings(" ")})");
        }
    }
}
