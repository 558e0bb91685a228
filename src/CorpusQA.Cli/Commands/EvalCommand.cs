using System.CommandLine;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Scoring;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa eval</c>: a model's metrics on labelled documents.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var labels = new LabelCliOptions();
        var model = new Option<string?>("--model")
        {
            Description = "The model bundle to evaluate (default: the bundled quality model; 'bundled:script' for the bundled script model).",
        };
        var predictions = new Option<string?>("--predictions") { Description = "Also write each document's file, row, label, prediction and score to this JSONL file." };
        var group = new Option<string?>("--group-field") { Description = "Break the metrics down per value of this field (e.g. source, register or defect kind)." };
        var command = new Command("eval",
            "Evaluate a model on labelled documents: AUC, F1, precision and recall at the model's threshold, a reliability " +
            "(calibration) table and the confusion matrix (binary); MAE, RMSE, R² (regression); accuracy and per-class " +
            "recall (multiclass); and a per-group breakdown.");
        reading.AddTo(command);
        labels.AddTo(command);
        command.Options.Add(model);
        command.Options.Add(group);
        command.Options.Add(predictions);
        command.SetAction((parse, ct) => EvalRun.RunAsync(new EvalSettings
        {
            Inputs = reading.InputPaths(parse),
            Model = Resolve(parse.GetValue(model)),
            Selection = labels.Selection(parse, groupField: null, breakdownField: parse.GetValue(group)),
            Reading = reading.Read(parse),
            Threads = parse.GetValue(reading.Threads),
            Positive = parse.GetValue(labels.Positive),
            MinScore = parse.GetValue(labels.MinScore),
            Json = parse.GetValue(labels.Json),
            PredictionsPath = parse.GetValue(predictions),
        }, context, ct));
        return command;
    }

    /// <summary>A bundle path, or bundled:quality / bundled:script.</summary>
    internal static ModelBundle Resolve(string? spec) => spec switch
    {
        null or "bundled:quality" => BundledModels.Quality,
        "bundled:script" => BundledModels.Script,
        _ => ModelBundle.Load(spec),
    };
}
