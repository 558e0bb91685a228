using System.Diagnostics;
using System.Text.Json;
using CorpusQA.Core.LanguageModel;
using CorpusQA.Segmentation;

namespace CorpusQA.Benchmarks.Throughput;

/// <summary>
/// Single-thread character-LM scoring throughput (the bundled model, <see cref="PerplexityProfile.Of"/> per document,
/// as the perplexity signals do) against jieba segmentation (accurate, HMM) on the same in-memory documents in
/// the same run, printed as one JSON line:
/// <c>dotnet run -c Release --project benchmarks/CorpusQA.Benchmarks -- lm-throughput corpora/build/bench-zh.jsonl --reps 3</c>.
/// </summary>
internal static class LmThroughput
{
    public static int Run(string[] args)
    {
        string? input = null;
        string? modelPath = null;
        int reps = 3;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--reps") reps = int.Parse(args[++i]);
            else if (args[i] == "--model") modelPath = args[++i];
            else input = args[i];
        }

        if (input is null)
        {
            Console.Error.WriteLine("usage: lm-throughput FILE.jsonl [--reps N] [--model lm.bin]");
            return 2;
        }

        var (docs, bytes) = CorpusTexts.Load(input);
        var load = Stopwatch.StartNew();
        var model = modelPath is null ? CharLanguageModel.Default : CharLanguageModel.Open(modelPath);
        double loadSeconds = load.Elapsed.TotalSeconds;
        var segmenter = JiebaSegmenter.CreateDefault();
        var tokens = new List<TokenSpan>(1 << 16);

        double Score()
        {
            double sum = 0;
            foreach (var d in docs) sum += PerplexityProfile.Of(model, d).Total.Log10Prob;
            return sum;
        }

        // As the signals score a document: with its jieba words (segmented here, untimed) for the word-boundary gain
        // and the paired word-order test, one more query per tested boundary.
        var wordsOf = docs.Select(d =>
        {
            var t = new List<TokenSpan>();
            segmenter.Cut(d, t, CutMode.Accurate, true);
            return t.ToArray();
        }).ToList();
        double ScoreWithWords()
        {
            double sum = 0;
            for (int k = 0; k < docs.Count; k++)
            {
                int cursor = 0;
                var test = new WordOrderTest(wordsOf[k].Length);
                sum += model.ScoreText(docs[k], 0, wordsOf[k], ref cursor, ref test).Log10Prob + test.Sum;
            }

            return sum;
        }

        void Segment()
        {
            foreach (var d in docs)
            {
                tokens.Clear();
                segmenter.Cut(d, tokens, CutMode.Accurate, true);
            }
        }

        Score(); // untimed warm-up passes: the JIT reaches its optimized tiers
        ScoreWithWords();
        Segment();
        var lmTimes = new List<double>();
        var wordTimes = new List<double>();
        var segmentTimes = new List<double>();
        long allocated = 0;
        for (int r = 0; r < reps; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            Score();
            lmTimes.Add(sw.Elapsed.TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            sw.Restart();
            ScoreWithWords();
            wordTimes.Add(sw.Elapsed.TotalSeconds);
            sw.Restart();
            Segment();
            segmentTimes.Add(sw.Elapsed.TotalSeconds);
        }

        double lm = CorpusTexts.Median(lmTimes), segment = CorpusTexts.Median(segmentTimes), withWords = CorpusTexts.Median(wordTimes);
        var result = new Dictionary<string, object?>
        {
            ["bench"] = "lm-throughput",
            ["input"] = Path.GetFileName(input),
            ["docs"] = docs.Count,
            ["bytes"] = bytes,
            ["reps"] = reps,
            ["lm_order"] = model.Order,
            ["lm_seconds"] = Math.Round(lm, 4),
            ["lm_mb_per_s"] = Math.Round(bytes / 1e6 / lm, 2),
            ["segment_seconds"] = Math.Round(segment, 4),
            ["segment_mb_per_s"] = Math.Round(bytes / 1e6 / segment, 2),
            ["lm_vs_segment_speed"] = Math.Round(segment / lm, 2),
            ["lm_with_words_mb_per_s"] = Math.Round(bytes / 1e6 / withWords, 2),
            ["lm_with_words_vs_segment_speed"] = Math.Round(segment / withWords, 2),
            ["lm_allocated_bytes"] = allocated,
            ["lm_load_s"] = Math.Round(loadSeconds, 4),
            ["runtime"] = Environment.Version.ToString(),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
