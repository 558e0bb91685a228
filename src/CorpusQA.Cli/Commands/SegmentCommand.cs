using System.Buffers;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Pipeline;
using CorpusQA.IO.Writers;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa segment</c>: jieba-compatible word segmentation of a corpus to JSONL.</summary>
internal static class SegmentCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable; output is not HTML.
        SkipValidation = true,
    };

    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Output JSONL file (default or '-': stdout). A file is written under a temporary name and renamed when complete; a FIFO or device (/dev/null) is written directly, a symlink writes to its target." };
        var mode = new Option<string>("--mode")
        {
            Description = "accurate (jieba.cut), full (cut_all) or search (cut_for_search).",
            DefaultValueFactory = _ => "accurate",
        };
        mode.AcceptOnlyFromAmong("accurate", "full", "search");
        var noHmm = new Option<bool>("--no-hmm") { Description = "Do not use the HMM for out-of-dictionary words (accurate and search modes)." };
        var userDict = new Option<string[]>("--user-dict") { Description = "User dictionary in jieba's format (word [freq] [tag] per line); may repeat." };

        var command = new Command("segment", "Segment every document into words (jieba 0.42.1 compatible) and write JSONL {\"id\",\"tokens\"} in input order.")
        {
            output, mode, noHmm, userDict,
        };
        reading.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cutMode = parse.GetValue(mode) switch
            {
                "full" => CutMode.Full,
                "search" => CutMode.Search,
                _ => CutMode.Accurate,
            };
            bool hmm = !parse.GetValue(noHmm);
            if (cutMode == CutMode.Full && !hmm)
            {
                throw new CliUsageException("--no-hmm has no effect with --mode full (cut_all never uses the HMM).");
            }

            var segmenter = JiebaSegmenter.CreateDefault();
            foreach (var path in parse.GetValue(userDict) ?? [])
            {
                if (!File.Exists(path)) throw new CorpusInputException(path, null, "user dictionary not found");
                segmenter.LoadUserDictionary(path);
            }

            var corpus = InputCorpus.Open(reading.InputPaths(parse), reading.Read(parse) with
            {
                OnBadRecord = bad => context.Error.WriteLine($"corpusqa: skipped bad row: {bad}"),
            });

            string? outputPath = parse.GetValue(output) is { } o && o != "-" ? o : null; // "-": stdout
            if (outputPath is not null && !OutputFiles.IsDeviceOrPipe(outputPath))
                Faults.OutputFolder.Prepare(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, context);
            await using var file = outputPath is null ? null : OutputFiles.Create(outputPath);
            await using var stdout = file is null ? new BufferedStream(context.OpenOutputStream(), 1 << 16) : null;
            Stream sink = file is not null ? file.Stream : stdout!;
            var progress = new ProgressReporter(context, "segment");
            try
            {
                await OrderedParallel.RunAsync(
                    corpus.ReadAllAsync(ct),
                    () => new Worker(segmenter),
                    (worker, doc) => worker.Segment(doc, cutMode, hmm),
                    (doc, line) =>
                    {
                        sink.Write(line.Json);
                        progress.Document(line.InputBytes);
                    },
                    new OrderedParallelOptions { Threads = parse.GetValue(reading.Threads) },
                    ct);
            }
            catch (CorpusInputException)
            {
                if (file is not null)
                {
                    string partial = await file.CommitPartialAsync();
                    context.Error.WriteLine($"corpusqa: the {Counted.Of(progress.Documents, "document")} read before the error {(progress.Documents == 1 ? "is" : "are")} in {partial}");
                }

                throw;
            }

            if (file is not null) await OutputFiles.CommitAsync(file);
            else await stdout!.FlushAsync(ct);
            progress.Finish();
            return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Per-thread state: the token list and the JSON buffer are reused for every document.</summary>
    private sealed class Worker(JiebaSegmenter segmenter)
    {
        private readonly List<TokenSpan> _tokens = new();
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

        public (byte[] Json, int InputBytes) Segment(Document doc, CutMode mode, bool hmm)
        {
            _tokens.Clear();
            segmenter.Cut(doc.Text, _tokens, mode, hmm);
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer, JsonOptions))
            {
                json.WriteStartObject();
                json.WriteString("id", doc.Id);
                json.WriteStartArray("tokens");
                var text = doc.Text.AsSpan();
                foreach (var token in _tokens)
                {
                    json.WriteStringValue(token.Of(text));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            _buffer.Write("\n"u8);
            return (_buffer.WrittenSpan.ToArray(), System.Text.Encoding.UTF8.GetByteCount(doc.Text));
        }
    }
}
