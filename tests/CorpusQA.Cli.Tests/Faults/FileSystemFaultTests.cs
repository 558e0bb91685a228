namespace CorpusQA.Cli.Tests.Faults;

/// <summary>
/// Real file-system faults on real corpusqa processes: a full tmpfs (ENOSPC), a read-only mount (root ignores chmod,
/// so read-only is a mount option here), stdout on /dev/full. Each ends with exit 4, one line naming the path, and no
/// temporary file left behind.
/// </summary>
public class FileSystemFaultTests
{
    public static TheoryData<string> LongCommands() => new() { "segment", "audit", "filter", "dedup" };

    [TmpfsTheory]
    [MemberData(nameof(LongCommands))]
    public async Task AFullDiskExitsFourNamingThePathAndLeavesNoTemporaryFiles(string command)
    {
        using var temp = new TempDir();
        using var disk = Tmpfs.Mount(temp.File("disk"), kilobytes: 1024);
        File.WriteAllText(Path.Combine(disk.Path, "earlier.txt"), "kept\n");
        string outDir = Path.Combine(disk.Path, "out");
        string[] args = command == "segment"
            ? ["segment", FaultCorpus.Small, "-o", Path.Combine(disk.Path, "tokens.jsonl")]
            : [command, FaultCorpus.Small, "--out", outDir];

        var run = await CorpusQaProcess.RunAsync(temp.Path, args);

        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        string last = run.Error.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("corpusqa: cannot write output: No space left on device", last);
        Assert.Contains(disk.Path, last);
        Assert.Single(run.Error.Split('\n'), l => l.StartsWith("corpusqa: ", StringComparison.Ordinal));
        string[] left = disk.Entries();
        Assert.True(left.SequenceEqual(command == "segment" ? ["earlier.txt"] : ["earlier.txt", "out"]), "left behind: " + string.Join(", ", left));
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(disk.Path, "earlier.txt")));
    }

    [TmpfsTheory]
    [MemberData(nameof(LongCommands))]
    public async Task AReadOnlyOutputFolderExitsFourAtOnce(string command)
    {
        using var temp = new TempDir();
        using var disk = Tmpfs.Mount(temp.File("ro"), kilobytes: 256);
        Directory.CreateDirectory(Path.Combine(disk.Path, "out"));
        disk.MakeReadOnly();
        string outDir = Path.Combine(disk.Path, "out");
        string[] args = command == "segment"
            ? ["segment", CliRunner.Seeds, "-o", Path.Combine(outDir, "tokens.jsonl")]
            : [command, CliRunner.Seeds, "--out", outDir];

        var run = await CorpusQaProcess.RunAsync(temp.Path, args);

        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        Assert.Equal($"corpusqa: cannot write output: {outDir}: cannot create files in this folder (Read-only file system)", run.Error.TrimEnd().Split('\n')[^1]);
        Assert.Equal(["out"], disk.Entries());
    }

    [Fact]
    public async Task StdoutOnDevFullExitsFour()
    {
        using var temp = new TempDir();
        var run = await CorpusQaProcess.ShellAsync(temp.Path, $"exec $CORPUSQA segment '{CliRunner.Seeds}' > /dev/full");

        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        Assert.Equal("corpusqa: cannot write output: No space left on device : 'stdout'", run.Error.TrimEnd().Split('\n')[^1]);
    }
}
