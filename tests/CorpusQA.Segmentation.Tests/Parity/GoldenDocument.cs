using System.IO.Compression;
using System.Text.Json;

namespace CorpusQA.Segmentation.Tests.Parity;

/// <summary>An expected token and, when it is a substring of the text, where it starts (else -1).</summary>
public readonly record struct ExpectedToken(string Text, int Start);

/// <summary>One document of a golden fixture: its text and Python jieba's tokens in each mode.</summary>
public sealed record GoldenDocument(string Id, string Text, IReadOnlyDictionary<string, IReadOnlyList<ExpectedToken>> Modes)
{
    public static readonly string[] ModeNames = ["accurate", "accurate_no_hmm", "full", "search"];

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Reads a golden-*.jsonl.gz file; its encoding is documented in tools/segmentation/make_golden.py.</summary>
    public static IReadOnlyList<GoldenDocument> Load(string name)
    {
        var docs = new List<GoldenDocument>();
        using var file = File.OpenRead(FixturePath(name));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            string text = root.GetProperty("text").GetString()!;
            var modes = new Dictionary<string, IReadOnlyList<ExpectedToken>>
            {
                ["accurate"] = FromLengths(text, root.GetProperty("accurate")),
                ["accurate_no_hmm"] = FromLengths(text, root.GetProperty("accurate_no_hmm")),
                ["full"] = FromPairs(text, root.GetProperty("full")),
                ["search"] = FromPairs(text, root.GetProperty("search")),
            };
            docs.Add(new GoldenDocument(root.GetProperty("id").GetString()!, text, modes));
        }
        return docs;
    }

    private static List<ExpectedToken> FromLengths(string text, JsonElement lengths)
    {
        var tokens = new List<ExpectedToken>();
        int pos = 0;
        foreach (JsonElement len in lengths.EnumerateArray())
        {
            tokens.Add(new ExpectedToken(text.Substring(pos, len.GetInt32()), pos));
            pos += len.GetInt32();
        }
        if (pos != text.Length)
        {
            throw new InvalidDataException("accurate-mode lengths do not tile the text");
        }
        return tokens;
    }

    private static List<ExpectedToken> FromPairs(string text, JsonElement items)
    {
        var tokens = new List<ExpectedToken>();
        int prev = 0;
        using JsonElement.ArrayEnumerator e = items.EnumerateArray();
        while (e.MoveNext())
        {
            if (e.Current.ValueKind == JsonValueKind.String)
            {
                tokens.Add(new ExpectedToken(e.Current.GetString()!, -1));
                continue;
            }
            int start = prev + e.Current.GetInt32();
            e.MoveNext();
            tokens.Add(new ExpectedToken(text.Substring(start, e.Current.GetInt32()), start));
            prev = start;
        }
        return tokens;
    }
}
