using System.IO.Compression;
using System.Text.Json;

namespace CorpusQA.Benchmarks;

/// <summary>
/// The committed Debian-docs sample (corpora/debian-docs/sample.jsonl.gz), found by walking up to CorpusQA.sln from
/// the binary or the current folder (BenchmarkDotNet runs from a generated folder).
/// </summary>
internal static class SampleCorpus
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorpusQA.sln")))
                return dir.FullName;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorpusQA.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("CorpusQA.sln not found above the benchmark binary or the current folder");
    }

    public static List<string> LoadSample()
    {
        string path = Path.Combine(RepositoryRoot(), "corpora", "debian-docs", "sample.jsonl.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var texts = new List<string>();
        while (reader.ReadLine() is string line)
        {
            if (line.Length == 0)
                continue;
            using var doc = JsonDocument.Parse(line);
            texts.Add(doc.RootElement.GetProperty("text").GetString() ?? "");
        }
        return texts;
    }
}
