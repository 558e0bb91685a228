namespace CorpusQA.Core.Rules;

/// <summary>Which side of the threshold keeps a document.</summary>
public enum RuleBound
{
    /// <summary>Keep when the value is at least the threshold.</summary>
    Min,
    /// <summary>Keep when the value is at most the threshold.</summary>
    Max,
}

/// <summary>One rule: a bound on one signal; a document that breaks it is dropped with <see cref="Reason"/>.</summary>
public sealed record QualityRule(string Signal, RuleBound Bound, double Threshold, string Reason, string Source)
{
    /// <summary>Column index of <see cref="Signal"/> in the registry the rule set was loaded against.</summary>
    internal int SignalIndex { get; init; }

    /// <summary>True when <paramref name="value"/> satisfies the rule.</summary>
    public bool Passes(double value) => Bound == RuleBound.Min ? !(value < Threshold) : !(value > Threshold);
}

/// <summary>The outcome of a rule set on one document.</summary>
public sealed class RuleEvaluation
{
    private static readonly string[] NoReasons = [];

    internal static readonly RuleEvaluation Kept = new(NoReasons);

    internal RuleEvaluation(IReadOnlyList<string> dropReasons) => DropReasons = dropReasons;

    /// <summary>True when no rule was broken.</summary>
    public bool Keep => DropReasons.Count == 0;

    /// <summary>Reasons of the broken rules, in rule order, each once.</summary>
    public IReadOnlyList<string> DropReasons { get; }
}

/// <summary>A rule configuration that cannot be used; the message is one line naming the file and the problem.</summary>
public sealed class RuleConfigException(string message, Exception? inner = null) : Exception(message, inner);
