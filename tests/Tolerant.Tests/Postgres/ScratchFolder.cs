using System;
using System.IO;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace Tolerant.Tests.Postgres;

/// <summary>
/// A folder under /tmp for one test, deleted afterwards. Unlike Directory.CreateTempSubdirectory (mode 0700) it is
/// open to other users, because a root test run executes the server tools as 'postgres'.
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix file modes; the throwaway cluster is Linux-only anyway.
internal sealed class ScratchFolder : IDisposable
{
    private const UnixFileMode OpenToAll =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Creates <c>/tmp/tolerant-scratch-XXXXXXXX</c>: short, and not named like a cluster folder, so no sweep takes it.</summary>
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine("/tmp", "tolerant-scratch-" + RandomNumberGenerator.GetHexString(8, lowercase: true));
        Directory.CreateDirectory(Path, OpenToAll);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Writes an executable shell script named <paramref name="name"/> into the folder.</summary>
    public void WriteScript(string name, string body)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, OpenToAll);
    }

    /// <summary>The cluster folders (<c>tolerant-pg-*</c>) currently in the folder.</summary>
    public string[] ClusterFolders() => Directory.GetDirectories(Path, "tolerant-pg-*");

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
