namespace CorpusQA.Cli.Tests.Faults;

/// <summary>
/// A small tmpfs mounted for one test: a real file system that fills up (ENOSPC) or is read-only (EROFS), since root
/// (as in CI) ignores chmod. Needs mount permission: <see cref="TmpfsFactAttribute"/> skips, saying why, without it.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        if (!CorpusQaProcess.Tool("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path))
            throw new InvalidOperationException($"mount -t tmpfs on {path} failed");
        return new Tmpfs(path);
    }

    /// <summary>Remounts read-only (what is in it stays readable).</summary>
    public void MakeReadOnly()
    {
        if (!CorpusQaProcess.Tool("mount", "-o", "remount,ro", Path)) throw new InvalidOperationException($"remount,ro {Path} failed");
    }

    /// <summary>Every entry below the mount, hidden ones included, as relative paths.</summary>
    public string[] Entries() => Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
        .Select(e => System.IO.Path.GetRelativePath(Path, e)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => CorpusQaProcess.Tool("umount", Path);

    /// <summary>Whether this process may mount a tmpfs (tried once).</summary>
    public static string? Unavailable { get; } = Probe();

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs tests need Linux";
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corpusqa-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            if (!CorpusQaProcess.Tool("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir))
                return "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN; CI runs as root)";
            CorpusQaProcess.Tool("umount", dir);
            return null;
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}

/// <summary>A fact that needs a mountable tmpfs; skipped with the reason when mounting is impossible.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.Unavailable is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs a mountable tmpfs; skipped with the reason when mounting is impossible.</summary>
public sealed class TmpfsTheoryAttribute : TheoryAttribute
{
    public TmpfsTheoryAttribute()
    {
        if (Tmpfs.Unavailable is { } reason) Skip = reason;
    }
}
