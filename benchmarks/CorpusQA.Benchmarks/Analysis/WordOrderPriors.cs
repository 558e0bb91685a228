using System.Text.Json;
using CorpusQA.Benchmarks.Throughput;
using CorpusQA.Core.Documents;
using CorpusQA.Segmentation;

namespace CorpusQA.Benchmarks.Analysis;

/// <summary>
/// Fits the two normal priors of <c>WordOrderTest.ShuffledLogLikelihoodRatio</c> from labelled texts: the paired
/// word-order test is run on every document (as the signals run it) and, per side, the mean of the per-document mean
/// differences and their variance net of the mean sampling variance (sd² / n) are printed as one JSON line:
/// <c>word-order-priors --ordered CLEAN.jsonl... --shuffled DEFECTIVE.jsonl...</c> (documents with fewer than
/// <c>WordOrderTest.MinSamples</c> samples are left out). tools/rules/fit_word_order_priors.sh runs it on the train split.
/// </summary>
internal static class WordOrderPriors
{
    public static int Run(string[] args)
    {
        var ordered = new List<string>();
        var shuffled = new List<string>();
        List<string>? current = null;
        foreach (string a in args)
        {
            if (a == "--ordered") current = ordered;
            else if (a == "--shuffled") current = shuffled;
            else if (current is null) return Usage();
            else current.Add(a);
        }

        if (ordered.Count == 0 || shuffled.Count == 0) return Usage();
        var analyzer = new DocumentAnalyzer(JiebaSegmenter.CreateDefault());
        var (orderedMean, orderedVariance, orderedDocs) = Fit(analyzer, ordered);
        var (shuffledMean, shuffledVariance, shuffledDocs) = Fit(analyzer, shuffled);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["bench"] = "word-order-priors",
            ["ordered_docs"] = orderedDocs,
            ["ordered_mean"] = Math.Round(orderedMean, 4),
            ["ordered_variance"] = Math.Round(orderedVariance, 4),
            ["shuffled_docs"] = shuffledDocs,
            ["shuffled_mean"] = Math.Round(shuffledMean, 4),
            ["shuffled_variance"] = Math.Round(shuffledVariance, 4),
        }));
        return 0;
    }

    private static (double Mean, double Variance, int Docs) Fit(DocumentAnalyzer analyzer, List<string> files)
    {
        var means = new List<double>();
        var sampling = new List<double>();
        foreach (string file in files)
            foreach (string text in CorpusTexts.Load(file).Texts)
            {
                var test = analyzer.Analyze(text).Perplexity.WordOrder;
                if (test.Samples < CorpusQA.Core.LanguageModel.WordOrderTest.MinSamples) continue;
                means.Add(test.MeanDifference);
                sampling.Add(test.SampleVariance / test.Samples);
            }

        double m = means.Average();
        double variance = means.Sum(x => (x - m) * (x - m)) / means.Count - sampling.Average();
        return (m, Math.Max(variance, 1e-4), means.Count);
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: word-order-priors --ordered CLEAN.jsonl... --shuffled DEFECTIVE.jsonl...");
        return 2;
    }
}
