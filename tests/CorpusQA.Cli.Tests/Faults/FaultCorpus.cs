using System.Text;
using System.Text.Json;

namespace CorpusQA.Cli.Tests.Faults;

/// <summary>
/// Inputs for the fault tests, written once per test run: <see cref="Big"/> is large enough (about 48 MB, several
/// seconds of work for every long command) that a signal sent once the run's temporary files exist arrives mid-run;
/// <see cref="Small"/> (about 4 MB) overflows a 1 MB tmpfs with any command's output.
/// </summary>
internal static class FaultCorpus
{
    private static readonly Lazy<string> BigFile = new(() => Write("big.jsonl", 48_000_000));
    private static readonly Lazy<string> SmallFile = new(() => Write("small.jsonl", 4_000_000));
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "corpusqa-faults-" + Guid.NewGuid().ToString("N"));

    static FaultCorpus()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        };
    }

    public static string Big => BigFile.Value;

    public static string Small => SmallFile.Value;

    /// <summary>The seed documents, each varied by its number, as JSON lines up to <paramref name="bytes"/>.</summary>
    private static string Write(string name, long bytes)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name);
        string[] seeds = File.ReadLines(CliRunner.Seeds).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();
        using var output = new StreamWriter(path, false, new UTF8Encoding(false));
        long written = 0;
        for (int i = 0; written < bytes; i++)
        {
            string line = JsonSerializer.Serialize(new { id = $"doc-{i}", text = $"第{i}篇。" + seeds[i % seeds.Length] });
            output.Write(line);
            output.Write('\n');
            written += Encoding.UTF8.GetByteCount(line) + 1;
        }

        return path;
    }
}
