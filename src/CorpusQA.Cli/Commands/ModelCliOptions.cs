using System.CommandLine;
using System.CommandLine.Parsing;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Scoring;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary>Options of the commands that read labelled data (train, eval).</summary>
internal sealed class LabelCliOptions
{
    public Option<string> LabelField { get; } = new("--label-field")
    {
        Description = "Field/column holding each document's label (a class name, or a number for --min-score and regression).",
        DefaultValueFactory = _ => "label",
    };

    public Option<string?> Positive { get; } = new("--positive")
    {
        Description = "Binary: the label value of the positive ('good') class (default: good, 1, true, ... when the labels are such a pair).",
    };

    public Option<double?> MinScore { get; } = new("--min-score")
    {
        Description = "Numeric labels: a document is good when its label is at least this (binary), or the cut for quality_label (regression).",
    };

    public Option<string[]> Where { get; } = CommonOptions.Where();

    public Option<bool> Json { get; } = new("--json") { Description = "Print the metrics as JSON on stdout." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { LabelField, Positive, MinScore, Where, Json }) command.Options.Add(option);
    }

    public LabelledSelection Selection(ParseResult parse, string? groupField, string? breakdownField) => new()
    {
        LabelField = parse.GetValue(LabelField)!,
        GroupField = groupField,
        BreakdownField = breakdownField,
        Where = CommonOptions.WhereConditions(parse.GetValue(Where)),
    };
}

/// <summary>--model / --no-model / --script-model: which models a scoring command applies.</summary>
internal sealed class ModelCliOptions(bool allowNone)
{
    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Quality model bundle (.zip from 'corpusqa train'); default: the bundled quality model.",
    };

    public Option<string?> ScriptModel { get; } = new("--script-model")
    {
        Description = "Script/language model bundle; default: the bundled script model.",
    };

    public Option<bool> NoModel { get; } = new("--no-model")
    {
        Description = "Apply no learned model: no quality_score, script or script_confidence columns, no quality-score rule.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(ScriptModel);
        if (allowNone) command.Options.Add(NoModel);
    }

    /// <summary>The models to apply; null with --no-model.</summary>
    public ModelSet? Read(ParseResult parse)
    {
        if (allowNone && parse.GetValue(NoModel))
        {
            if (parse.GetValue(Model) is not null || parse.GetValue(ScriptModel) is not null)
                throw new CliUsageException("--no-model conflicts with --model and --script-model");
            return null;
        }
        var quality = parse.GetValue(Model) is { } q ? ModelBundle.Load(q) : BundledModels.Quality;
        var script = parse.GetValue(ScriptModel) is { } s ? ModelBundle.Load(s) : BundledModels.Script;
        return new ModelSet(quality, script);
    }

    /// <summary>What summary.json records of the models.</summary>
    public static Dictionary<string, object?>? Record(ModelSet? models) => AuditSummaryFile.ModelRecord(models);
}
