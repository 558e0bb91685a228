using System.IO.Compression;
using System.Text.Json;

namespace CorpusQA.Core.Dedup.Evaluation;

/// <summary>One labelled pair: an original, an edited variant, the edit type and the true Jaccard recorded by the generator.</summary>
public sealed record DedupEvalPair(string OriginalId, string Original, string Variant, string EditType, double RecordedTrueJaccard)
{
    /// <summary>
    /// Reads the set written by tools/dedup/make_eval_pairs.py (JSON lines, gzip): <c>original</c> records
    /// followed by the <c>pair</c> records that refer to them.
    /// </summary>
    public static IReadOnlyList<DedupEvalPair> Load(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var originals = new Dictionary<string, string>();
        var pairs = new List<DedupEvalPair>();
        int lineNumber = 0;
        while (reader.ReadLine() is string line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string kind = root.GetProperty("kind").GetString() ?? "";
            if (kind == "original")
            {
                originals[root.GetProperty("id").GetString()!] = root.GetProperty("text").GetString()!;
            }
            else if (kind == "pair")
            {
                string id = root.GetProperty("original").GetString()!;
                if (!originals.TryGetValue(id, out string? original))
                    throw new InvalidDataException($"{path}:{lineNumber}: pair refers to unknown original '{id}'");
                pairs.Add(new DedupEvalPair(id, original, root.GetProperty("text").GetString()!,
                    root.GetProperty("edit").GetString()!, root.GetProperty("true_jaccard").GetDouble()));
            }
            else
            {
                throw new InvalidDataException($"{path}:{lineNumber}: unknown record kind '{kind}'");
            }
        }
        return pairs;
    }
}
