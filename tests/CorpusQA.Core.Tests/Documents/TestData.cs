using System.IO.Compression;
using System.Text.Json;

namespace CorpusQA.Core.Tests.Documents;

/// <summary>The committed corpora the tests read: the seed articles and the Debian-docs sample.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<Dictionary<string, string>> SeedsLazy = new(() => ReadJsonl("corpora/seeds/seeds.jsonl"));

    /// <summary>Seed texts by id prefix ("000" ... "004").</summary>
    public static string Seed(string prefix)
    {
        foreach (var (id, text) in SeedsLazy.Value)
            if (id.StartsWith(prefix, StringComparison.Ordinal)) return text;
        throw new KeyNotFoundException($"no seed {prefix}");
    }

    public static IEnumerable<string> AllSeeds => SeedsLazy.Value.Values;

    /// <summary>The 400 documents of corpora/debian-docs/sample.jsonl.gz, in file order.</summary>
    public static List<(string Id, string Text)> DebianSample()
    {
        using var file = File.OpenRead(Path.Combine(Root.Value, "corpora/debian-docs/sample.jsonl.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var docs = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            docs.Add((json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("text").GetString()!));
        }
        return docs;
    }

    /// <summary>A path inside the repository.</summary>
    public static string RepoPath(string relative) => Path.Combine(Root.Value, relative);

    private static Dictionary<string, string> ReadJsonl(string relative)
    {
        var result = new Dictionary<string, string>();
        foreach (string line in File.ReadLines(Path.Combine(Root.Value, relative)))
        {
            using var json = JsonDocument.Parse(line);
            result[json.RootElement.GetProperty("id").GetString()!] = json.RootElement.GetProperty("text").GetString()!;
        }
        return result;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CorpusQA.sln"))) return dir.FullName;
        throw new InvalidOperationException("CorpusQA.sln not found above the test binaries");
    }
}
