using System.Text.Json;
using CorpusQA.Classify.Scoring;
using CorpusQA.Classify.Training;

namespace CorpusQA.Cli.Runs;

/// <summary>Per-document predictions as JSONL (<c>eval --predictions</c>, <c>train --predictions</c> out of fold), to look at the errors.</summary>
internal static class PredictionsFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<LabelledDocument> docs, IReadOnlyList<float[]> predictions,
        IReadOnlyList<float> targets, ModelTask task, IReadOnlyList<string> labels, double? threshold)
    {
        await OutputFiles.WriteAsync(path, async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            for (int i = 0; i < docs.Count; i++)
            {
                var p = predictions[i];
                var prediction = Prediction.FromRaw(task, labels, threshold, p);
                string? predicted = task == ModelTask.Regression ? null : prediction.Label;
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
                    ["score"] = Math.Round(prediction.Score, 6),
                    ["group"] = docs[i].Breakdown,
                };
                await writer.WriteLineAsync(JsonSerializer.Serialize(row));
            }
        });
    }
}
