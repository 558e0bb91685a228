using System.Runtime.InteropServices;

namespace CorpusQA.IO.Writers;

/// <summary>
/// Where an output path really writes. A symlink writes to its (final) target, atomically there; an existing FIFO,
/// character device (<c>/dev/stdout</c>, <c>/dev/null</c>) or socket is opened and written directly, since it cannot be
/// replaced by a rename; anything else (a new path or a regular file) is written atomically.
/// </summary>
internal static partial class OutputTarget
{
    private const uint TypeMask = 0xF000; // S_IFMT
    private const uint RegularFile = 0x8000; // S_IFREG
    private const uint DirectoryType = 0x4000; // S_IFDIR

    /// <summary>The path to write and whether it must be written directly (not through a temporary file).</summary>
    public static (string Path, bool Direct) Resolve(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        // stat follows links: /dev/stdout → /proc/self/fd/1 → pipe:[…] is a FIFO, written as given. So is anything under
        // /dev or /proc, whose links name descriptors (a regular file behind /dev/stdout belongs to the shell's redirection).
        if (IsSpecialFile(full) || IsUnder(full, "/dev/") || IsUnder(full, "/proc/")) return (full, true);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            // Follow the whole chain; a dangling link is created at its target.
            FileSystemInfo? final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final is not null) full = final.FullName;
        }

        return (full, false);
    }

    private static bool IsUnder(string path, string folder) => !OperatingSystem.IsWindows() && path.StartsWith(folder, StringComparison.Ordinal);

    /// <summary>True for an existing path that is neither a regular file nor a directory.</summary>
    private static bool IsSpecialFile(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return false;
        uint? mode = StatMode(path);
        return mode is { } m && (m & TypeMask) != RegularFile && (m & TypeMask) != DirectoryType;
    }

    /// <summary>st_mode from stat(2), for the Linux layouts .NET runs on; null when unknown.</summary>
    private static uint? StatMode(string path)
    {
        int offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24, // st_dev, st_ino, st_nlink (8 bytes each), st_mode
            Architecture.Arm64 or Architecture.LoongArch64 or Architecture.RiscV64 => 16, // st_dev, st_ino, st_mode
            _ => -1,
        };
        if (offset < 0 || !OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256];
        return Stat(path, buffer) == 0 ? BitConverter.ToUInt32(buffer, offset) : null;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, byte[] buffer);
}
