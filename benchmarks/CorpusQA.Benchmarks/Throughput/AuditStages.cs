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

        return 0;
    }
}
