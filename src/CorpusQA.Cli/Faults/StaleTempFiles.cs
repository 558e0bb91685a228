using System.Text.RegularExpressions;
using CorpusQA.Core.Pipeline;

namespace CorpusQA.Cli.Faults;

/// <summary>
/// The temporary files and folders a run killed with SIGKILL (or by the OOM killer, or a power cut) left in an output
/// folder: each name carries its run's PID and process start time (<see cref="RunTag"/>), and those of runs that are
/// gone are removed; a live run's never are (its PID exists with the same start time).
/// </summary>
internal static partial class StaleTempFiles
{
    /// <summary>Our temporary names, the run tag captured: atomic outputs, audit spills, band-key runs, probes, dedup folders.</summary>
    [GeneratedRegex(@"^(?:\..+\.tmp-(?<tag>\d+(?:-\d+)?)|\.audit-spill-(?<tag>\d+(?:-\d+)?)\.tmp|\.bandkeys-(?<tag>\d+-\d+)-[0-9a-f]{32}\.run|\.corpusqa-probe-(?<tag>\d+-\d+)|corpusqa-dedup-(?<tag>\d+-\d+)-[0-9a-f]{32})$")]
    private static partial Regex TempName();

    /// <summary>Removes stale temporaries directly inside <paramref name="folder"/>; says so in one line when it did.</summary>
    public static int RemoveFrom(string folder, CliContext context)
    {
        int removed = 0;
        var pids = new SortedSet<int>();
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var entry in entries)
        {
            var match = TempName().Match(entry.Name);
            if (!match.Success || !RunTag.TryParse(match.Groups["tag"].Value, out int pid, out long? start)) continue;
            if (!RunTag.IsGone(pid, start)) continue;
            try
            {
                if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
                else entry.Delete();
                removed++;
                pids.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's file we may not delete: leave it.
            }
        }

        if (removed > 0)
        {
            context.Error.WriteLine($"corpusqa: removed {removed} temporary {(removed == 1 ? "file or folder" : "files and folders")} of killed runs " +
                $"(PID {string.Join(", ", pids)}) from {folder}");
        }

        return removed;
    }
}
