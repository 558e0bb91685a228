using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;

namespace CorpusQA.Benchmarks.Throughput;

/// <summary>
/// Where a single-threaded audit spends its time: each stage of the per-document work timed alone over the same
/// in-memory corpus, cumulative from segmentation alone to the whole per-document pass.
/// <c>CorpusQA.Benchmarks audit-stages FILE.jsonl [--reps 3]</c>; one JSON line per stage.
/// </summary>
internal static class AuditStages
{
    public static int Run(string[] args)
    {
        string input = args.FirstOrDefault(a => !a.StartsWith("--")) ?? throw new ArgumentException("usage: audit-stages FILE.jsonl [--reps N]");
        int reps = args.SkipWhile(a => a != "--reps").Skip(1).Select(int.Parse).FirstOrDefault(3);
        var (docs, bytes) = CorpusTexts.Load(input);

        var segmenter = JiebaSegmenter.CreateDefault();
        var analyzer = new DocumentAnalyzer(segmenter);
        var registry = SignalRegistry.Default;
        var rules = RuleSet.Default;
        var values = new double[registry.Count];
        var tokens = new List<TokenSpan>();
        var options = new DedupOptions();
        var signer = new MinHashSigner(options);
        var signature = new DocumentSignature(options.NumPerm);

        var stages = new (string Name, Action<string> Work)[]
        {
            ("segment", d => { tokens.Clear(); segmenter.Cut(d, tokens); }),
            ("analyze (segment + char classes + layout)", d => analyzer.Analyze(d)),
            ("analyze + all signals", d => registry.ComputeAll(analyzer.Analyze(d), values)),
            ("analyze + all signals + rules", d => { registry.ComputeAll(analyzer.Analyze(d), values); rules.Evaluate(values); }),
            ("minhash signature alone", d => signer.Sign(0, d, default, null, signature)),
            ("whole per-document pass", d =>
            {
                var view = analyzer.Analyze(d);
                registry.ComputeAll(view, values);
                rules.Evaluate(values);
                signer.Sign(0, d, view.Tokens, null, signature);
            }),
        };
        foreach (var (name, work) in stages)
        {
            foreach (var d in docs) work(d); // warm-up
            var times = new List<double>();
            for (int r = 0; r < reps; r++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var d in docs) work(d);
                times.Add(sw.Elapsed.TotalSeconds);
            }

            double median = CorpusTexts.Median(times);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["stage"] = name,
                ["input"] = Path.GetFileName(input),
                ["docs"] = docs.Count,
                ["bytes"] = bytes,
                ["seconds"] = Math.Round(median, 4),
                ["mb_per_s"] = Math.Round(bytes / 1e6 / median, 2),
            }));
        }

        if (args.Contains("--per-signal")) PerSignal(docs, analyzer, registry, reps);
        return 0;
    }

    /// <summary>
    /// Time of each signal's <c>Compute</c> in registry order over the corpus (the document analysed untimed
    /// before). Facts are computed lazily and cached on the view, so a signal's time includes the facts it is the
    /// first to ask for: the attribution is to "what computing up to this signal added".
    /// </summary>
    private static void PerSignal(List<string> docs, DocumentAnalyzer analyzer, SignalRegistry registry, int reps)
    {
        var ticks = new long[registry.Count];
        for (int r = 0; r <= reps; r++)
        {
            if (r == 1) Array.Clear(ticks);
            foreach (var d in docs)
            {
                var view = analyzer.Analyze(d);
                for (int i = 0; i < registry.Count; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    registry.Signals[i].Compute(view);
                    ticks[i] += Stopwatch.GetTimestamp() - t0;
                }
            }
        }

        double total = ticks.Sum() / (double)Stopwatch.Frequency / reps;
        foreach (int i in Enumerable.Range(0, registry.Count).OrderByDescending(i => ticks[i]).Take(25))
            Console.WriteLine($"{registry.Signals[i].Name,-40} {ticks[i] / (double)Stopwatch.Frequency / reps:F4} s  {ticks[i] / (double)Stopwatch.Frequency / reps / total:P1}");
        Console.WriteLine($"{"all signals",-40} {total:F4} s");
    }
}
