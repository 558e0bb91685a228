using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CorpusQA.Segmentation;

namespace CorpusQA.Benchmarks.Throughput;

/// <summary>
/// Single-thread segmentation throughput on a JSONL corpus, printed as one JSON line in the same shape as the peer
/// scripts (seg_jieba_py.py, seg_jieba_rs.mjs) so that one summarizer compares them:
/// <c>dotnet run -c Release --project benchmarks/CorpusQA.Benchmarks -- segment-throughput FILE.jsonl --mode accurate --reps 3</c>.
/// Only the segmentation loop is timed; documents are read into memory first; load_s is the first CreateDefault.
/// </summary>
internal static class SegmentThroughput
{
    public static int Run(string[] args)
    {
        string? input = null;
        string mode = "accurate";
        bool hmm = true;
        int reps = 1;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mode": mode = args[++i]; break;
                case "--no-hmm": hmm = false; break;
                case "--reps": reps = int.Parse(args[++i]); break;
                default: input = args[i]; break;
            }
        }

        if (input is null)
        {
            Console.Error.WriteLine("usage: segment-throughput FILE.jsonl [--mode accurate|all|search] [--no-hmm] [--reps N]");
            return 2;
        }

        var (docs, bytes) = CorpusTexts.Load(input);

        var load = Stopwatch.StartNew();
        var segmenter = JiebaSegmenter.CreateDefault();
        double loadSeconds = load.Elapsed.TotalSeconds;
        var cutMode = mode switch { "all" or "full" => CutMode.Full, "search" => CutMode.Search, _ => CutMode.Accurate };
        var tokens = new List<TokenSpan>(1 << 16);

        // One untimed pass lets the JIT reach its optimized tiers, as the peers' native code already is.
        foreach (var d in docs) { tokens.Clear(); segmenter.Cut(d, tokens, cutMode, hmm); }

        var times = new List<double>();
        long tokenCount = 0;
        long allocatedBefore = 0, allocatedAfter = 0;
        for (int r = 0; r < reps; r++)
        {
            long n = 0;
            allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            foreach (var d in docs)
            {
                tokens.Clear();
                segmenter.Cut(d, tokens, cutMode, hmm);
                n += tokens.Count;
            }

            times.Add(sw.Elapsed.TotalSeconds);
            allocatedAfter = GC.GetAllocatedBytesForCurrentThread();
            tokenCount = n;
        }

        double median = CorpusTexts.Median(times);
        var result = new Dictionary<string, object?>
        {
            ["peer"] = "corpusqa",
            ["version"] = typeof(JiebaSegmenter).Assembly.GetName().Version?.ToString(),
            ["mode"] = mode == "full" ? "all" : mode,
            ["hmm"] = cutMode == CutMode.Full ? null : hmm,
            ["input"] = Path.GetFileName(input),
            ["docs"] = docs.Count,
            ["bytes"] = bytes,
            ["tokens"] = tokenCount,
            ["reps"] = reps,
            ["seconds"] = Math.Round(median, 4),
            ["seconds_all"] = times.Select(t => Math.Round(t, 4)).ToArray(),
            ["mb_per_s"] = Math.Round(bytes / 1e6 / median, 4),
            ["tokens_per_s"] = Math.Round(tokenCount / median, 1),
            ["load_s"] = Math.Round(loadSeconds, 4),
            ["allocated_bytes_per_token"] = Math.Round((double)(allocatedAfter - allocatedBefore) / Math.Max(1, tokenCount), 4),
            ["runtime"] = Environment.Version.ToString(),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
