using System.Text.Json;
using CorpusQA.IO;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// The sidecar of a signature shard (<c>SHARD.cqsig.ids.jsonl</c>): one line per signed document in index order,
/// <c>{"doc_index","doc_id","source_file","row_index"}</c>, so that the cluster stage can name documents by id
/// without reading the corpus again.
/// </summary>
internal static class ShardIds
{
    public const string Suffix = ".ids.jsonl";

    public static JsonlWriter Create(string shardPath) => JsonlWriter.Create(shardPath + Suffix);

    public static void Write(JsonlWriter writer, int index, string id, string file, long row) => writer.Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("doc_index", index);
        json.WriteString("doc_id", id);
        json.WriteString("source_file", file);
        json.WriteNumber("row_index", row);
        json.WriteEndObject();
    });

    /// <summary>
    /// Every shard's documents in global index order as audit rows (no signal values), checking that the shards'
    /// index ranges are contiguous from 0; <paramref name="files"/> receives the distinct source files.
    /// </summary>
    public static IEnumerable<AuditRow> ReadInOrder(IReadOnlyList<string> shards, List<string> files)
    {
        files.Clear();
        var fileIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = shards.Select(s => (Shard: s, First: FirstIndex(s))).OrderBy(s => s.First).ToList();
        int expected = 0;
        foreach (var (shard, _) in ordered)
        {
            int line = 0;
            foreach (var text in File.ReadLines(shard + Suffix))
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                int index = root.GetProperty("doc_index").GetInt32();
                if (index != expected)
                {
                    throw new Core.Documents.CorpusInputException(shard + Suffix, line,
                        $"document index {index} where {expected} was expected: shards must cover 0..N-1 without gaps (--first-index)");
                }

                string file = root.GetProperty("source_file").GetString()!;
                if (!fileIndex.TryGetValue(file, out int fi))
                {
                    fi = files.Count;
                    fileIndex[file] = fi;
                    files.Add(file);
                }

                yield return new AuditRow(root.GetProperty("doc_id").GetString()!, fi, root.GetProperty("row_index").GetInt64(), [], [], 0, 0);
                expected++;
                line++;
            }
        }
    }

    private static int FirstIndex(string shard)
    {
        string path = shard + Suffix;
        if (!File.Exists(path)) throw new Core.Documents.CorpusInputException(path, null, "missing: every shard needs the ids file written beside it by dedup-signatures");
        using var reader = new StreamReader(path);
        string? first = reader.ReadLine();
        if (first is null) return int.MaxValue;
        using var doc = JsonDocument.Parse(first);
        return doc.RootElement.GetProperty("doc_index").GetInt32();
    }
}
