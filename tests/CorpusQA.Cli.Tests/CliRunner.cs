namespace CorpusQA.Cli.Tests;

/// <summary>Runs the real command tree in-process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CorpusQaApp.RunAsync(args, new CliContext(output, error, errorIsTerminal: false));
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>The repository root (the folder with CorpusQA.sln), for the bundled corpora.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Seeds => Path.Combine(RepoRoot, "corpora", "seeds", "seeds.jsonl");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorpusQA.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("CorpusQA.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corpusqa-test-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
