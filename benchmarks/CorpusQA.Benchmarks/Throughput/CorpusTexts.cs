using System.Text;
using System.Text.Json;

namespace CorpusQA.Benchmarks.Throughput;

/// <summary>The texts of a JSONL corpus in memory, for the throughput harnesses (only their work loops are timed).</summary>
internal static class CorpusTexts
{
    public static (List<string> Texts, long Utf8Bytes) Load(string path)
    {
        var texts = new List<string>();
        long bytes = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            texts.Add(json.RootElement.GetProperty("text").GetString()!);
            bytes += Encoding.UTF8.GetByteCount(texts[^1]);
        }

        return (texts, bytes);
    }

    /// <summary>The median of repeated timings (sorts the list).</summary>
    public static double Median(List<double> seconds)
    {
        seconds.Sort();
        return seconds[seconds.Count / 2];
    }
}
