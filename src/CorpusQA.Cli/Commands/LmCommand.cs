using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CorpusQA.Core.LanguageModel;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa lm train|score</c>: the character n-gram language model behind the perplexity signals.</summary>
internal static class LmCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("lm", "Character n-gram language model (interpolated modified Kneser-Ney; see docs/lm.md): train one, or score documents with one.");
        command.Subcommands.Add(Train(context));
        command.Subcommands.Add(Score(context));
        return command;
    }

    private static Command Train(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var outPath = new Option<string>("--out") { Description = "The model file to write (lm.bin).", Required = true };
        var order = new Option<int>("--order") { Description = $"n-gram order (1..{CharLmTrainer.MaxOrder}).", DefaultValueFactory = _ => 5 };
        order.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > CharLmTrainer.MaxOrder) r.AddError($"--order must be 1..{CharLmTrainer.MaxOrder}."); });
        var pruneFrom = new Option<int>("--prune-from-order") { Description = "Orders ≥ this keep only n-grams seen at least --prune-min-count times; 0: no pruning.", DefaultValueFactory = _ => 0 };
        var pruneMin = new Option<int>("--prune-min-count") { Description = "Raw count an n-gram of a pruned order needs to be kept.", DefaultValueFactory = _ => 2 };
        pruneMin.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--prune-min-count must be at least 1."); });
        var exact = new Option<bool>("--exact") { Description = "Store probabilities and backoffs as doubles instead of 16-bit codes (twice the size)." };
        var command = new Command("train",
            "Train a character n-gram LM on the documents' text (each line one sequence <s> … </s>, Traditional folded to " +
            "Simplified, digits to 0, white space collapsed) and write it as lm.bin. The same inputs give the same bytes.");
        reading.AddTo(command);
        foreach (var option in new Option[] { outPath, order, pruneFrom, pruneMin, exact }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var corpus = InputCorpus.Open(reading.InputPaths(parse), reading.Read(parse) with
            {
                OnBadRecord = bad => context.Error.WriteLine($"corpusqa: skipped bad row: {bad}"),
            });
            var trainer = new CharLmTrainer(parse.GetValue(order));
            long documents = 0;
            await foreach (var doc in corpus.ReadAllAsync(ct))
            {
                trainer.AddText(doc.Text);
                documents++;
            }

            if (trainer.Tokens == 0) throw new CliUsageException("lm train: the inputs contain no text to train on.");
            var bytes = trainer.Build(new CharLmBuildOptions
            {
                Encoding = parse.GetValue(exact) ? LmValueEncoding.Float64 : LmValueEncoding.Quantized16,
                PruneFromOrder = parse.GetValue(pruneFrom),
                PruneMinCount = parse.GetValue(pruneMin),
            });
            string path = parse.GetValue(outPath)!;
            await OutputFiles.WriteAsync(path, stream => stream.WriteAsync(bytes, ct).AsTask());

            using var model = CharLanguageModel.FromBytes(bytes, path);
            var entries = string.Join(", ", Enumerable.Range(1, model.Order).Select(n => $"{n}: {model.NGramCount(n):N0}"));
            context.Error.WriteLine($"corpusqa: lm train: {Counted.Of(documents, "document")}, {trainer.Tokens:N0} tokens, vocabulary {model.Header.VocabularySize:N0}; n-grams {entries}; {bytes.Length:N0} bytes -> {path}");
            return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Score(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var modelPath = new Option<string?>("--model") { Description = "lm.bin to score with (default: the bundled model)." };
        var command = new Command("score",
            "Print one JSON line per document in input order: {\"id\", \"chars\", \"char_perplexity\", " +
            "\"char_perplexity_max_paragraph\", \"high_perplexity_char_fraction\"} (the perplexity signals, see docs/signals.md).");
        reading.AddTo(command);
        command.Options.Add(modelPath);
        command.SetAction(async (parse, ct) =>
        {
            string? path = parse.GetValue(modelPath);
            using var owned = path is null ? null : CharLanguageModel.Open(path);
            var model = owned ?? CharLanguageModel.Default;
            var corpus = InputCorpus.Open(reading.InputPaths(parse), reading.Read(parse) with
            {
                OnBadRecord = bad => context.Error.WriteLine($"corpusqa: skipped bad row: {bad}"),
            });
            await using var stdout = new BufferedStream(context.OpenOutputStream(), 1 << 16);
            var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await foreach (var doc in corpus.ReadAllAsync(ct))
            {
                var profile = PerplexityProfile.Of(model, doc.Text);
                using (var json = new Utf8JsonWriter(stdout, options))
                {
                    json.WriteStartObject();
                    json.WriteString("id", doc.Id);
                    json.WriteNumber("chars", profile.Total.Chars);
                    json.WriteNumber("char_perplexity", Math.Round(profile.Total.Perplexity, 4));
                    json.WriteNumber("char_perplexity_max_paragraph", Math.Round(profile.MaxParagraphPerplexity, 4));
                    json.WriteNumber("high_perplexity_char_fraction", Math.Round(profile.HighPerplexityCharFraction, 6));
                    json.WriteEndObject();
                }

                stdout.WriteByte((byte)'\n');
            }

            await stdout.FlushAsync(ct);
            return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
        });
        return command;
    }
}
