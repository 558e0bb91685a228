using System.IO.Compression;
using System.Text.Json;

namespace CorpusQA.Core.Tests.Dedup;

/// <summary>Repository files the dedup tests read (found by walking up to CorpusQA.sln).</summary>
internal static class DedupTestData
{
    private static readonly Lazy<IReadOnlyList<string>> LazySample = new(() => ReadJsonlTexts(Path.Combine(RepositoryRoot(), "corpora", "debian-docs", "sample.jsonl.gz")));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorpusQA.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("CorpusQA.sln not found above the test binary");
    }

    /// <summary>The 400 texts of corpora/debian-docs/sample.jsonl.gz.</summary>
    public static IReadOnlyList<string> Sample => LazySample.Value;

    public static string FixturePath(string name) =>
        Path.Combine(RepositoryRoot(), "tests", "CorpusQA.Core.Tests", "Fixtures", "dedup", name);

    private static List<string> ReadJsonlTexts(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var texts = new List<string>();
        while (reader.ReadLine() is string line)
        {
            if (line.Length > 0)
                texts.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "");
        }
        return texts;
    }

    /// <summary>A private temporary folder removed on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"corpusqa-dedup-test-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
