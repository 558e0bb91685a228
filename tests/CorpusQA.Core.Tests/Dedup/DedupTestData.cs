using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Dedup;

/// <summary>Repository files the dedup tests read (located through <see cref="TestData"/>).</summary>
internal static class DedupTestData
{
    private static readonly Lazy<IReadOnlyList<string>> LazySample = new(() => TestData.DebianSample().Select(d => d.Text).ToList());

    /// <summary>The 400 texts of corpora/debian-docs/sample.jsonl.gz.</summary>
    public static IReadOnlyList<string> Sample => LazySample.Value;

    public static string FixturePath(string name) =>
        TestData.RepoPath(Path.Combine("tests", "CorpusQA.Core.Tests", "Fixtures", "dedup", name));

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
