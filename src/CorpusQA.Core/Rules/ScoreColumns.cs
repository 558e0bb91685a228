namespace CorpusQA.Core.Rules;

/// <summary>
/// The learned scores rules may refer to besides the signals. In a value span they follow the registry's signals,
/// in this order; a run without models has none, and rules on them are then not evaluated.
/// </summary>
public static class ScoreColumns
{
    /// <summary>The quality model's score: P(good), or the predicted score of a regression model.</summary>
    public const string QualityScore = "quality_score";

    /// <summary>The script model's probability of its predicted script.</summary>
    public const string ScriptConfidence = "script_confidence";

    /// <summary>Both, in value-span order.</summary>
    public static IReadOnlyList<string> All { get; } = [QualityScore, ScriptConfidence];

    /// <summary>
    /// The value-span index a rule on <paramref name="column"/> reads: a signal's registry index, or for a score the
    /// slot after the signals; -1 when the name is neither.
    /// </summary>
    public static int ValueIndex(string column, Signals.SignalRegistry registry)
    {
        int index = registry.IndexOf(column);
        if (index >= 0) return index;
        for (int i = 0; i < All.Count; i++)
            if (All[i] == column) return registry.Count + i;
        return -1;
    }

    /// <summary>The rule reason of the default quality-score rule.</summary>
    public const string LowQualityReason = "low_quality_score";
}
