namespace CorpusQA.Cli.Tests.Faults;

/// <summary>
/// Outputs that are not regular files, on real processes: a symlink is written through to its target, a FIFO and
/// /dev/null are written directly (no temporary file beside them, no rename over them), "-" is stdout, and a pipe
/// closed by its reader (<c>| head</c>) ends the run quietly with 141.
/// </summary>
public class SpecialOutputTests
{
    private static readonly int SeedLines = File.ReadLines(CliRunner.Seeds).Count();

    [Fact]
    public async Task ASymlinkOutputWritesItsTargetAndStaysALink()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("real"));
        string target = temp.File("real/tokens.jsonl");
        File.WriteAllText(target, "old\n");
        string link = temp.File("tokens.jsonl");
        File.CreateSymbolicLink(link, target);

        var run = await CorpusQaProcess.RunAsync(temp.Path, "segment", CliRunner.Seeds, "-o", link);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal(SeedLines, File.ReadLines(target).Count());
        Assert.StartsWith("{\"id\":", File.ReadLines(target).First());
        Assert.Equal(["real", "real/tokens.jsonl", "tokens.jsonl"], Entries(temp.Path));
    }

    [Fact]
    public async Task AFifoOutputIsWrittenDirectlyAndStaysAFifo()
    {
        using var temp = new TempDir();
        string fifo = temp.File("tokens.fifo");
        Assert.True(CorpusQaProcess.Tool("mkfifo", fifo), "mkfifo failed");
        var reader = Task.Run(() => File.ReadAllLines(fifo)); // blocks until corpusqa opens the FIFO for writing

        var run = await CorpusQaProcess.RunAsync(temp.Path, "segment", CliRunner.Seeds, "-o", fifo);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(SeedLines, (await reader).Length);
        Assert.Equal(["tokens.fifo"], Entries(temp.Path)); // no temporary beside it
        Assert.True(CorpusQaProcess.Tool("test", "-p", fifo), "the FIFO was replaced");
    }

    [Fact]
    public async Task DevNullAndDashAreWrittenDirectly()
    {
        using var temp = new TempDir();
        var toNull = await CorpusQaProcess.RunAsync(temp.Path, "segment", CliRunner.Seeds, "-o", "/dev/null");
        var toDash = await CorpusQaProcess.RunAsync(temp.Path, "segment", CliRunner.Seeds, "-o", "-");

        Assert.Equal(0, toNull.ExitCode);
        Assert.Equal("", toNull.Out);
        Assert.True(CorpusQaProcess.Tool("test", "-c", "/dev/null"), "/dev/null is no longer a character device");
        Assert.Equal(0, toDash.ExitCode);
        Assert.Equal(SeedLines, toDash.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(Entries(temp.Path));
    }

    [Fact]
    public async Task AClosedPipeStopsTheRunQuietlyWith141()
    {
        using var temp = new TempDir();
        using var process = CorpusQaProcess.Start(temp.Path, ["segment", FaultCorpus.Big]);
        var stderr = process.StandardError.ReadToEndAsync();
        var buffer = new char[100];
        int read = await process.StandardOutput.ReadBlockAsync(buffer);
        process.StandardOutput.Close(); // what head does after its first lines

        await CorpusQaProcess.WaitOrKillAsync(process);

        Assert.Equal(100, read);
        Assert.Equal(ExitCodes.BrokenPipe, process.ExitCode);
        string error = await stderr; // quiet: no message, no stack trace, no final summary (a progress line may have come first)
        Assert.DoesNotContain("corpusqa:", error);
        Assert.DoesNotContain("Exception", error);
        Assert.DoesNotContain(" s\n", error.Replace("\r", ""));
    }

    private static string[] Entries(string folder) => Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
        .Select(e => Path.GetRelativePath(folder, e)).Order(StringComparer.Ordinal).ToArray();
}
