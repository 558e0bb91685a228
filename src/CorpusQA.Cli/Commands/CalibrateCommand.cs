using System.CommandLine;
using CorpusQA.Cli.Runs;
using CorpusQA.Core.Rules;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa calibrate</c>: rule thresholds from reference documents the user calls clean.</summary>
internal static class CalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var outPath = new Option<string>("--out") { Description = "The rule file to write (JSON, the format --config reads).", Required = true };
        var budget = new Option<double>("--drop-budget")
        {
            Description = "Each rule's threshold drops at most this share of the reference documents (FineWeb-2's method).",
            DefaultValueFactory = _ => 0.02,
        };
        budget.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or >= 1) r.AddError("--drop-budget must be in [0, 1)."); });
        var against = new Option<string[]>("--against") { Description = "Defective documents: report what each rule and the whole set remove of them.", AllowMultipleArgumentsPerToken = true };
        var template = new Option<string?>("--template")
        {
            Description = "The rules to calibrate (signal, bound, reason): a rule file or preset:NAME; default: the default rules plus the perplexity rules.",
        };
        var where = CommonOptions.Where();
        where.Description += " It applies to the reference and the --against set alike.";
        var json = new Option<bool>("--json") { Description = "Print the per-rule table as JSON on stdout." };
        var groupField = new Option<string?>("--group-field")
        {
            Description = "A field of the reference naming each document's source (site, package, crawl): also check each rule " +
                "leave-one-group-out, calibrated on the other groups and applied to the held-out one, to see whether its " +
                "threshold carries over to a source it has not seen.",
        };
        var command = new Command("calibrate",
            "Calibrate rule thresholds on reference documents you call clean: computes every signal, and writes a rule set " +
            "whose thresholds each drop at most --drop-budget of the reference, each rule's source saying what it was " +
            "calibrated on and at which quantile; with --against, a table per rule of clean dropped vs defective dropped " +
            "at several budgets.");
        reading.AddTo(command);
        foreach (var option in new Option[] { outPath, budget, against, template, where, json, groupField }) command.Options.Add(option);
        command.SetAction((parse, ct) => CalibrateRun.RunAsync(new CalibrateSettings
        {
            Reference = reading.InputPaths(parse),
            Against = parse.GetValue(against) ?? [],
            OutPath = parse.GetValue(outPath)!,
            Budget = parse.GetValue(budget),
            Template = parse.GetValue(template) is { } t ? RuleSet.Load(t) : CalibrateRun.DefaultTemplate(),
            Selection = new LabelledSelection
            {
                LabelField = null,
                Where = CommonOptions.WhereConditions(parse.GetValue(where)),
            },
            Reading = reading.Read(parse),
            Threads = parse.GetValue(reading.Threads),
            Json = parse.GetValue(json),
            GroupField = parse.GetValue(groupField),
        }, context, ct));
        return command;
    }
}
