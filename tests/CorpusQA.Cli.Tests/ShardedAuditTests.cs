using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace CorpusQA.Cli.Tests;

/// <summary>
/// The sharded audit (slurm plan + the stage tasks, here run in this process) against the one-process audit and
/// filter: every output byte for byte, except the run's start time and duration (summary.json's started_utc and
/// elapsed_seconds, and the two report lines that show them).
/// </summary>
public sealed class ShardedAuditTests
{
    /// <summary>The Debian sample in three files plus the seed articles: four shards of unequal sizes.</summary>
    private static string[] SplitInputs(TempDir dir)
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(CliRunner.RepoRoot, "corpora", "debian-docs", "sample.jsonl.gz")), CompressionMode.Decompress);
        var lines = new StreamReader(gz, Encoding.UTF8).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(240).ToArray();
        Directory.CreateDirectory(dir.File("in"));
        var files = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string path = dir.File($"in/part-{i}.jsonl");
            File.WriteAllText(path, string.Concat(lines.Skip(i * 80).Take(80).Select(l => l + "\n")));
            files.Add(path);
        }
        // Two exact copies across shards, so that dedup has to link documents of different shards.
        File.AppendAllText(files[2], lines[3] + "\n" + lines[100] + "\n");
        string seeds = dir.File("in/part-3.jsonl");
        File.Copy(CliRunner.Seeds, seeds);
        files.Add(seeds);
        return [.. files];
    }

    [Theory]
    [InlineData("")]
    [InlineData("--no-dedup --no-model")]
    public async Task Sharded_run_writes_what_audit_and_filter_write(string options)
    {
        string[] auditArgs = options.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var dir = new TempDir();
        var inputs = SplitInputs(dir);
        var audit = await CliRunner.RunAsync(["audit", .. inputs, "--out", dir.File("one/out"), "--threads", "2", .. auditArgs]);
        Assert.Equal(0, audit.ExitCode);
        var filter = await CliRunner.RunAsync(["filter", .. inputs, "--out", dir.File("filter"), "--threads", "2", .. auditArgs]);
        Assert.Equal(0, filter.ExitCode);

        string run = dir.File("run");
        var plan = await CliRunner.RunAsync(["slurm", "plan", .. inputs, "--run-dir", run, "--shards", "4", "--band-groups", "3",
            "--audit-arg=--threads", "--audit-arg=2", .. auditArgs.Select(a => "--audit-arg=" + a)]);
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Contains("4 shards", plan.Error);
        var all = await CliRunner.RunAsync("stage", "all", "--run-dir", run);
        Assert.True(all.ExitCode == 0, all.Error);

        AssertSameOutputs(dir.File("one/out"), dir.File("filter"), Path.Combine(run, "out"));
        // The two copies appended to shard 2 duplicate documents of shards 0 and 1: dedup saw across shards.
        string summary = File.ReadAllText(Path.Combine(run, "out", "summary.json"));
        if (auditArgs.Length == 0) Assert.Contains("\"exact_duplicates\": 2,", summary);
        // Their ids repeat too: counted across shards from the analyze tasks' sorted id hashes.
        Assert.Contains("\"duplicate_ids\": 2", summary);
    }

    [Fact]
    public async Task A_finished_task_is_skipped_and_a_crashed_one_is_redone_with_the_same_outputs()
    {
        using var dir = new TempDir();
        var inputs = SplitInputs(dir);
        string run = dir.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync(["slurm", "plan", .. inputs, "--run-dir", run, "--shards", "4", "--audit-arg=--no-model"])).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("stage", "all", "--run-dir", run)).ExitCode);
        var first = Snapshot(Path.Combine(run, "out"));

        var again = await CliRunner.RunAsync("stage", "analyze", "--run-dir", run, "--task", "1");
        Assert.Contains("already done, skipped; peak_rss_mib=", again.Error);

        // A crash: shard 2's analyze and apply never finished (only a half-written temporary folder is left), no merge.
        string analyze = Path.Combine(run, "work", "analyze", "00002");
        Directory.Delete(analyze, recursive: true);
        Directory.CreateDirectory(analyze + ".tmp-99999-dead");
        File.WriteAllText(Path.Combine(analyze + ".tmp-99999-dead", "rows.bin"), "half");
        Directory.Delete(Path.Combine(run, "work", "apply", "00002"), recursive: true);
        Directory.Delete(Path.Combine(run, "work", "clusters"), recursive: true);
        Directory.Delete(Path.Combine(run, "out"), recursive: true);
        Assert.Equal(0, (await CliRunner.RunAsync("stage", "all", "--run-dir", run)).ExitCode);

        Assert.False(Directory.Exists(analyze + ".tmp-99999-dead"));
        var second = Snapshot(Path.Combine(run, "out"));
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (name, bytes) in first) Assert.True(Masked(name, bytes) == Masked(name, second[name]), name + " differs after the redo");
    }

    [Fact]
    public async Task Plan_writes_one_array_script_per_stage_with_memory_and_logs()
    {
        using var dir = new TempDir();
        var inputs = SplitInputs(dir);
        string run = dir.File("run");
        var plan = await CliRunner.RunAsync(["slurm", "plan", .. inputs, "--run-dir", run, "--shards", "3", "--band-groups", "2", "--max-parallel", "2",
            "--partition", "cpu", "--account", "lab", "--sbatch-arg=--time=01:00:00", "--corpusqa", "/opt/cq/corpusqa"]);
        Assert.True(plan.ExitCode == 0, plan.Error);
        string analyze = File.ReadAllText(Path.Combine(run, "slurm", "analyze.sbatch"));
        Assert.Contains("#SBATCH --array=0-2%2", analyze);
        Assert.Matches(@"#SBATCH --mem=\d+M", analyze);
        Assert.Contains("#SBATCH --partition=cpu", analyze);
        Assert.Contains("#SBATCH --account=lab", analyze);
        Assert.Contains("#SBATCH --time=01:00:00", analyze);
        Assert.Contains($"#SBATCH --output={run}/logs/analyze-%a.log", analyze);
        Assert.Contains("exec /opt/cq/corpusqa stage analyze --run-dir", analyze);
        Assert.Contains($"#SBATCH --chdir={Environment.CurrentDirectory}", analyze);
        Assert.Contains("#SBATCH --array=0-1%2", File.ReadAllText(Path.Combine(run, "slurm", "buckets.sbatch")));
        Assert.Contains("#SBATCH --array=0-0%1", File.ReadAllText(Path.Combine(run, "slurm", "merge.sbatch")));
        var again = await CliRunner.RunAsync(["slurm", "plan", .. inputs, "--run-dir", run, "--shards", "3"]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists", again.Error);
    }

    internal static void AssertSameOutputs(string auditOut, string filterOut, string shardedOut)
    {
        foreach (var name in new[] { "signals.parquet", "samples.json", "summary.json", "report.html", "report.md" })
            Assert.True(Masked(name, File.ReadAllBytes(Path.Combine(auditOut, name))) == Masked(name, File.ReadAllBytes(Path.Combine(shardedOut, name))), name + " differs");
        foreach (var name in new[] { "kept.jsonl", "removed.jsonl" })
            Assert.True(File.ReadAllBytes(Path.Combine(filterOut, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(shardedOut, name))), name + " differs");
    }

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllBytes(f));

    /// <summary>The file as text with the run's start time and duration blanked (the only run-specific values); other files as hex.</summary>
    private static string Masked(string name, byte[] bytes)
    {
        if (!name.EndsWith(".json", StringComparison.Ordinal) && !name.EndsWith(".md", StringComparison.Ordinal) && !name.EndsWith(".html", StringComparison.Ordinal))
            return Convert.ToHexString(bytes);
        string text = Encoding.UTF8.GetString(bytes);
        text = Regex.Replace(text, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "TIME");
        text = Regex.Replace(text, "\"elapsed_seconds\": [0-9.]+", "\"elapsed_seconds\": X");
        return Regex.Replace(text, @"[0-9.]+ s, [0-9,.]+ documents/s, [0-9.]+ MB/s", "SPEED");
    }
}
