using System.Globalization;
using System.Text.Json;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;

namespace CorpusQA.Cli.Runs;

/// <summary>What <c>corpusqa calibrate</c> was asked to do.</summary>
internal sealed record CalibrateSettings
{
    public required IReadOnlyList<string> Reference { get; init; }
    public IReadOnlyList<string> Against { get; init; } = [];
    public required string OutPath { get; init; }
    public required RuleSet Template { get; init; }
    public double Budget { get; init; } = 0.02;
    public LabelledSelection Selection { get; init; } = new() { LabelField = null };

    /// <summary>With a group field, the leave-one-group-out check: each group held out in turn (<see cref="RuleCalibration.LeaveOneGroupOut"/>).</summary>
    public string? GroupField { get; init; }
    public InputCorpusOptions Reading { get; init; } = new();
    public int Threads { get; init; } = Environment.ProcessorCount;
    public bool Json { get; init; }
}

/// <summary>
/// <c>corpusqa calibrate</c>: every signal of a reference set the user calls clean, and a rule set whose thresholds
/// each drop at most the budget of it (FineWeb-2's method); with <c>--against</c>, what each rule and the whole set
/// remove of a defective set, at the budget and at neighbouring ones, so the trade-off is visible.
/// </summary>
internal static class CalibrateRun
{
    /// <summary>The budgets the trade-off table shows besides the one asked for.</summary>
    private static readonly double[] Budgets = [0.005, 0.01, 0.02, 0.05];

    /// <summary>The default template: the default rules, plus the perplexity rules.</summary>
    public static RuleSet DefaultTemplate()
    {
        var rules = RuleSet.Default.Rules.ToList();
        void Add(string signal, string reason)
        {
            if (!rules.Any(r => r.Signal == signal))
                rules.Add(new QualityRule(signal, RuleBound.Max, 0, reason, "template"));
        }
        Add("char_perplexity", "high_perplexity");
        Add("char_perplexity_max_paragraph", "high_perplexity_paragraph");
        Add("high_perplexity_char_fraction", "high_perplexity_text");
        return RuleSet.From(rules);
    }

    public static async Task<int> RunAsync(CalibrateSettings settings, CliContext context, CancellationToken ct)
    {
        var registry = SignalRegistry.Default;
        var referenceDocs = await LoadAsync(settings.Reference, settings, settings.Selection with { GroupField = settings.GroupField },
            context, "calibrate: reference", ct);
        var reference = referenceDocs.Select(d => d.Signals).ToList();
        var defective = settings.Against.Count == 0 ? null
            : (await LoadAsync(settings.Against, settings, settings.Selection, context, "calibrate: against", ct)).Select(d => d.Signals).ToList();

        var usable = settings.Template.Rules.Where(r => registry.IndexOf(r.Signal) >= 0).ToList();
        foreach (var skipped in settings.Template.Rules.Where(r => registry.IndexOf(r.Signal) < 0))
            context.Error.WriteLine($"calibrate: {skipped.Signal} is a model score, not a signal: its rule is left out (the audit adds the model's own threshold)");
        string name = string.Join(", ", settings.Reference.Select(Path.GetFileName));
        var calibrated = RuleCalibration.Calibrate(RuleSet.From(usable), reference, settings.Budget, name);

        string written = await OutputFiles.WriteAsync(settings.OutPath, stream => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(calibrated.ToJson())).AsTask());
        var effects = RuleCalibration.Effects(calibrated, reference, defective);
        var alternatives = Budgets.Select(b => RuleCalibration.Calibrate(RuleSet.From(usable), reference, b, name)).ToList();
        HoldoutReport? holdout = null;
        if (settings.GroupField is not null)
        {
            var groups = MostGroups(referenceDocs.Select(d => d.Group).ToList(), context, settings.GroupField);
            if (groups.Distinct(StringComparer.Ordinal).Count() < 2)
                throw new CliUsageException($"--group-field {settings.GroupField}: the reference has only one group; leave-one-group-out needs two or more");
            holdout = RuleCalibration.LeaveOneGroupOut(RuleSet.From(usable), reference, groups, settings.Budget);
        }

        if (settings.Json) PrintJson(context, settings, calibrated, effects, alternatives, reference, defective, holdout);
        else
        {
            PrintTable(context, settings, calibrated, effects, alternatives, reference, defective);
            if (holdout is not null) PrintHoldout(context.Out, settings, holdout);
        }
        context.Error.WriteLine($"calibrate: wrote {written}");
        return ExitCodes.Ok;
    }

    /// <summary>Groups held out one at a time at most; beyond it the smallest groups are held out together.</summary>
    public const int MaxHoldoutGroups = 100;

    /// <summary>
    /// The groups as given when there are at most <see cref="MaxHoldoutGroups"/>; otherwise the largest
    /// <see cref="MaxHoldoutGroups"/> − 1 (ties by name) and one group "(other)" of the rest, so the check costs
    /// <see cref="MaxHoldoutGroups"/> calibrations whatever the field (a field unique per document would otherwise
    /// cost one per document).
    /// </summary>
    private static List<string> MostGroups(List<string> groups, CliContext context, string field)
    {
        var sizes = groups.GroupBy(g => g, StringComparer.Ordinal).Select(g => (Name: g.Key, Count: g.Count())).ToList();
        if (sizes.Count <= MaxHoldoutGroups) return groups;
        var kept = sizes.OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal).Take(MaxHoldoutGroups - 1)
            .Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        context.Error.WriteLine($"calibrate: --group-field {field}: {sizes.Count:N0} groups; the {MaxHoldoutGroups - 1} largest are held out one at a time, the other {sizes.Count - kept.Count:N0} together as \"(other)\"");
        return groups.Select(g => kept.Contains(g) ? g : "(other)").ToList();
    }

    private static async Task<List<LabelledDocument>> LoadAsync(IReadOnlyList<string> inputs, CalibrateSettings settings, LabelledSelection selection,
        CliContext context, string label, CancellationToken ct)
    {
        var corpus = InputCorpus.Open(inputs, settings.Reading with { ExtraFields = LabelledCorpus.Fields(selection) });
        var progress = new ProgressReporter(context, label, corpus.TotalFileBytes);
        return await LabelledCorpus.LoadAsync(corpus, selection, featurizer: null, settings.Threads, progress, ct);
    }

    private static void PrintTable(CliContext context, CalibrateSettings settings, RuleSet rules, List<RuleEffect> effects,
        List<RuleSet> alternatives, List<double[]> reference, List<double[]>? defective)
    {
        var o = context.Out;
        bool against = defective is not null;
        o.WriteLine($"rules calibrated on {reference.Count:N0} reference documents, drop budget {F(settings.Budget)} per rule" +
            (against ? $"; defective set: {Counted.Of(defective!.Count, "document")}" : ""));
        o.WriteLine($"{"signal",-32} {"bound",5} {"threshold",12} {"clean dropped",13}" + (against ? $" {"defective dropped",17}" : ""));
        foreach (var e in effects)
            o.WriteLine($"{e.Rule.Signal,-32} {(e.Rule.Bound == RuleBound.Min ? "min" : "max"),5} {G(e.Rule.Threshold),12} {F(e.ReferenceDropped),13}" +
                (against ? $" {F(e.DefectiveDropped!.Value),17}" : ""));
        o.WriteLine($"{"all rules together",-32} {"",5} {"",12} {F(RuleCalibration.DroppedShare(rules, reference)),13}" +
            (against ? $" {F(RuleCalibration.DroppedShare(rules, defective!)),17}" : ""));
        if (!against) return;
        o.WriteLine();
        o.WriteLine("trade-off: threshold / defective dropped at each per-rule budget");
        o.WriteLine($"{"signal",-32}" + string.Concat(Budgets.Select(b => $" {"budget " + F(b),24}")));
        for (int r = 0; r < rules.Rules.Count; r++)
        {
            o.WriteLine($"{rules.Rules[r].Signal,-32}" + string.Concat(alternatives.Select(a =>
            {
                var rule = a.Rules[r];
                double dropped = RuleCalibration.DroppedShare(rule, defective!);
                return $" {G(rule.Threshold) + " / " + F(dropped),24}";
            })));
        }
        o.WriteLine($"{"all rules: clean kept",-32}" + string.Concat(alternatives.Select(a => $" {F(1 - RuleCalibration.DroppedShare(a, reference)),24}")));
        o.WriteLine($"{"all rules: defective dropped",-32}" + string.Concat(alternatives.Select(a => $" {F(RuleCalibration.DroppedShare(a, defective!)),24}")));
    }

    /// <summary>The leave-one-group-out table, after the main one.</summary>
    private static void PrintHoldout(TextWriter o, CalibrateSettings settings, HoldoutReport h)
    {
        o.WriteLine();
        o.WriteLine($"leave-one-group-out ({h.Groups} groups of {settings.GroupField}): each group's documents judged by the rules calibrated on the other groups");
        int width = Math.Max(32, h.Rules.Max(e => e.Rule.Signal.Length) + 1);
        o.WriteLine($"{"signal".PadRight(width)} {"clean dropped (held out)",24}  worst group");
        foreach (var e in h.Rules)
            o.WriteLine($"{e.Rule.Signal.PadRight(width)} {F(e.HeldOutDropped),24}  {(e.WorstGroupDropped > 0 ? $"{e.WorstGroup} {F(e.WorstGroupDropped)}" : "-")}");
        o.WriteLine($"{"all rules together".PadRight(width)} {F(h.AllRulesHeldOutDropped),24}  {(h.AllRulesWorstGroupDropped > 0 ? $"{h.AllRulesWorstGroup} {F(h.AllRulesWorstGroupDropped)}" : "-")}");
    }

    private static void PrintJson(CliContext context, CalibrateSettings settings, RuleSet rules, List<RuleEffect> effects,
        List<RuleSet> alternatives, List<double[]> reference, List<double[]>? defective, HoldoutReport? holdout)
    {
        var report = new Dictionary<string, object?>
        {
            ["budget"] = settings.Budget,
            ["reference_documents"] = reference.Count,
            ["defective_documents"] = defective?.Count,
            ["rules"] = effects.Select(e => new Dictionary<string, object?>
            {
                ["signal"] = e.Rule.Signal,
                ["bound"] = e.Rule.Bound == RuleBound.Min ? "min" : "max",
                ["threshold"] = e.Rule.Threshold,
                ["reason"] = e.Rule.Reason,
                ["reference_dropped"] = e.ReferenceDropped,
                ["defective_dropped"] = e.DefectiveDropped,
            }).ToList(),
            ["all_rules_reference_dropped"] = RuleCalibration.DroppedShare(rules, reference),
            ["all_rules_defective_dropped"] = defective is null ? null : RuleCalibration.DroppedShare(rules, defective),
            ["budgets"] = Budgets.Zip(alternatives).Select(p => new Dictionary<string, object?>
            {
                ["budget"] = p.First,
                ["reference_dropped"] = RuleCalibration.DroppedShare(p.Second, reference),
                ["defective_dropped"] = defective is null ? null : RuleCalibration.DroppedShare(p.Second, defective),
            }).ToList(),
            ["holdout"] = holdout is null ? null : new Dictionary<string, object?>
            {
                ["group_field"] = settings.GroupField,
                ["groups"] = holdout.Groups,
                ["rules"] = holdout.Rules.Select(e => new Dictionary<string, object?>
                {
                    ["signal"] = e.Rule.Signal,
                    ["bound"] = e.Rule.Bound == RuleBound.Min ? "min" : "max",
                    ["reason"] = e.Rule.Reason,
                    ["held_out_dropped"] = e.HeldOutDropped,
                    ["worst_group"] = e.WorstGroupDropped > 0 ? e.WorstGroup : null,
                    ["worst_group_dropped"] = e.WorstGroupDropped,
                }).ToList(),
                ["all_rules_held_out_dropped"] = holdout.AllRulesHeldOutDropped,
                ["all_rules_worst_group"] = holdout.AllRulesWorstGroupDropped > 0 ? holdout.AllRulesWorstGroup : null,
                ["all_rules_worst_group_dropped"] = holdout.AllRulesWorstGroupDropped,
            },
        };
        context.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
