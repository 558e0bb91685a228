using System.Security.Cryptography;
using System.Text;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.Rules;

/// <summary>
/// An ordered list of <see cref="QualityRule"/>s over the signals of a <see cref="SignalRegistry"/>. Load the
/// embedded defaults with <see cref="Default"/> or a JSON file with <see cref="Load"/>; immutable and thread-safe.
/// </summary>
public sealed class RuleSet
{
    private static readonly Lazy<RuleSet> DefaultLazy = new(() =>
    {
        using var stream = DataFiles.Open("default_rules.json");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default_rules.json (embedded)", SignalRegistry.Default);
    });

    private readonly QualityRule[] _rules;

    private readonly int _signalCount;

    private RuleSet(QualityRule[] rules, string hash, int signalCount)
    {
        _rules = rules;
        ConfigHash = hash;
        _signalCount = signalCount;
    }

    /// <summary>A rule set of <paramref name="rules"/>, their signals resolved as in a rule file.</summary>
    public static RuleSet From(IEnumerable<QualityRule> rules, SignalRegistry? registry = null)
    {
        registry ??= SignalRegistry.Default;
        var set = new RuleSet([], Hash([]), registry.Count);
        foreach (var rule in rules) set = set.With(rule, registry);
        return set;
    }

    /// <summary>The rules as a rule file (with their sources), the format <see cref="Load"/> reads.</summary>
    public string ToJson() => RuleJson.Write(_rules);

    /// <summary>True when a rule bounds <paramref name="signal"/>.</summary>
    public bool HasRuleOn(string signal) => _rules.Any(r => r.Signal == signal);

    /// <summary>This rule set with <paramref name="rule"/> appended (its signal resolved as in a rule file).</summary>
    public RuleSet With(QualityRule rule, SignalRegistry? registry = null)
    {
        registry ??= SignalRegistry.Default;
        int index = ScoreColumns.ValueIndex(rule.Signal, registry);
        if (index < 0) throw new RuleConfigException($"unknown signal \"{rule.Signal}\"");
        QualityRule[] rules = [.. _rules, rule with { SignalIndex = index }];
        return new RuleSet(rules, Hash(rules), _signalCount);
    }

    /// <summary>The default rules (Core/Data/default_rules.json; see docs/rules.md).</summary>
    public static RuleSet Default => DefaultLazy.Value;

    /// <summary>The rules in evaluation order.</summary>
    public IReadOnlyList<QualityRule> Rules => _rules;

    /// <summary>
    /// SHA-256 (lower-case hex) of the canonical JSON of the rules (signal, bound, threshold, reason; sources and
    /// formatting excluded), so equal configurations hash equal whatever their layout or comments.
    /// </summary>
    public string ConfigHash { get; }

    /// <summary>The published rule stacks shipped as presets (<c>--config preset:NAME</c>; Core/Data/presets).</summary>
    public static IReadOnlyList<string> Presets { get; } = ["chinesewebtext", "fineweb2-cmn"];

    /// <summary>
    /// Reads a rule file, or a preset named <c>preset:NAME</c>. Throws <see cref="RuleConfigException"/> with a
    /// one-line message on any problem.
    /// </summary>
    public static RuleSet Load(string path, SignalRegistry? registry = null)
    {
        if (path.StartsWith("preset:", StringComparison.Ordinal))
        {
            string name = path["preset:".Length..];
            if (!Presets.Contains(name))
                throw new RuleConfigException($"{path}: unknown preset (presets: {string.Join(", ", Presets)})");
            using var stream = DataFiles.Open($"presets.{name}.json");
            using var preset = new StreamReader(stream);
            return Parse(preset.ReadToEnd(), path, registry ?? SignalRegistry.Default);
        }
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleConfigException($"{path}: cannot read rule file: {e.Message}", e);
        }
        return Parse(json, path, registry ?? SignalRegistry.Default);
    }

    /// <summary>Parses rule JSON; <paramref name="origin"/> names the source in error messages.</summary>
    public static RuleSet Parse(string json, string origin, SignalRegistry registry)
    {
        var rules = RuleJson.Read(json, origin, registry);
        return new RuleSet(rules, Hash(rules), registry.Count);
    }

    /// <summary>
    /// Applies every rule to one document's values: the signals indexed like the registry, then the
    /// <see cref="ScoreColumns"/> when the run has models. Rules on scores the span does not hold are not evaluated.
    /// </summary>
    public RuleEvaluation Evaluate(ReadOnlySpan<double> signalValues)
    {
        List<string>? reasons = null;
        foreach (var rule in _rules)
        {
            if (rule.SignalIndex >= signalValues.Length)
            {
                if (rule.SignalIndex >= _signalCount) continue;
                throw new ArgumentException($"expected {rule.SignalIndex + 1}+ signal values, got {signalValues.Length}", nameof(signalValues));
            }
            if (rule.Passes(signalValues[rule.SignalIndex])) continue;
            reasons ??= [];
            if (!reasons.Contains(rule.Reason)) reasons.Add(rule.Reason);
        }
        return reasons is null ? RuleEvaluation.Kept : new RuleEvaluation(reasons);
    }

    /// <summary>The canonical JSON the hash is computed over.</summary>
    public string CanonicalJson() => RuleJson.Canonical(_rules);

    private static string Hash(QualityRule[] rules) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RuleJson.Canonical(rules))));
}
