using System.Text.Json;
using CorpusQA.Classify.Training;

namespace CorpusQA.Cli.Runs;

/// <summary>Per-document predictions as JSONL (<c>eval --predictions</c>, <c>train --predictions</c> out of fold), to look at the errors.</summary>
internal static class PredictionsFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<LabelledDocument> docs, IReadOnlyList<float[]> predictions,
        IReadOnlyList<float> targets, ModelTask task, IReadOnlyList<string> labels, double? threshold)
    {
        await using var file = OutputFiles.Create(path);
        await using (var writer = new StreamWriter(file.Stream, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            for (int i = 0; i < docs.Count; i++)
            {
                var p = predictions[i];
                string? predicted = task switch
                {
                    ModelTask.Binary => p[0] >= (threshold ?? 0.5) ? labels[1] : labels[0],
                    ModelTask.Multiclass => labels[Evaluator.ArgMax(p)],
                    _ => null,
                };
                string? actual = task switch
                {
                    ModelTask.Binary => labels[targets[i] > 0.5f ? 1 : 0],
                    ModelTask.Multiclass => labels[(int)targets[i]],
                    _ => null,
                };
                var row = new Dictionary<string, object?>
                {
                    ["file"] = docs[i].File,
                    ["row"] = docs[i].Row,
                    ["label"] = docs[i].Label,
                    ["actual"] = actual,
                    ["predicted"] = predicted,
                    ["score"] = Math.Round(task == ModelTask.Multiclass ? p.Max() : p[0], 6),
                    ["group"] = docs[i].Breakdown,
                };
                await writer.WriteLineAsync(JsonSerializer.Serialize(row));
            }
        }
        await OutputFiles.CommitAsync(file);
    }

}
