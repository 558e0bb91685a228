namespace CorpusQA.Cli.Tests.Faults;

/// <summary>
/// Real SIGINT and SIGTERM sent to real corpusqa processes in the middle of each long command: exit 130 / 143 with
/// "interrupted", no temporary file or folder left, the earlier output untouched.
/// </summary>
public class SignalTests
{
    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (string command in new[] { "segment", "audit", "filter", "dedup" })
        {
            data.Add(command, CorpusQaProcess.SIGINT);
            data.Add(command, CorpusQaProcess.SIGTERM);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task ASignalMidRunExitsWithItsCodeAndLeavesOnlyTheEarlierOutput(string command, int signal)
    {
        using var temp = new TempDir();
        string outDir = temp.File("out");
        Directory.CreateDirectory(outDir);
        // An output of an earlier run, under the name this run writes: it must survive byte for byte.
        string earlier = Path.Combine(outDir, command switch
        {
            "segment" => "tokens.jsonl",
            "audit" => "signals.parquet",
            "filter" => "kept.jsonl",
            _ => "duplicates.parquet",
        });
        File.WriteAllText(earlier, "an earlier run's output\n");
        string[] args = command == "segment"
            ? ["segment", FaultCorpus.Big, "-o", earlier]
            : [command, FaultCorpus.Big, "--out", outDir];

        using var process = CorpusQaProcess.Start(temp.Path, args);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Mid-run: the run's temporary files exist (spill, dedup folder or the .tmp output) and it is working on them.
        string? missed = await CorpusQaProcess.SignalWhenAsync(process, () => HasTemporaryFiles(outDir), TimeSpan.FromMilliseconds(300), signal);
        if (missed is not null) Assert.Fail($"corpusqa {command}: {missed}; stderr: {await stderr}");
        await CorpusQaProcess.WaitOrKillAsync(process);
        string error = await stderr;

        Assert.Equal(signal == CorpusQaProcess.SIGINT ? 130 : 143, process.ExitCode);
        Assert.Contains("interrupted by " + (signal == CorpusQaProcess.SIGINT ? "SIGINT" : "SIGTERM"), error);
        Assert.DoesNotContain("internal error", error);
        Assert.Equal([Path.GetFileName(earlier)], Directory.EnumerateFileSystemEntries(outDir).Select(e => Path.GetFileName(e)!).ToArray());
        Assert.Equal("an earlier run's output\n", File.ReadAllText(earlier));
        Assert.Equal("", await stdout);
    }

    private static bool HasTemporaryFiles(string folder) => Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName)
        .Any(name => name!.Contains(".tmp-", StringComparison.Ordinal) || name.StartsWith(".audit-spill-", StringComparison.Ordinal)
                     || name.StartsWith("corpusqa-dedup-", StringComparison.Ordinal));
}
