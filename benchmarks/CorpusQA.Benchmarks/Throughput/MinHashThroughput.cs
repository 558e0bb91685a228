using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;
using CorpusQA.Core.Dedup;

namespace CorpusQA.Benchmarks.Throughput;

/// <summary>
/// Single-thread MinHash signature throughput on a JSONL corpus (whole signing path: normalization, shingle hashing,
/// permutation kernel, exact hash), one JSON line in the shape of the peers' results:
/// <c>CorpusQA.Benchmarks minhash-throughput FILE.jsonl [--num-perm 128] [--ngram 5] [--reps 3]</c>.
/// Run it again with DOTNET_EnableHWIntrinsic=0 for the scalar paths.
/// </summary>
internal static class MinHashThroughput
{
    public static int Run(string[] args)
    {
        string? input = null;
        int numPerm = 128, ngram = 5, reps = 3;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--num-perm": numPerm = int.Parse(args[++i]); break;
                case "--ngram": ngram = int.Parse(args[++i]); break;
                case "--reps": reps = int.Parse(args[++i]); break;
                default: input = args[i]; break;
            }
        }

        if (input is null)
        {
            Console.Error.WriteLine("usage: minhash-throughput FILE.jsonl [--num-perm 128] [--ngram 5] [--reps 3]");
            return 2;
        }

        var (docs, bytes) = CorpusTexts.Load(input);

        var options = new DedupOptions { NumPerm = numPerm, NGram = ngram, Shingle = ShingleUnit.Char };
        var signer = new MinHashSigner(options);
        var scratch = new DocumentSignature(numPerm);
        for (int i = 0; i < docs.Count; i++) signer.Sign(i, docs[i], default, null, scratch); // warm-up

        var times = new List<double>();
        for (int r = 0; r < reps; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < docs.Count; i++) signer.Sign(i, docs[i], default, null, scratch);
            times.Add(sw.Elapsed.TotalSeconds);
        }

        double median = CorpusTexts.Median(times);
        var result = new Dictionary<string, object?>
        {
            ["peer"] = "corpusqa",
            ["what"] = "minhash-signatures",
            ["kernel"] = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar",
            ["shingle"] = "char",
            ["ngram"] = ngram,
            ["num_perm"] = numPerm,
            ["input"] = Path.GetFileName(input),
            ["docs"] = docs.Count,
            ["bytes"] = bytes,
            ["reps"] = reps,
            ["seconds"] = Math.Round(median, 4),
            ["seconds_all"] = times.Select(t => Math.Round(t, 4)).ToArray(),
            ["mb_per_s"] = Math.Round(bytes / 1e6 / median, 3),
            ["docs_per_s"] = Math.Round(docs.Count / median, 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
