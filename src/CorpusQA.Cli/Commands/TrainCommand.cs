using System.CommandLine;
using CorpusQA.Classify.Features;
using CorpusQA.Classify.Training;
using CorpusQA.Cli.Runs;
using CorpusQA.Core.Signals;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa train</c>: an ML.NET model on labelled documents, written as one bundle .zip.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var labels = new LabelCliOptions();
        var outPath = new Option<string>("--out") { Description = "The model bundle to write (.zip).", Required = true };
        var task = new Option<ModelTask>("--task") { Description = "binary (good/bad), regression (predict a numeric score) or multiclass.", DefaultValueFactory = _ => ModelTask.Binary };
        var trainer = new Option<TrainerKind>("--trainer") { Description = "sdca (linear, calibrated; default) or lightgbm (boosted trees).", DefaultValueFactory = _ => TrainerKind.Sdca };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds, grouped by --group-field; 0 or 1: none (then the binary threshold is 0.5).", DefaultValueFactory = _ => 5 };
        var group = new Option<string?>("--group-field") { Description = "Rows with the same value of this field (e.g. the source document) are never split across folds." };
        var breakdown = new Option<string?>("--breakdown-field") { Description = "Also report the cross-validated metrics per value of this field (e.g. the defect kind)." };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same data and seed give the same model, byte for byte.", DefaultValueFactory = _ => 1 };
        var predictions = new Option<string?>("--predictions") { Description = "Write each document's out-of-fold prediction to this JSONL file (to look at the errors)." };
        var l2 = new Option<float?>("--l2") { Description = "SDCA: L2 regularization weight (default: chosen by ML.NET from the data)." };
        var threshold = new Option<double?>("--threshold") { Description = "Binary: a fixed probability threshold (default: the best balanced accuracy out of fold)." };
        var thresholdKeep = new Option<double?>("--threshold-keep") { Description = "Binary: the threshold that keeps this share (0..1] of the positive documents out of fold, e.g. 0.98 (default: the best balanced accuracy)." };
        thresholdKeep.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is { } v && v is <= 0 or > 1) r.AddError("--threshold-keep must be in (0, 1]"); });
        var words = new Option<int>("--word-ngrams") { Description = "Hashed jieba word n-grams: 0 none, 1 unigrams, 2 unigrams and bigrams.", DefaultValueFactory = _ => 2 };
        var chars = new Option<string>("--char-ngrams") { Description = "Hashed character n-grams MIN-MAX (e.g. 1-3), or 0 for none.", DefaultValueFactory = _ => "1-3" };
        var bits = new Option<int>("--hash-bits") { Description = "Buckets per hashed group: 2^bits (10..24).", DefaultValueFactory = _ => 18 };
        var exclude = new Option<string?>("--exclude-signals") { Description = "Comma-separated signals or families (e.g. perplexity) to leave out of --signals." };
        var signals = new Option<string>("--signals") { Description = "Numeric signals used as features: all, none, script, or a comma-separated list of names.", DefaultValueFactory = _ => "all" };
        bits.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 10 or > 24) r.AddError("--hash-bits must be 10..24."); });
        words.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 2) r.AddError("--word-ngrams must be 0, 1 or 2."); });

        var command = new Command("train",
            "Train a quality (or any document) classifier with ML.NET on labelled documents: jieba words, character " +
            "n-grams and the quality signals as features, k-fold cross-validation by group, the threshold chosen out of " +
            "fold; writes one model bundle (.zip) with the model, featurizer settings, labels, metrics and data provenance.");
        reading.AddTo(command);
        labels.AddTo(command);
        foreach (var option in new Option[] { outPath, task, trainer, folds, group, breakdown, seed, l2, threshold, thresholdKeep, predictions, words, chars, bits, signals, exclude })
            command.Options.Add(option);
        command.SetAction((parse, ct) =>
        {
            var (charMin, charMax) = ParseRange(parse.GetValue(chars)!);
            int wordNGrams = parse.GetValue(words);
            var settings = new TrainSettings
            {
                Inputs = reading.InputPaths(parse),
                OutPath = parse.GetValue(outPath)!,
                Reading = reading.Read(parse),
                Threads = parse.GetValue(reading.Threads),
                Selection = labels.Selection(parse, parse.GetValue(group), parse.GetValue(breakdown)),
                Task = parse.GetValue(task),
                Trainer = parse.GetValue(trainer),
                Positive = parse.GetValue(labels.Positive),
                MinScore = parse.GetValue(labels.MinScore),
                Threshold = parse.GetValue(threshold),
                ThresholdKeep = parse.GetValue(thresholdKeep),
                Folds = parse.GetValue(folds),
                Seed = parse.GetValue(seed),
                L2 = parse.GetValue(l2),
                PredictionsPath = parse.GetValue(predictions),
                Json = parse.GetValue(labels.Json),
                SignalNames = SignalNames(parse.GetValue(signals)!, parse.GetValue(exclude)),
                Features = new FeaturizerSettings
                {
                    WordUnigrams = wordNGrams >= 1,
                    WordBigrams = wordNGrams >= 2,
                    WordBits = parse.GetValue(bits),
                    CharBits = parse.GetValue(bits),
                    CharNGramMin = charMin,
                    CharNGramMax = charMax,
                },
            };
            if (settings.Task != ModelTask.Binary && settings.Positive is not null)
                throw new CliUsageException("--positive applies to --task binary only");
            if (settings.Task == ModelTask.Multiclass && settings.MinScore is not null)
                throw new CliUsageException("--min-score does not apply to --task multiclass");
            if (settings.Positive is not null && settings.MinScore is not null)
                throw new CliUsageException("give --positive or --min-score, not both");
            if (settings.ThresholdKeep is not null && (settings.Task != ModelTask.Binary || settings.Threshold is not null || settings.Folds < 2))
                throw new CliUsageException("--threshold-keep needs --task binary, cross-validation folds and no --threshold");
            return TrainRun.RunAsync(settings, context, ct);
        });
        return command;
    }

    private static (int Min, int Max) ParseRange(string text)
    {
        if (text == "0") return (0, 0);
        var parts = text.Split('-');
        if (parts.Length == 1 && int.TryParse(parts[0], out int n) && n is >= 1 and <= 8) return (n, n);
        if (parts.Length == 2 && int.TryParse(parts[0], out int a) && int.TryParse(parts[1], out int b) && a >= 1 && b >= a && b <= 8) return (a, b);
        throw new CliUsageException($"--char-ngrams takes MIN-MAX between 1 and 8 (e.g. 1-3) or 0, not '{text}'");
    }

    /// <summary>The signals script models use: the character-class and script shares.</summary>
    internal static readonly string[] ScriptSignals =
    [
        "char_count", "han_ratio", "kana_ratio", "hangul_ratio", "latin_ratio", "digit_ratio", "whitespace_ratio",
        "cjk_punct_ratio", "ascii_punct_ratio", "symbol_ratio", "traditional_only_ratio", "simplified_only_ratio",
    ];

    private static IReadOnlyList<string> SignalNames(string spec, string? exclude)
    {
        var registry = SignalRegistry.Default;
        var names = spec switch
        {
            "all" => registry.Signals.Select(s => s.Name).ToArray(),
            "none" => [],
            "script" => ScriptSignals,
            _ => spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        foreach (var name in names)
            if (registry.IndexOf(name) < 0) throw new CliUsageException($"--signals: unknown signal '{name}' (docs/signals.md lists them)");
        if (exclude is null) return names;
        var left = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in exclude.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var family = registry.Signals.Where(s => string.Equals(s.Family.ToString(), item, StringComparison.OrdinalIgnoreCase)).Select(s => s.Name).ToList();
            if (family.Count == 0 && registry.IndexOf(item) < 0) throw new CliUsageException($"--exclude-signals: '{item}' is neither a signal nor a family");
            left.UnionWith(family.Count > 0 ? family : [item]);
        }
        return names.Where(n => !left.Contains(n)).ToArray();
    }
}
