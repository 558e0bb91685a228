using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Features;
using CorpusQA.Classify.Scoring;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;

namespace CorpusQA.Benchmarks.Throughput;

/// <summary>
/// Single-thread cost of the learned scores (issue 7) on an in-memory JSONL corpus, next to the work they ride on:
/// <list type="bullet">
/// <item>baseline: analyze (segment + character classes + layout) + all signals, the whole loop timed;</item>
/// <item>featurize: the bundled quality model's featurizer, given the DocView and the signal values;</item>
/// <item>quality, script: featurize + score with that bundled model (ML.NET PredictionEngine);</item>
/// <item>both: the two models, as <c>audit</c> applies them (<see cref="DocumentScorer"/>).</item>
/// </list>
/// Every rep runs the five modes one after the other (alternating, so drift on the shared machine hits them all).
/// In the model modes each document is still analysed and its signals computed, untimed, right before the timed
/// work (so the view is as warm in cache as in an audit); only the added work is timed, per document with
/// <see cref="Stopwatch.GetTimestamp"/>. Allocations per document come from a separate untimed pass reading
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> around the added work only. Besides wall time, each mode's
/// CPU time of this thread (CLOCK_THREAD_CPUTIME_ID) is read the same way: on a shared, loaded machine the wall
/// time includes the time the thread waited for a core, the CPU time does not (<c>mb_per_cpu_s</c>).
/// <c>CorpusQA.Benchmarks classify FILE.jsonl [--reps 5]</c>; one JSON line per mode.
/// </summary>
internal static partial class ClassifyThroughput
{
    public static int Run(string[] args)
    {
        string? input = null;
        int reps = 5;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--reps": reps = int.Parse(args[++i]); break;
                default: input = args[i]; break;
            }
        }

        if (input is null)
        {
            Console.Error.WriteLine("usage: classify FILE.jsonl [--reps N]");
            return 2;
        }

        var (docs, bytes) = CorpusTexts.Load(input);
        var segmenter = JiebaSegmenter.CreateDefault();
        var analyzer = new DocumentAnalyzer(segmenter);
        var registry = SignalRegistry.Default;
        var values = new double[registry.Count];

        var load = Stopwatch.StartNew();
        ModelBundle quality = BundledModels.Quality, script = BundledModels.Script;
        double loadSeconds = load.Elapsed.TotalSeconds;
        var featureBuffer = quality.Featurizer.CreateBuffer();
        using var qualityScorer = new ModelScorer(quality);
        using var scriptScorer = new ModelScorer(script);
        using var bothScorer = new ModelSet(quality, script).CreateScorer();

        // Checksums keep every result observable (and tell a stale model apart: quality_good_share should match eval).
        double featureCount = 0, qualitySum = 0, scriptSum = 0, bothSum = 0;
        long qualityGood = 0;
        var modes = new (string Name, string What, Action<DocView> Work)[]
        {
            ("baseline", "analyze (segment + char classes + layout) + all signals", null!),
            ("featurize", "featurization only, quality model's featurizer (DocView + signals given)",
                v => { quality.Featurizer.Featurize(v, values, featureBuffer); featureCount += featureBuffer.Count; }),
            ("quality", "featurize + score, bundled quality model",
                v => { var p = qualityScorer.Score(v, values); qualitySum += p.Score; if (p.Label == quality.Manifest.Labels[1]) qualityGood++; }),
            ("script", "featurize + score, bundled script model",
                v => scriptSum += scriptScorer.Score(v, values).Score),
            ("both", "featurize + score, quality and script models (DocumentScorer, as audit)",
                v => { var s = bothScorer.Score(v, values); bothSum += s.Quality!.Value.Score + s.Script!.Value.Score; }),
        };

        (double Wall, double Cpu) Pass(int mode)
        {
            var work = modes[mode].Work;
            if (work is null)
            {
                long start = Stopwatch.GetTimestamp(), cpuStart = ThreadCpuNanoseconds();
                foreach (var d in docs) registry.ComputeAll(analyzer.Analyze(d), values);
                return (Stopwatch.GetElapsedTime(start).TotalSeconds, (ThreadCpuNanoseconds() - cpuStart) / 1e9);
            }

            long ticks = 0, cpu = 0;
            foreach (var d in docs)
            {
                var view = analyzer.Analyze(d);
                registry.ComputeAll(view, values);
                long t0 = Stopwatch.GetTimestamp(), c0 = ThreadCpuNanoseconds();
                work(view);
                cpu += ThreadCpuNanoseconds() - c0;
                ticks += Stopwatch.GetTimestamp() - t0;
            }
            return ((double)ticks / Stopwatch.Frequency, cpu / 1e9);
        }

        for (int m = 0; m < modes.Length; m++) Pass(m); // warm-up: JIT, ML.NET's lazy pipeline, buffers grown
        var times = modes.Select(_ => new List<double>()).ToArray();
        var cpuTimes = modes.Select(_ => new List<double>()).ToArray();
        for (int r = 0; r < reps; r++)
        {
            for (int m = 0; m < modes.Length; m++)
            {
                var (wall, cpu) = Pass(m);
                times[m].Add(wall);
                cpuTimes[m].Add(cpu);
            }
        }

        // Allocations of the added work alone, per document (untimed pass).
        var allocated = new long[modes.Length];
        for (int m = 1; m < modes.Length; m++)
        {
            foreach (var d in docs)
            {
                var view = analyzer.Analyze(d);
                registry.ComputeAll(view, values);
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                modes[m].Work(view);
                allocated[m] += GC.GetAllocatedBytesForCurrentThread() - a0;
            }
        }

        int passes = reps + 2; // warm-up + reps + allocation pass
        var medians = times.Select(t => CorpusTexts.Median([.. t])).ToArray();
        var cpuMedians = cpuTimes.Select(t => CorpusTexts.Median([.. t])).ToArray();
        double baseline = medians[0], cpuBaseline = cpuMedians[0];
        for (int m = 0; m < modes.Length; m++)
        {
            double median = medians[m];
            var result = new Dictionary<string, object?>
            {
                ["harness"] = "classify",
                ["mode"] = modes[m].Name,
                ["what"] = modes[m].What,
                ["input"] = Path.GetFileName(input),
                ["docs"] = docs.Count,
                ["bytes"] = bytes,
                ["reps"] = reps,
                ["seconds"] = Math.Round(median, 4),
                ["seconds_all"] = times[m].Select(t => Math.Round(t, 4)).ToArray(),
                ["mb_per_s"] = Math.Round(bytes / 1e6 / median, 2),
                ["cpu_seconds"] = Math.Round(cpuMedians[m], 4),
                ["cpu_seconds_all"] = cpuTimes[m].Select(t => Math.Round(t, 4)).ToArray(),
                ["mb_per_cpu_s"] = Math.Round(bytes / 1e6 / cpuMedians[m], 2),
            };
            if (m > 0)
            {
                result["baseline_mb_per_s"] = Math.Round(bytes / 1e6 / baseline, 2);
                // Ratio of the medians, and the median of each rep's ratio (the modes of one rep run back to back, so
                // the per-rep ratio shrugs off load that comes and goes on the shared machine).
                result["added_cost_vs_baseline"] = Math.Round(median / baseline, 4);
                result["added_cost_vs_baseline_per_rep"] = Math.Round(CorpusTexts.Median([.. times[m].Select((t, r) => t / times[0][r])]), 4);
                result["with_baseline_mb_per_s"] = Math.Round(bytes / 1e6 / (baseline + median), 2);
                result["baseline_mb_per_cpu_s"] = Math.Round(bytes / 1e6 / cpuBaseline, 2);
                result["added_cpu_vs_baseline"] = Math.Round(cpuMedians[m] / cpuBaseline, 4);
                result["with_baseline_mb_per_cpu_s"] = Math.Round(bytes / 1e6 / (cpuBaseline + cpuMedians[m]), 2);
                result["allocated_bytes_per_doc"] = Math.Round((double)allocated[m] / docs.Count, 1);
            }
            if (m == 1)
            {
                result["features_per_doc"] = Math.Round(featureCount / docs.Count / passes, 1);
                result["dimension"] = quality.Featurizer.Dimension;
            }
            if (m == 2)
            {
                result["model_sha256"] = BundleHash(BundledModels.QualityName);
                result["quality_good_share"] = Math.Round((double)qualityGood / docs.Count / passes, 4);
                result["mean_score"] = Math.Round(qualitySum / docs.Count / passes, 4);
                result["bundles_load_s"] = Math.Round(loadSeconds, 3);
            }
            if (m == 3)
            {
                result["model_sha256"] = BundleHash(BundledModels.ScriptName);
                result["mean_score"] = Math.Round(scriptSum / docs.Count / passes, 4);
            }
            if (m == 4) result["checksum"] = Math.Round(bothSum / docs.Count / passes, 4);
            result["runtime"] = Environment.Version.ToString();
            Console.WriteLine(JsonSerializer.Serialize(result));
        }

        return 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private const int ClockThreadCpuTimeId = 3; // Linux CLOCK_THREAD_CPUTIME_ID

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    /// <summary>CPU time this thread has run (Linux; 0 elsewhere).</summary>
    private static long ThreadCpuNanoseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;

    private static string BundleHash(string name)
    {
        using var s = typeof(BundledModels).Assembly.GetManifestResourceStream($"CorpusQA.Classify.Models.{name}.zip");
        return s is null ? "" : Convert.ToHexStringLower(SHA256.HashData(s))[..16];
    }
}
