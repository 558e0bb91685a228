using System.Text.Json;
using CorpusQA.Core.Pipeline;

namespace CorpusQA.Cli.Tests.Faults;

/// <summary>What killed runs leave, and runs that write into their own input folder.</summary>
public class LeftoverTests
{
    [Fact]
    public async Task TheNextRunRemovesTheTemporariesOfASigkilledRunButNotThoseOfALiveOne()
    {
        using var temp = new TempDir();
        string outDir = temp.File("qa");
        using (var killed = CorpusQaProcess.Start(temp.Path, ["audit", FaultCorpus.Big, "--out", outDir]))
        {
            var stderr = killed.StandardError.ReadToEndAsync();
            string? missed = await CorpusQaProcess.SignalWhenAsync(killed,
                () => Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Count(e => !e.Contains("probe")) >= 2,
                TimeSpan.FromMilliseconds(300), CorpusQaProcess.SIGKILL);
            if (missed is not null) Assert.Fail(missed + "; " + await stderr);
            await CorpusQaProcess.WaitOrKillAsync(killed);
        }

        string[] leftovers = Directory.GetFileSystemEntries(outDir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(leftovers, n => n.StartsWith(".audit-spill-", StringComparison.Ordinal));
        Assert.Contains(leftovers, n => n.StartsWith("corpusqa-dedup-", StringComparison.Ordinal));
        // A live run's temporary (this test process's PID and start time): never removed.
        string live = Path.Combine(outDir, $".kept.jsonl.tmp-{RunTag.Current}");
        File.WriteAllText(live, "still being written\n");

        var next = await CorpusQaProcess.RunAsync(temp.Path, "audit", CliRunner.Seeds, "--out", outDir);

        Assert.Equal(0, next.ExitCode);
        Assert.Single(next.Error.Split('\n'), l => l.StartsWith($"corpusqa: removed {leftovers.Length} temporary files and folders of killed runs (PID ", StringComparison.Ordinal));
        string[] after = Directory.GetFileSystemEntries(outDir).Select(e => Path.GetFileName(e)!).ToArray();
        Assert.Equal([".kept.jsonl.tmp-" + RunTag.Current], after.Where(n => n.StartsWith('.') || n.StartsWith("corpusqa-dedup-", StringComparison.Ordinal)));
        Assert.Contains("signals.parquet", after);
        Assert.Contains("summary.json", after);
    }

    [Fact]
    public async Task AuditingAFolderIntoASubfolderTwiceDoesNotReadItsOwnOutputs()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("data"));
        File.Copy(CliRunner.Seeds, temp.File("data/seeds.jsonl"));

        var first = await CorpusQaProcess.RunAsync(temp.Path, "audit", "data", "--out", "data/qa");
        var second = await CorpusQaProcess.RunAsync(temp.Path, "audit", "data", "--out", "data/qa");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("CorpusQA output files found among the inputs", second.Error);
        Assert.DoesNotContain("CorpusQA output file", first.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(temp.File("data/qa/summary.json")));
        Assert.Equal(["data/seeds.jsonl"], summary.RootElement.GetProperty("run").GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(File.ReadLines(CliRunner.Seeds).Count(), summary.RootElement.GetProperty("counts").GetProperty("documents").GetInt64());
    }
}
